import { PartnerCreateSchema, PartnerInputSchema, PartnerSchema } from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { PartnersService } from './partners.service.ts';

export function partnersRouter(uow: TenantUnitOfWork, service = new PartnersService()) {
  return routeTable(uow, 'Verwijzingen', [
    route({
      method: 'post',
      path: '/partners',
      summary: 'Partnerorganisatie toevoegen (beheerder van de centrumgemeente)',
      permission: 'partners:manage',
      body: PartnerCreateSchema,
      response: PartnerSchema,
      status: 201,
      problems: { 409: 'De code is al in gebruik' },
      handle: ({ actor, body }) => service.create(actor, body),
    }),
    route({
      method: 'put',
      path: '/partners/{id}',
      summary: 'Partnerorganisatie bijwerken: routes, diensten, kanaal, benodigde gegevens',
      permission: 'partners:manage',
      params: z.object({ id: z.uuid() }),
      notFound: 'De partnerorganisatie',
      body: PartnerInputSchema,
      response: PartnerSchema,
      handle: ({ actor, params, body }) => service.update(actor, params.id, body),
    }),
  ]);
}
