import { createHash } from 'node:crypto';
import { NotFound, ValidationFailed, InvalidTransition } from '../../errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { scopeFor } from '../cases/cases.service.ts';
import { TimelineRepository } from '../cases/timeline.repository.ts';
import type { Attachment } from '@herorientatie/domain';
import { AttachmentsRepository } from './attachments.repository.ts';
import { ALLOWED_TYPES, detectAllowedType, safeFilename } from './file-types.ts';

/** Documents on a case: type checked by content, every upload and download audited. */
export class AttachmentsService {
  constructor(
    private readonly attachments = new AttachmentsRepository(),
    private readonly cases = new CasesRepository(),
    private readonly timeline = new TimelineRepository(),
    private readonly audit = new AuditService(),
  ) {}

  private async loadCase(caseId: string, forUpdate = false) {
    const user = requestContext.user();
    const row = await this.cases.find(caseId, scopeFor(user.roles, user.id), forUpdate);
    if (!row) throw new NotFound('Het dossier');
    return row;
  }

  async upload(
    caseId: string,
    file: { originalname: string; buffer: Buffer },
  ): Promise<Attachment> {
    const row = await this.loadCase(caseId, true);
    if (row.status === 'closed' || row.status === 'withdrawn') {
      throw new InvalidTransition(
        'Het dossier is afgesloten of teruggetrokken. Heropen het eerst.',
      );
    }
    const contentType = await detectAllowedType(file.buffer);
    if (!contentType) {
      throw new ValidationFailed([
        {
          name: 'file',
          code: 'unsupported_type',
          reason: `Dit soort bestand kan niet worden toegevoegd. Toegestaan: ${[...new Set(Object.values(ALLOWED_TYPES))].join(', ')}.`,
        },
      ]);
    }
    const user = requestContext.user();
    const filename = safeFilename(file.originalname);
    const id = await this.attachments.insert(
      caseId,
      {
        filename,
        contentType,
        content: file.buffer,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
      },
      user.id,
    );
    await this.cases.touch(caseId);
    await this.timeline.append(
      caseId,
      'document_added',
      `Document toegevoegd: ${filename}`,
      user.id,
      { attachmentId: id },
    );
    await this.audit.record({ action: 'create', objectType: 'attachment', objectId: id });
    return (await this.attachments.list(caseId)).find((a) => a.id === id)!;
  }

  async list(caseId: string): Promise<Attachment[]> {
    await this.loadCase(caseId);
    await this.audit.record({ action: 'read', objectType: 'attachment-list', objectId: caseId });
    return this.attachments.list(caseId);
  }

  async download(caseId: string, id: string) {
    await this.loadCase(caseId);
    const file = await this.attachments.content(caseId, id);
    if (!file) throw new NotFound('Het document');
    await this.audit.record({ action: 'read', objectType: 'attachment', objectId: id });
    return file;
  }
}
