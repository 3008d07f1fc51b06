import { EntrepreneurInputSchema, EntrepreneurSchema } from '@herorientatie/domain';
import express, { type Request } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { NotFound } from '../../errors.ts';
import { parseInput } from '../../http/validate.ts';
import { requireRole } from '../auth/guards.ts';
import { problemResponse, registry, standardProblems } from '../openapi/registry.ts';
import { EntrepreneursService } from './entrepreneurs.service.ts';

const IdParam = z.object({ id: z.uuid() });
const SearchQuery = z.object({ q: z.string().trim().max(100).optional() });
const RevealSchema = z.object({
  reason: z.string().trim().min(3, { message: 'Geef aan waarom u het BSN nodig heeft.' }).max(300),
});

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
registry.registerPath({
  method: 'get',
  path: '/entrepreneurs',
  summary: 'Ondernemers zoeken op naam, bedrijfsnaam of KvK-nummer',
  tags: ['Ondernemers'],
  request: { query: SearchQuery },
  responses: {
    200: { description: 'Gevonden ondernemers', ...json(z.array(EntrepreneurSchema)) },
    ...standardProblems,
  },
});
registry.registerPath({
  method: 'get',
  path: '/entrepreneurs/{id}',
  summary: 'Eén ondernemer (BSN gemaskeerd)',
  tags: ['Ondernemers'],
  request: { params: IdParam },
  responses: {
    200: { description: 'Ondernemer', ...json(EntrepreneurSchema) },
    ...standardProblems,
  },
});
registry.registerPath({
  method: 'put',
  path: '/entrepreneurs/{id}',
  summary: 'Gegevens van een ondernemer wijzigen (zonder BSN blijft het bewaarde BSN staan)',
  tags: ['Ondernemers'],
  request: { params: IdParam, body: json(EntrepreneurInputSchema) },
  responses: {
    200: { description: 'Gewijzigd', ...json(EntrepreneurSchema) },
    ...standardProblems,
    409: problemResponse('KvK-nummer of BSN hoort al bij een andere ondernemer'),
  },
});
registry.registerPath({
  method: 'post',
  path: '/entrepreneurs/{id}/bsn-reveal',
  summary: 'Het volledige BSN tonen; wordt met reden in het auditlog vastgelegd',
  tags: ['Ondernemers'],
  request: { params: IdParam, body: json(RevealSchema) },
  responses: {
    200: { description: 'Het BSN', ...json(z.object({ bsn: z.string().nullable() })) },
    ...standardProblems,
  },
});

/** Entrepreneurs are reached by caseworkers and managers; advisors see them through their cases. */
export function entrepreneursRouter(uow: TenantUnitOfWork, service = new EntrepreneursService()) {
  const router = express.Router({ strict: true });
  const access = requireRole('caseworker', 'manager');
  const id = (req: Request) => {
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) throw new NotFound('De ondernemer');
    return parsed.data.id;
  };

  router.get('/entrepreneurs', access, async (req, res) => {
    const { q } = parseInput(SearchQuery, req.query);
    res.json(await uow.run(() => service.search(q || undefined)));
  });
  router.get('/entrepreneurs/:id', access, async (req, res) => {
    const entrepreneurId = id(req);
    res.json(await uow.run(() => service.get(entrepreneurId)));
  });
  router.put('/entrepreneurs/:id', requireRole('caseworker'), async (req, res) => {
    const entrepreneurId = id(req);
    const input = parseInput(EntrepreneurInputSchema, req.body);
    res.json(await uow.run(() => service.update(entrepreneurId, input)));
  });
  router.post('/entrepreneurs/:id/bsn-reveal', requireRole('caseworker'), async (req, res) => {
    const entrepreneurId = id(req);
    const { reason } = parseInput(RevealSchema, req.body);
    res.json({ bsn: await uow.run(() => service.revealBsn(entrepreneurId, reason)) });
  });
  return router;
}
