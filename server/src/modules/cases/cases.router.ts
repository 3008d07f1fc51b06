import {
  CaseDetailSchema,
  CoachingSchema,
  ContactSchema,
  IntakeSchema,
  PerspectiveAnalysisSchema,
  RouteSchema,
  CaseListQuerySchema,
  CasePageSchema,
  CaseRegistrationSchema,
  CaseUpdateSchema,
  CloseCaseSchema,
  CoachingInputSchema,
  ContactInputSchema,
  IntakeInputSchema,
  PerspectiveAnalysisInputSchema,
  RouteEndSchema,
  RouteStartSchema,
  ScheduleIntakeSchema,
  TimelineEventSchema,
  WithdrawCaseSchema,
  WorklistCountsSchema,
} from '@herorientatie/domain';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { NotFound } from '../../errors.ts';
import { idempotent } from '../../http/idempotency.ts';
import { parseInput } from '../../http/validate.ts';
import { requireRole } from '../auth/guards.ts';
import { problemResponse, registry, standardProblems } from '../openapi/registry.ts';
import { CasesService } from './cases.service.ts';

const IdParam = z.object({ id: z.uuid({ message: 'Onbekend dossier.' }) });
const RouteParam = IdParam.extend({ routeId: z.uuid({ message: 'Onbekende route.' }) });
const CoachingParam = IdParam.extend({ coachingId: z.uuid({ message: 'Onbekende coaching.' }) });

const read = requireRole('caseworker', 'advisor', 'manager');
const write = requireRole('caseworker', 'advisor');

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const idempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'Herhaalt u het verzoek met dezelfde sleutel, dan komt het eerste antwoord terug.',
  }),
});
const errors = {
  ...standardProblems,
  409: problemResponse('Stap niet toegestaan in de huidige status'),
};
function doc(
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  summary: string,
  body?: z.ZodType,
  response?: z.ZodType,
  created = false,
) {
  const params = path.includes('{routeId}')
    ? RouteParam
    : path.includes('{coachingId}')
      ? CoachingParam
      : path.includes('{id}')
        ? IdParam
        : undefined;
  registry.registerPath({
    method,
    path,
    summary,
    tags: ['Dossiers'],
    request: {
      ...(params ? { params } : {}),
      ...(body ? { body: json(body) } : {}),
      ...(created ? { headers: idempotencyHeader } : {}),
    },
    responses: {
      [created ? 201 : 200]: { description: 'Gelukt', ...(response ? json(response) : {}) },
      ...errors,
    },
  });
}

doc('get', '/cases', 'Dossiers zoeken en filteren (keyset-paginering)', undefined, CasePageSchema);
doc(
  'post',
  '/cases',
  'Ondernemer aanmelden: nieuw dossier',
  CaseRegistrationSchema,
  CaseDetailSchema,
  true,
);
doc('get', '/worklist-counts', 'Aantallen per werklijst', undefined, WorklistCountsSchema);
doc(
  'get',
  '/cases/{id}',
  'Dossier met ondernemer en toegestane stappen',
  undefined,
  CaseDetailSchema,
);
doc(
  'patch',
  '/cases/{id}',
  'Urgentie, steun of toewijzing wijzigen',
  CaseUpdateSchema,
  CaseDetailSchema,
);
doc(
  'put',
  '/cases/{id}/intake-appointment',
  'Intake plannen',
  ScheduleIntakeSchema,
  CaseDetailSchema,
);
doc('post', '/cases/{id}/intake', 'Intake vastleggen', IntakeInputSchema, IntakeSchema, true);
doc('get', '/cases/{id}/intake', 'De intake van een dossier', undefined, IntakeSchema);
doc(
  'post',
  '/cases/{id}/perspective-analyses',
  'Analyse perspectief vastleggen',
  PerspectiveAnalysisInputSchema,
  undefined,
  true,
);
doc(
  'get',
  '/cases/{id}/perspective-analyses',
  'Analyses perspectief van een dossier',
  undefined,
  z.array(PerspectiveAnalysisSchema),
);
doc('post', '/cases/{id}/routes', 'Route starten', RouteStartSchema, undefined, true);
doc('get', '/cases/{id}/routes', 'Routes van een dossier', undefined, z.array(RouteSchema));
doc(
  'patch',
  '/cases/{id}/routes/{routeId}',
  'Route beëindigen met uitkomst',
  RouteEndSchema,
  RouteSchema,
);
doc('post', '/cases/{id}/coachings', 'Coaching vastleggen', CoachingInputSchema, undefined, true);
doc('get', '/cases/{id}/coachings', 'Coaching van een dossier', undefined, z.array(CoachingSchema));
doc('put', '/cases/{id}/coachings/{coachingId}', 'Coaching bijwerken', CoachingInputSchema);
doc('post', '/cases/{id}/contacts', 'Contact vastleggen', ContactInputSchema, undefined, true);
doc('get', '/cases/{id}/contacts', 'Contacten van een dossier', undefined, z.array(ContactSchema));
doc(
  'post',
  '/cases/{id}/closure',
  'Dossier afsluiten met uitkomst',
  CloseCaseSchema,
  CaseDetailSchema,
);
doc(
  'post',
  '/cases/{id}/withdrawal',
  'Dossier terugtrekken met reden',
  WithdrawCaseSchema,
  CaseDetailSchema,
);
doc('post', '/cases/{id}/reopening', 'Dossier heropenen', undefined, CaseDetailSchema);
doc(
  'get',
  '/cases/{id}/timeline',
  'Tijdlijn van het dossier',
  undefined,
  z.array(TimelineEventSchema),
);

export function casesRouter(uow: TenantUnitOfWork, service = new CasesService()) {
  const router = express.Router({ strict: true });
  // A malformed id cannot name a case: it is as unknown as a missing one.
  const id = (req: Request) => {
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) throw new NotFound('Het dossier');
    return parsed.data.id;
  };

  /** A create: idempotent per key, answered with 201 (or the first 201 on a replay). */
  const create =
    <S extends z.ZodType>(schema: S, run: (req: Request, input: z.output<S>) => Promise<unknown>) =>
    async (req: Request, res: Response) => {
      const input = parseInput(schema, req.body);
      const result = await uow.run(() =>
        idempotent(
          req.header('idempotency-key'),
          { method: req.method, path: req.originalUrl, body: req.body },
          () => run(req, input),
        ),
      );
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(201).json(result.body);
    };

  router.get('/cases', read, async (req, res) => {
    const query = parseInput(CaseListQuerySchema, req.query);
    res.json(await uow.run(() => service.list(query)));
  });
  router.post(
    '/cases',
    requireRole('caseworker'),
    create(CaseRegistrationSchema, (_req, input) => service.register(input)),
  );
  router.get('/worklist-counts', read, async (_req, res) => {
    res.json(await uow.run(() => service.worklistCounts()));
  });
  router.get('/cases/:id', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.get(caseId)));
  });
  router.patch('/cases/:id', write, async (req, res) => {
    const caseId = id(req);
    const patch = parseInput(CaseUpdateSchema, req.body);
    res.json(await uow.run(() => service.update(caseId, patch)));
  });
  router.put('/cases/:id/intake-appointment', write, async (req, res) => {
    const caseId = id(req);
    const input = parseInput(ScheduleIntakeSchema, req.body);
    res.json(await uow.run(() => service.scheduleIntake(caseId, input.scheduledAt)));
  });
  router.post(
    '/cases/:id/intake',
    write,
    create(IntakeInputSchema, (req, input) => service.recordIntake(id(req), input)),
  );
  router.get('/cases/:id/intake', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.getIntake(caseId)));
  });
  router.post(
    '/cases/:id/perspective-analyses',
    write,
    create(PerspectiveAnalysisInputSchema, (req, input) => service.recordAnalysis(id(req), input)),
  );
  router.get('/cases/:id/perspective-analyses', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.listAnalyses(caseId)));
  });
  router.post(
    '/cases/:id/routes',
    write,
    create(RouteStartSchema, (req, input) => service.startRoute(id(req), input)),
  );
  router.get('/cases/:id/routes', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.listRoutes(caseId)));
  });
  router.patch('/cases/:id/routes/:routeId', write, async (req, res) => {
    const params = {
      id: id(req),
      routeId: parseInput(RouteParam.pick({ routeId: true }), req.params).routeId,
    };
    const input = parseInput(RouteEndSchema, req.body);
    res.json(await uow.run(() => service.endRoute(params.id, params.routeId, input)));
  });
  router.post(
    '/cases/:id/coachings',
    write,
    create(CoachingInputSchema, (req, input) => service.addCoaching(id(req), input)),
  );
  router.get('/cases/:id/coachings', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.listCoachings(caseId)));
  });
  router.put('/cases/:id/coachings/:coachingId', write, async (req, res) => {
    const params = {
      id: id(req),
      coachingId: parseInput(CoachingParam.pick({ coachingId: true }), req.params).coachingId,
    };
    const input = parseInput(CoachingInputSchema, req.body);
    res.json(await uow.run(() => service.updateCoaching(params.id, params.coachingId, input)));
  });
  router.post(
    '/cases/:id/contacts',
    write,
    create(ContactInputSchema, (req, input) => service.logContact(id(req), input)),
  );
  router.get('/cases/:id/contacts', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.listContacts(caseId)));
  });
  router.post('/cases/:id/closure', write, async (req, res) => {
    const caseId = id(req);
    const input = parseInput(CloseCaseSchema, req.body);
    res.json(await uow.run(() => service.close(caseId, input.outcome, input.note)));
  });
  router.post('/cases/:id/withdrawal', write, async (req, res) => {
    const caseId = id(req);
    const input = parseInput(WithdrawCaseSchema, req.body);
    res.json(await uow.run(() => service.withdraw(caseId, input.reason)));
  });
  router.post('/cases/:id/reopening', write, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.reopen(caseId)));
  });
  router.get('/cases/:id/timeline', read, async (req, res) => {
    const caseId = id(req);
    res.json(await uow.run(() => service.timelineOf(caseId)));
  });
  return router;
}
