import {
  AttachmentRemovalSchema,
  AttachmentSchema,
  AttachmentUploadSchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { AttachmentsService } from './attachments.service.ts';
import { MAX_ATTACHMENT_BYTES } from './file-types.ts';

const CaseParam = z.object({ id: z.uuid() });
const DocumentParam = CaseParam.extend({ attachmentId: z.uuid() });

/** PDFs and images may be shown in the page (preview); everything else is downloaded. */
const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

function sendFile(
  res: Response,
  file: { contentType: string; filename: string; content: Buffer; inline: boolean },
) {
  const inline = file.inline && PREVIEWABLE.has(file.contentType);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The documents tab shows a preview in a frame of our own page.
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  // Browsers do not show a PDF in a sandboxed frame; a PDF shown inline runs no script of ours.
  res.setHeader(
    'Content-Security-Policy',
    inline && file.contentType === 'application/pdf'
      ? "default-src 'none'; frame-ancestors 'self'"
      : "default-src 'none'; sandbox; frame-ancestors 'self'",
  );
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
      body: AttachmentUploadSchema,
      response: AttachmentSchema,
      status: 201,
      problems: { 413: 'Bestand groter dan 10 MB' },
      handle: ({ actor, params, file, body }) => service.upload(actor, params.id, file!, body),
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
      summary:
        'Document downloaden, of met inline=true tonen (PDF en afbeeldingen); in het auditlog',
      permission: 'case:read',
      params: DocumentParam,
      query: z.object({ inline: z.enum(['true', 'false']).default('false') }),
      notFound: 'Het document',
      produces: 'application/octet-stream',
      send: sendFile,
      handle: async ({ actor, params, query }) => ({
        ...(await service.download(actor, params.id, params.attachmentId)),
        inline: query.inline === 'true',
      }),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/attachments/{attachmentId}/removal',
      summary: 'Document verwijderen met een reden (de inhoud wordt gewist; de reden blijft)',
      permission: 'case:write',
      params: DocumentParam,
      notFound: 'Het document',
      body: AttachmentRemovalSchema,
      status: 204,
      handle: ({ actor, params, body }) =>
        service.remove(actor, params.id, params.attachmentId, body.reason),
    }),
  ]);
}
