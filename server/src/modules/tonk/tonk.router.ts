import {
  BbzRequestInputSchema,
  BbzRequestSchema,
  CaseDetailSchema,
  DecisionInputSchema,
  TonkApplicationInputSchema,
  TonkApplicationSchema,
} from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { mayWriteCase } from '../cases/case-access.ts';
import { TonkService } from './tonk.service.ts';

const IdParam = z.object({ id: z.uuid() });

export function tonkRouter(uow: TenantUnitOfWork, service = new TonkService()) {
  return routeTable(uow, 'TONK en Bbz', [
    route({
      method: 'get',
      path: '/tonk-applications',
      summary: 'TONK-aanvragen van de gemeente',
      permission: 'tonk:manage',
      response: z.array(TonkApplicationSchema),
      handle: () => service.list(),
    }),
    route({
      method: 'post',
      path: '/tonk-applications',
      summary: 'TONK-aanvraag vastleggen',
      permission: 'tonk:manage',
      body: TonkApplicationInputSchema,
      response: TonkApplicationSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, body }) => service.create(actor, body),
    }),
    route({
      method: 'put',
      path: '/tonk-applications/{id}/decision',
      summary: 'Besluit op een TONK-aanvraag',
      permission: 'tonk:manage',
      params: IdParam,
      notFound: 'De TONK-aanvraag',
      body: DecisionInputSchema,
      response: TonkApplicationSchema,
      handle: ({ actor, params, body }) => service.decide(actor, params.id, body),
    }),
    route({
      method: 'post',
      path: '/tonk-applications/{id}/case',
      summary: 'Heroriëntatiedossier openen voor een zelfstandige TONK-aanvrager, in één stap',
      permission: 'case:register',
      params: IdParam,
      notFound: 'De TONK-aanvraag',
      response: CaseDetailSchema,
      status: 201,
      problems: { 409: 'Geen zelfstandige, of al een dossier' },
      handle: ({ actor, params }) => service.openCase(actor, params.id),
    }),
    route({
      method: 'get',
      path: '/cases/{id}/tonk-bbz',
      summary: 'TONK-aanvragen en Bbz-aanvragen van een dossier',
      permission: 'case:read',
      params: IdParam,
      notFound: 'Het dossier',
      response: z.object({ tonk: z.array(TonkApplicationSchema), bbz: z.array(BbzRequestSchema) }),
      handle: ({ actor, params }) => service.forCase(actor, params.id),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/bbz-requests',
      summary: 'Bbz-aanvraag vastleggen (inkomensondersteuning of bedrijfskrediet)',
      permission: 'case:write',
      params: IdParam,
      notFound: 'Het dossier',
      body: BbzRequestInputSchema,
      response: BbzRequestSchema,
      status: 201,
      idempotent: true,
      authorize: mayWriteCase(),
      handle: ({ actor, params, body }) => service.requestBbz(actor, params.id, body),
    }),
    route({
      method: 'put',
      path: '/cases/{id}/bbz-requests/{requestId}/decision',
      summary: 'Besluit op een Bbz-aanvraag',
      permission: 'case:write',
      params: IdParam.extend({ requestId: z.uuid() }),
      notFound: 'De Bbz-aanvraag',
      body: DecisionInputSchema,
      response: BbzRequestSchema,
      handle: ({ actor, params, body }) =>
        service.decideBbz(actor, params.id, params.requestId, body),
    }),
  ]);
}
