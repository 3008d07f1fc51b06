import {
  BudgetChangeInputSchema,
  CampaignAttributionSchema,
  CampaignDetailSchema,
  CampaignInputSchema,
  CampaignSummarySchema,
  CampaignUpdateSchema,
  ChannelInputSchema,
  ExpenditureInputSchema,
  ReachInputSchema,
} from '@herorientatie/domain';
import type { Response } from 'express';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import type { CampaignsService } from './campaigns.service.ts';

const IdParam = z.object({ id: z.uuid() });
const campaign = { params: IdParam, notFound: 'De campagne' } as const;
const MANAGE = ['campaign:manage', 'local-campaign:manage'] as const;
const SPEND = [...MANAGE, 'budget:override'] as const;
const LevelQuery = z.object({
  level: z.enum(['regional', 'local'], { error: 'Kies regionaal of lokaal.' }),
});

export function campaignsRouter(
  uow: TenantUnitOfWork,
  service: CampaignsService,
  figuresThreshold: number,
) {
  return routeTable(uow, 'Campagnes', [
    route({
      method: 'get',
      path: '/campaigns',
      summary: 'De regionale campagne en de lokale campagnes van de eigen gemeente',
      permission: 'campaign:read',
      response: z.array(CampaignSummarySchema),
      handle: ({ actor }) => service.list(actor),
    }),
    route({
      method: 'post',
      path: '/campaigns',
      summary: 'Campagne aanmaken (regionaal: regiocoördinator centrumgemeente; lokaal: manager)',
      permission: MANAGE,
      query: LevelQuery,
      body: CampaignInputSchema,
      response: CampaignDetailSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, query, body }) => service.create(actor, query.level, body),
    }),
    route({
      ...campaign,
      method: 'get',
      path: '/campaigns/{id}',
      summary: 'Campagne met kanalen, uitgaven, bereik en budgetwijzigingen',
      permission: 'campaign:read',
      response: CampaignDetailSchema,
      handle: ({ actor, params }) => service.get(actor, params.id),
    }),
    route({
      ...campaign,
      method: 'put',
      path: '/campaigns/{id}',
      summary: 'Naam, periode, doelgroepen wijzigen',
      permission: MANAGE,
      body: CampaignUpdateSchema,
      response: CampaignDetailSchema,
      handle: ({ actor, params, body }) => service.update(actor, params.id, body),
    }),
    route({
      ...campaign,
      method: 'post',
      path: '/campaigns/{id}/budget-changes',
      summary: 'Budget wijzigen met reden (de geschiedenis blijft bewaard)',
      permission: MANAGE,
      body: BudgetChangeInputSchema,
      response: CampaignDetailSchema,
      status: 201,
      handle: ({ actor, params, body }) => service.changeBudget(actor, params.id, body),
    }),
    route({
      ...campaign,
      method: 'post',
      path: '/campaigns/{id}/channels',
      summary: 'Kanaal toevoegen; het krijgt een campagnecode en een aanmeldlink',
      permission: MANAGE,
      body: ChannelInputSchema,
      response: CampaignDetailSchema,
      status: 201,
      idempotent: true,
      handle: ({ actor, params, body }) => service.addChannel(actor, params.id, body),
    }),
    route({
      ...campaign,
      method: 'post',
      path: '/campaigns/{id}/expenditures',
      summary: 'Uitgave vastleggen; boven het budget alleen door een manager met reden',
      permission: SPEND,
      body: ExpenditureInputSchema,
      response: CampaignDetailSchema,
      status: 201,
      idempotent: true,
      problems: { 409: 'De uitgave past niet in het resterende budget' },
      handle: ({ actor, params, body }) => service.addExpenditure(actor, params.id, body),
    }),
    route({
      ...campaign,
      method: 'post',
      path: '/campaigns/{id}/reach',
      summary: 'Bereik van een kanaal over een periode vastleggen',
      permission: MANAGE,
      body: ReachInputSchema,
      response: CampaignDetailSchema,
      status: 201,
      handle: ({ actor, params, body }) => service.addReach(actor, params.id, body),
    }),
    route({
      ...campaign,
      method: 'get',
      path: '/campaigns/{id}/attribution',
      summary:
        'Aanmeldingen, intakes en kosten per aanmelding per kanaal en per gemeente (kleine aantallen onderdrukt)',
      permission: 'campaign:read',
      response: CampaignAttributionSchema,
      handle: ({ actor, params }) => service.attribution(actor, params.id, figuresThreshold),
    }),
    route({
      method: 'get',
      path: '/campaigns/{id}/channels/{channelId}/qr-code',
      summary: 'QR-code (SVG) van de aanmeldlink van een kanaal, om te drukken',
      permission: 'campaign:read',
      params: IdParam.extend({ channelId: z.uuid() }),
      notFound: 'Het kanaal',
      produces: 'image/svg+xml',
      send: (res: Response, svg: string) => {
        res.type('image/svg+xml').send(svg);
      },
      handle: ({ actor, params }) => service.qrCode(actor, params.id, params.channelId),
    }),
  ]);
}
