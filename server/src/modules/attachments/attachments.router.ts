import { AttachmentSchema } from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { AttachmentsService } from './attachments.service.ts';
import { MAX_ATTACHMENT_BYTES } from './file-types.ts';

const CaseParam = z.object({ id: z.uuid() });
const DocumentParam = CaseParam.extend({ attachmentId: z.uuid() });

function sendFile(res: Response, file: { contentType: string; filename: string; content: Buffer }) {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.send(file.content);
}

export function attachmentsRouter(uow: TenantUnitOfWork, service = new AttachmentsService()) {
  return routeTable(uow, 'Dossiers', [
    route({
      method: 'post',
      path: '/cases/{id}/attachments',
      summary: 'Document toevoegen (PDF, afbeelding, Office; max. 10 MB; soort bepaald op inhoud)',
      permission: 'case:write',
      params: CaseParam,
      notFound: 'Het dossier',
      upload: { maxBytes: MAX_ATTACHMENT_BYTES, tooLarge: 'Het bestand is groter dan 10 MB.' },
      response: AttachmentSchema,
      status: 201,
      problems: { 413: 'Bestand groter dan 10 MB' },
      handle: ({ actor, params, file }) => service.upload(actor, params.id, file!),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/attachments',
      summary: 'Documenten van een dossier',
      permission: 'case:read',
      params: CaseParam,
      notFound: 'Het dossier',
      response: z.array(AttachmentSchema),
      handle: ({ actor, params }) => service.list(actor, params.id),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/attachments/{attachmentId}/content',
      summary: 'Document downloaden (wordt in het auditlog vastgelegd)',
      permission: 'case:read',
      params: DocumentParam,
      notFound: 'Het document',
      produces: 'application/octet-stream',
      send: sendFile,
      handle: ({ actor, params }) => service.download(actor, params.id, params.attachmentId),
    }),
  ]);
}
