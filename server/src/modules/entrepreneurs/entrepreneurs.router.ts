import {
  BsnRevealAnswerSchema,
  BsnRevealSchema,
  DuplicateCandidateSchema,
  DuplicateQuerySchema,
  EntrepreneurInputSchema,
  EntrepreneurSchema,
  text,
} from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { EntrepreneursService } from './entrepreneurs.service.ts';

const IdParam = z.object({ id: z.uuid() });
const SearchQuery = z.object({ q: text(100).optional() });
const entrepreneur = { params: IdParam, notFound: 'De ondernemer' } as const;

/** Entrepreneurs are reached by caseworkers and managers; advisors see them through their cases. */
export function entrepreneursRouter(uow: TenantUnitOfWork, service = new EntrepreneursService()) {
  return routeTable(uow, 'Ondernemers', [
    route({
      method: 'get',
      path: '/entrepreneurs',
      summary: 'Ondernemers zoeken op naam, bedrijfsnaam of KvK-nummer',
      permission: 'entrepreneur:read',
      query: SearchQuery,
      response: z.array(EntrepreneurSchema),
      handle: ({ query }) => service.search(query.q || undefined),
    }),
    route({
      method: 'get',
      path: '/entrepreneurs/possible-duplicates',
      summary: 'Mogelijk al bekend: zelfde postcode en gelijkende naam (voor het aanmelden)',
      permission: 'case:register',
      query: DuplicateQuerySchema,
      response: z.array(DuplicateCandidateSchema),
      handle: ({ query }) => service.possibleDuplicates(query.name, query.postcode),
    }),
    route({
      ...entrepreneur,
      method: 'get',
      path: '/entrepreneurs/{id}',
      summary: 'Eén ondernemer (BSN gemaskeerd)',
      permission: 'entrepreneur:read',
      response: EntrepreneurSchema,
      handle: ({ params }) => service.get(params.id),
    }),
    route({
      ...entrepreneur,
      method: 'put',
      path: '/entrepreneurs/{id}',
      summary: 'Gegevens van een ondernemer wijzigen (zonder BSN blijft het bewaarde BSN staan)',
      permission: 'entrepreneur:write',
      body: EntrepreneurInputSchema,
      response: EntrepreneurSchema,
      problems: { 409: 'KvK-nummer of BSN hoort al bij een andere ondernemer' },
      handle: ({ actor, params, body }) => service.update(actor, params.id, body),
    }),
    route({
      ...entrepreneur,
      method: 'post',
      path: '/entrepreneurs/{id}/bsn-reveal',
      summary: 'Het volledige BSN tonen; wordt met reden in het auditlog vastgelegd',
      permission: 'entrepreneur:reveal-bsn',
      body: BsnRevealSchema,
      response: BsnRevealAnswerSchema,
      handle: async ({ params, body }) => ({
        bsn: await service.revealBsn(params.id, body.reason),
      }),
    }),
  ]);
}
