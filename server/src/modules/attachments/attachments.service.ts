import { createHash } from 'node:crypto';
import { DOCUMENT_TYPE_LABELS, type Attachment, type DocumentType } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { NotFound, ValidationFailed } from '../../errors.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { CaseJournal } from '../cases/case-journal.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { AttachmentsRepository } from './attachments.repository.ts';
import { ALLOWED_TYPES, detectAllowedType, extensionMatches, safeFilename } from './file-types.ts';

const ACCEPTED = [...new Set(Object.values(ALLOWED_TYPES).map((t) => t.label))].join(', ');

/**
 * Documents on a case: type checked by content and name, every upload and download
 * audited. Documents can be added to a closed case too (follow-up, letters).
 */
export class AttachmentsService {
  constructor(
    private readonly attachments = new AttachmentsRepository(),
    private readonly access = new CaseAccess(),
    private readonly cases = new CasesRepository(),
    private readonly journal = new CaseJournal(),
  ) {}

  async upload(
    actor: UserActor,
    caseId: string,
    file: { originalname: string; buffer: Buffer },
    meta: { documentType: DocumentType; description?: string } = { documentType: 'other' },
  ): Promise<Attachment> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const contentType = await detectAllowedType(file.buffer);
    if (!contentType) {
      throw new ValidationFailed([
        {
          name: 'file',
          code: 'unsupported_type',
          reason: `Dit soort bestand kan niet worden toegevoegd. Toegestaan: ${ACCEPTED}.`,
        },
      ]);
    }
    const filename = safeFilename(file.originalname);
    if (!extensionMatches(filename, contentType)) {
      const expected = ALLOWED_TYPES[contentType]!;
      throw new ValidationFailed([
        {
          name: 'file',
          code: 'extension_mismatch',
          reason: `De naam van het bestand past niet bij de inhoud: dit is een ${expected.label}. Geef het de extensie .${expected.extensions[0]}.`,
        },
      ]);
    }
    const id = await this.attachments.insert(
      caseId,
      {
        filename,
        contentType,
        content: file.buffer,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        documentType: meta.documentType,
        description: meta.description ?? null,
      },
      actor.user.id,
    );
    await this.cases.touch(caseId);
    await this.journal.event(
      actor,
      caseId,
      'document_added',
      `Document toegevoegd: ${filename}${meta.documentType === 'other' ? '' : ` (${DOCUMENT_TYPE_LABELS[meta.documentType].toLowerCase()})`}`,
      { attachmentId: id },
    );
    await this.journal.record({ action: 'create', objectType: 'attachment', objectId: id });
    return (await this.attachments.list(caseId)).find((a) => a.id === id)!;
  }

  async list(actor: UserActor, caseId: string): Promise<Attachment[]> {
    await this.access.read(actor, caseId);
    const attachments = await this.attachments.list(caseId);
    await this.journal.record({
      action: 'read',
      objectType: 'attachment-list',
      objectId: caseId,
      objectIds: attachments.map((a) => a.id),
    });
    return attachments;
  }

  /**
   * Removes a document put on the wrong case or added by mistake: its content is erased,
   * the timeline says which document went and why, and the audit log keeps the reason.
   */
  async remove(actor: UserActor, caseId: string, id: string, reason: string): Promise<void> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const removed = await this.attachments.remove(caseId, id, reason, actor.user.id);
    if (!removed) throw new NotFound('Het document');
    await this.cases.touch(caseId);
    await this.journal.event(
      actor,
      caseId,
      'document_removed',
      `Document verwijderd: ${removed.filename}. Reden: ${reason.slice(0, 200)}`,
      { attachmentId: id },
    );
    await this.journal.record({ action: 'delete', objectType: 'attachment', objectId: id, reason });
  }

  async download(actor: UserActor, caseId: string, id: string) {
    await this.access.read(actor, caseId);
    const file = await this.attachments.content(caseId, id);
    if (!file) throw new NotFound('Het document');
    await this.journal.record({ action: 'read', objectType: 'attachment', objectId: id });
    return file;
  }
}
