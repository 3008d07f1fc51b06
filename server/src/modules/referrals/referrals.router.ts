import {
  ConsentInputSchema,
  ConsentSchema,
  ConsentWithdrawalSchema,
  PartnerReferralSchema,
  PartnerSchema,
  ReferralInputSchema,
  ReferralSchema,
  ReferralStatusInputSchema,
} from '@herorientatie/domain';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { mayWriteCase } from '../cases/case-access.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import type { ReferralsService } from './referrals.service.ts';

const CaseParam = z.object({ id: z.uuid() });
const onCase = { params: CaseParam, notFound: 'Het dossier' } as const;

export function referralsRouter(
  uow: TenantUnitOfWork,
  service: ReferralsService,
  reference: ReferenceRepository,
) {
  return routeTable(uow, 'Verwijzingen', [
    route({
      method: 'get',
      path: '/partners',
      summary: 'Partnerorganisaties van de regio: routes, diensten, kanaal en benodigde gegevens',
      permission: ['referral:read', 'referral:partner', 'partners:manage'],
      response: z.array(PartnerSchema),
      handle: ({ actor }) => reference.partners(actor.regionId),
    }),
    route({
      ...onCase,
      method: 'get',
      path: '/cases/{id}/consents',
      summary: 'Toestemmingen van de ondernemer van dit dossier',
      permission: 'referral:read',
      response: z.array(ConsentSchema),
      handle: ({ actor, params }) => service.consents(actor, params.id),
    }),
    route({
      ...onCase,
      method: 'post',
      path: '/cases/{id}/consents',
      summary: 'Toestemming vastleggen: partner, soorten gegevens, hoe en wanneer gegeven',
      permission: 'referral:write',
      body: ConsentInputSchema,
      response: z.array(ConsentSchema),
      status: 201,
      handle: ({ actor, params, body }) => service.recordConsent(actor, params.id, body),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/consents/{consentId}/withdrawal',
      summary: 'Toestemming intrekken; er wordt daarna niets meer gedeeld',
      permission: 'referral:write',
      params: CaseParam.extend({ consentId: z.uuid() }),
      notFound: 'De toestemming',
      body: ConsentWithdrawalSchema,
      response: z.array(ConsentSchema),
      handle: ({ actor, params, body }) =>
        service.withdrawConsent(actor, params.id, params.consentId, body.reason),
    }),
    route({
      ...onCase,
      method: 'get',
      path: '/cases/{id}/referrals',
      summary: 'Verwijzingen van een dossier met hun geschiedenis',
      permission: 'referral:read',
      response: z.array(ReferralSchema),
      handle: ({ actor, params }) => service.list(actor, params.id),
    }),
    route({
      ...onCase,
      method: 'post',
      path: '/cases/{id}/referrals',
      summary:
        'Verwijzing voorbereiden (door ons met toestemming, of de ondernemer meldt zich zelf aan)',
      permission: 'referral:write',
      body: ReferralInputSchema,
      response: ReferralSchema,
      status: 201,
      idempotent: true,
      authorize: mayWriteCase(),
      handle: ({ actor, params, body }) => service.create(actor, params.id, body),
    }),
    route({
      method: 'post',
      path: '/cases/{id}/referrals/{referralId}/status',
      summary:
        'Stand van een verwijzing wijzigen (versturen deelt precies de gegevens met toestemming)',
      permission: 'referral:write',
      params: CaseParam.extend({ referralId: z.uuid() }),
      notFound: 'De verwijzing',
      body: ReferralStatusInputSchema,
      response: ReferralSchema,
      problems: { 409: 'Geen geldige toestemming, of deze stap is niet toegestaan' },
      handle: ({ actor, params, body }) =>
        service.changeStatus(actor, params.id, params.referralId, body),
    }),
    route({
      method: 'delete',
      path: '/cases/{id}/referrals/{referralId}',
      summary: 'Een conceptverwijzing weggooien (een verstuurde blijft bewaard)',
      permission: 'referral:write',
      params: CaseParam.extend({ referralId: z.uuid() }),
      notFound: 'De verwijzing',
      status: 204,
      problems: { 409: 'De verwijzing is geen concept meer' },
      handle: ({ actor, params }) => service.discardDraft(actor, params.id, params.referralId),
    }),
    route({
      method: 'get',
      path: '/referrals/stalled',
      summary: 'Verwijzingen zonder voortgang (werklijst)',
      permission: 'referral:read',
      response: z.array(ReferralSchema),
      handle: ({ actor }) => service.stalled(actor),
    }),
    route({
      method: 'get',
      path: '/referral-counts',
      summary: 'Aantal verwijzingen zonder voortgang (voor de startpagina)',
      permission: 'referral:read',
      response: z.object({ stalled: z.number().int() }),
      handle: ({ actor }) => service.stalledCount(actor),
    }),
    route({
      method: 'get',
      path: '/partner/referrals',
      summary:
        'Verwijzingen naar de eigen partnerorganisatie, met alleen de gegevens met toestemming',
      permission: 'referral:partner',
      response: z.array(PartnerReferralSchema),
      handle: ({ actor }) => service.partnerReferrals(actor),
    }),
    route({
      method: 'post',
      path: '/partner/referrals/{referralId}/status',
      summary: 'Verwijzing ontvangen, starten, afronden of afwijzen (partner)',
      permission: 'referral:partner',
      params: z.object({ referralId: z.uuid() }),
      notFound: 'De verwijzing',
      body: ReferralStatusInputSchema,
      response: PartnerReferralSchema,
      problems: { 409: 'Deze stap is niet toegestaan' },
      handle: ({ actor, params, body }) => service.partnerChange(actor, params.referralId, body),
    }),
  ]);
}
