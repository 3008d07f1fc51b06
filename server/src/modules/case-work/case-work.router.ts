import {
  AgendaEntrySchema,
  AgendaQuerySchema,
  ActionCompletionSchema,
  ActionCountsSchema,
  ActionInputSchema,
  ActionListQuerySchema,
  ActionPostponementSchema,
  ActionSchema,
  BsnSearchSchema,
  NoteCorrectionSchema,
  NoteInputSchema,
  NoteSchema,
  ReassignmentSchema,
  SearchHitSchema,
  SearchQuerySchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { mayWriteCase } from '../cases/case-access.ts';
import { sendTableFile, TABLE_MEDIA_TYPES } from '../../http/tabular.ts';
import { CaseWorkService } from './case-work.service.ts';

const CaseParam = z.object({ id: z.uuid() });
const ActionParam = CaseParam.extend({ actionId: z.uuid() });
const onCase = { params: CaseParam, notFound: 'Het dossier' } as const;
const onAction = { params: ActionParam, notFound: 'De actie' } as const;

export function caseWorkRouter(uow: TenantUnitOfWork, service = new CaseWorkService()) {
  return routeTable(uow, 'Dossiers', [
    route({
      ...onCase,
      method: 'get',
      path: '/cases/{id}/actions',
      summary: 'Acties van een dossier (ook de geplande intake)',
      permission: 'case:read',
      response: z.array(ActionSchema),
      handle: ({ actor, params }) => service.actions(actor, params.id),
    }),
    route({
      ...onCase,
      method: 'post',
      path: '/cases/{id}/actions',
      summary: 'Actie toevoegen: wat, wanneer, door wie',
      permission: 'case:write',
      body: ActionInputSchema,
      response: ActionSchema,
      status: 201,
      idempotent: true,
      authorize: mayWriteCase(),
      handle: ({ actor, params, body }) => service.addAction(actor, params.id, body),
    }),
    route({
      ...onAction,
      method: 'post',
      path: '/cases/{id}/actions/{actionId}/completion',
      summary: 'Actie gedaan of vervallen',
      permission: 'case:write',
      body: ActionCompletionSchema,
      response: ActionSchema,
      problems: { 409: 'De actie is al afgehandeld' },
      handle: ({ actor, params, body }) =>
        service.complete(actor, params.id, params.actionId, body.outcome, body.note),
    }),
    route({
      ...onAction,
      method: 'post',
      path: '/cases/{id}/actions/{actionId}/postponement',
      summary: 'Actie uitstellen naar een nieuwe datum',
      permission: 'case:write',
      body: ActionPostponementSchema,
      response: ActionSchema,
      problems: { 409: 'De actie is al afgehandeld' },
      handle: ({ actor, params, body }) =>
        service.postpone(actor, params.id, params.actionId, body.dueOn, body.note),
    }),
    route({
      method: 'get',
      path: '/intake-agenda',
      summary: 'Geplande intakes van een week: van de adviseur zelf of van het team',
      permission: 'case:read',
      query: AgendaQuerySchema,
      response: z.array(AgendaEntrySchema),
      handle: ({ actor, query }) => service.agenda(actor, query.week, query.scope),
    }),
    route({
      method: 'get',
      path: '/actions',
      summary: 'Acties van vandaag, te laat of gepland: van mij of van het team',
      permission: 'case:read',
      query: ActionListQuerySchema,
      response: z.array(ActionSchema),
      handle: ({ actor, query }) => service.worklist(actor, query.scope, query.when),
    }),
    ...(['csv', 'xlsx'] as const).map((format) =>
      route({
        method: 'get',
        path: `/actions/export.${format}`,
        summary: `Actielijst als ${format === 'csv' ? 'CSV' : 'Excel'} (dezelfde kolommen als de pagina)`,
        permission: 'case:read',
        query: ActionListQuerySchema,
        produces: TABLE_MEDIA_TYPES[format],
        send: sendTableFile,
        handle: ({ actor, query }) =>
          service.exportWorklist(actor, query.scope, query.when, format),
      }),
    ),
    route({
      method: 'get',
      path: '/action-counts',
      summary: 'Aantallen acties van vandaag en te laat, van mij en van het team',
      permission: 'case:read',
      response: ActionCountsSchema,
      handle: ({ actor }) => service.counts(actor),
    }),
    route({
      ...onCase,
      method: 'get',
      path: '/cases/{id}/notes',
      summary: 'Notities van een dossier',
      permission: 'case:read',
      response: z.array(NoteSchema),
      handle: ({ actor, params }) => service.notes(actor, params.id),
    }),
    route({
      ...onCase,
      method: 'post',
      path: '/cases/{id}/notes',
      summary: 'Notitie toevoegen',
      permission: 'case:write',
      body: NoteInputSchema,
      response: z.array(NoteSchema),
      status: 201,
      idempotent: true,
      authorize: mayWriteCase(),
      handle: ({ actor, params, body }) => service.addNote(actor, params.id, body.text),
    }),
    route({
      method: 'put',
      path: '/cases/{id}/notes/{noteId}',
      summary: 'Notitie corrigeren (de vorige versie blijft bewaard)',
      permission: 'case:write',
      params: CaseParam.extend({ noteId: z.uuid() }),
      notFound: 'De notitie',
      body: NoteCorrectionSchema,
      response: z.array(NoteSchema),
      handle: ({ actor, params, body }) =>
        service.correctNote(actor, params.id, params.noteId, body.text, body.correctionReason),
    }),
    route({
      ...onCase,
      method: 'get',
      path: '/cases/{id}/summary.pdf',
      summary: 'Dossieroverzicht om te printen (PDF, zonder BSN)',
      permission: 'case:read',
      produces: 'application/pdf',
      send: (res: Response, file: { filename: string; content: Buffer }) => {
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
        res.send(file.content);
      },
      handle: ({ actor, params }) => service.summary(actor, params.id),
    }),
    route({
      method: 'get',
      path: '/search',
      summary:
        'Zoeken in naam, bedrijfsnaam, KvK, dossiernummer, postcode, e-mail, telefoon en notities',
      permission: 'case:read',
      query: SearchQuerySchema,
      response: z.array(SearchHitSchema),
      handle: ({ actor, query }) => service.search(actor, query.q),
    }),
    route({
      method: 'post',
      path: '/search/bsn',
      summary: 'Zoeken op BSN, met een reden die in het auditlog komt',
      permission: 'entrepreneur:reveal-bsn',
      body: BsnSearchSchema,
      response: z.array(SearchHitSchema),
      handle: ({ actor, body }) => service.searchBsn(actor, body.bsn, body.reason),
    }),
    route({
      method: 'post',
      path: '/cases/reassignment',
      summary: 'Dossiers in één keer overdragen aan een andere consulent of adviseur',
      permission: 'case:assign',
      body: ReassignmentSchema,
      response: z.object({ reassigned: z.number().int() }),
      handle: ({ actor, body }) => service.reassign(actor, body),
    }),
  ]);
}
