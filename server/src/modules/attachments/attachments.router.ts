import { AttachmentSchema } from '@herorientatie/domain';
import express, { type Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { NotFound, ValidationFailed } from '../../errors.ts';
import { requireRole } from '../auth/guards.ts';
import { problemResponse, registry, standardProblems } from '../openapi/registry.ts';
import { AttachmentsService } from './attachments.service.ts';
import { MAX_ATTACHMENT_BYTES } from './file-types.ts';

const Params = z.object({ id: z.uuid(), attachmentId: z.uuid().optional() });

registry.registerPath({
  method: 'post',
  path: '/cases/{id}/attachments',
  summary: 'Document toevoegen (PDF, afbeelding, Office; max. 10 MB; soort bepaald op inhoud)',
  tags: ['Dossiers'],
  request: {
    params: Params.pick({ id: true }),
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.string().openapi({ format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Toegevoegd',
      content: { 'application/json': { schema: AttachmentSchema } },
    },
    ...standardProblems,
    413: problemResponse('Bestand groter dan 10 MB'),
  },
});
registry.registerPath({
  method: 'get',
  path: '/cases/{id}/attachments',
  summary: 'Documenten van een dossier',
  tags: ['Dossiers'],
  request: { params: Params.pick({ id: true }) },
  responses: {
    200: {
      description: 'Documenten',
      content: { 'application/json': { schema: z.array(AttachmentSchema) } },
    },
    ...standardProblems,
  },
});
registry.registerPath({
  method: 'get',
  path: '/cases/{id}/attachments/{attachmentId}/content',
  summary: 'Document downloaden (wordt in het auditlog vastgelegd)',
  tags: ['Dossiers'],
  request: { params: Params.required() },
  responses: { 200: { description: 'De inhoud van het document' }, ...standardProblems },
});

export function attachmentsRouter(uow: TenantUnitOfWork, service = new AttachmentsService()) {
  const router = express.Router({ strict: true });
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 },
  });
  const params = (req: Request) => {
    const parsed = Params.safeParse(req.params);
    if (!parsed.success) throw new NotFound('Het document');
    return parsed.data;
  };

  router.post(
    '/cases/:id/attachments',
    requireRole('caseworker', 'advisor'),
    upload.single('file'),
    async (req, res) => {
      const { id } = params(req);
      if (!req.file) {
        throw new ValidationFailed([
          { name: 'file', code: 'required', reason: 'Kies een bestand om toe te voegen.' },
        ]);
      }
      const file = req.file;
      res.status(201).json(await uow.run(() => service.upload(id, file)));
    },
  );
  router.get(
    '/cases/:id/attachments',
    requireRole('caseworker', 'advisor', 'manager'),
    async (req, res) => {
      const { id } = params(req);
      res.json(await uow.run(() => service.list(id)));
    },
  );
  router.get(
    '/cases/:id/attachments/:attachmentId/content',
    requireRole('caseworker', 'advisor', 'manager'),
    async (req, res) => {
      const { id, attachmentId } = params(req);
      const file = await uow.run(() => service.download(id, attachmentId!));
      res.setHeader('Content-Type', file.contentType);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      );
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.send(file.content);
    },
  );
  return router;
}
