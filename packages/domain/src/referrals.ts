import { z } from 'zod';
import { ROUTE_TYPES } from './case-records.ts';
import { DateSchema, longText, optional, required, text } from './text.ts';

/** What may be shared with a partner; consent names the categories. */
export const DATA_CATEGORIES = ['contact', 'address', 'business', 'situation', 'bsn'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  contact: 'Naam, e-mailadres en telefoonnummer',
  address: 'Postcode en huisnummer',
  business: 'Bedrijfsnaam, KvK-nummer en branche',
  situation: 'Situatie: uitkomst van de intake en de Bbz-mogelijkheden',
  bsn: 'BSN',
};

export const PartnerSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum([
    'learning_work_desk',
    'employment_service',
    'debt_specialist',
    'coaching',
    'bbz_desk',
    'tonk_desk',
  ]),
  routes: z.array(z.string()),
  services: z.string(),
  contactChannel: z.string(),
  email: z.string().nullable(),
  requiredCategories: z.array(z.enum(DATA_CATEGORIES)),
});

export const PARTNER_KINDS = [
  'learning_work_desk',
  'employment_service',
  'debt_specialist',
  'coaching',
  'bbz_desk',
  'tonk_desk',
] as const;
export const PARTNER_KIND_LABELS: Record<(typeof PARTNER_KINDS)[number], string> = {
  learning_work_desk: 'Leerwerkloket',
  employment_service: 'Werkgeversdienstverlening',
  debt_specialist: 'Schuldhulpverlening',
  coaching: 'Coaching',
  bbz_desk: 'Bbz-loket',
  tonk_desk: 'TONK-loket',
};

/** What the centre municipality's administrator keeps up to date of a partner organisation. */
export const PartnerInputSchema = z.object({
  name: required('Vul de naam van de organisatie in.', 200),
  kind: z.enum(PARTNER_KINDS, { error: 'Kies het soort organisatie.' }),
  routes: z.array(z.enum(ROUTE_TYPES)).default([]),
  services: required('Beschrijf wat de organisatie doet.', 1000, true),
  contactChannel: required('Vul in hoe een aanmelding binnenkomt.', 200),
  email: optional(z.email({ error: 'Vul een geldig e-mailadres in.' })),
  requiredCategories: z.array(z.enum(DATA_CATEGORIES)).default([]),
});
export type PartnerInput = z.infer<typeof PartnerInputSchema>;

export const PartnerCreateSchema = PartnerInputSchema.extend({
  code: z
    .string({ error: 'Vul een korte code in, bijvoorbeeld "budgetcoach".' })
    .regex(/^[a-z][a-z0-9-]{1,39}$/, {
      message:
        'Een code is 2 tot 40 kleine letters, cijfers of streepjes, beginnend met een letter.',
    }),
});
export type PartnerCreate = z.infer<typeof PartnerCreateSchema>;
export type Partner = z.infer<typeof PartnerSchema>;

export const ConsentInputSchema = z.object({
  partnerId: z.uuid({ message: 'Kies de partnerorganisatie.' }),
  categories: z
    .array(z.enum(DATA_CATEGORIES))
    .min(1, { message: 'Kies ten minste één soort gegevens.' }),
  givenHow: z.enum(['in_conversation', 'signed_form'], {
    error: 'Kies hoe de toestemming is gegeven.',
  }),
  givenOn: DateSchema,
  /** The signed form, a document of the case. */
  documentId: optional(z.uuid()),
  note: optional(longText(1000)),
});
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const ConsentSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  givenHow: z.enum(['in_conversation', 'signed_form']),
  givenOn: DateSchema,
  documentId: z.uuid().nullable(),
  recordedByName: z.string(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnReason: z.string().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentWithdrawalSchema = z.object({
  reason: z
    .string({ error: 'Geef de reden.' })
    .trim()
    .min(1, { message: 'Geef de reden.' })
    .max(500, { message: 'Maximaal 500 tekens.' }),
});

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'received',
  'started',
  'completed',
  'not_realised',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Concept',
  sent: 'Verstuurd',
  received: 'Ontvangen door partner',
  started: 'Gestart',
  completed: 'Afgerond',
  not_realised: 'Niet gerealiseerd',
};
export const NOT_REALISED_REASONS = [
  'no_show',
  'not_eligible',
  'entrepreneur_withdrew',
  'partner_no_response',
  'other',
] as const;
export const NOT_REALISED_LABELS: Record<(typeof NOT_REALISED_REASONS)[number], string> = {
  no_show: 'Niet verschenen',
  not_eligible: 'Komt niet in aanmerking',
  entrepreneur_withdrew: 'Ondernemer zag ervan af',
  partner_no_response: 'Partner reageerde niet',
  other: 'Anders',
};

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent'],
  sent: ['received', 'not_realised'],
  received: ['started', 'not_realised'],
  started: ['completed', 'not_realised'],
  completed: [],
  not_realised: [],
};

/** The referral's life: draft → sent → received → started → completed, or not realised. */
export function referralTransition(
  from: ReferralStatus,
  to: ReferralStatus,
): { ok: true } | { ok: false; reason: string } {
  if (NEXT[from].includes(to)) return { ok: true };
  return {
    ok: false,
    reason: `Een verwijzing gaat niet van "${REFERRAL_STATUS_LABELS[from]}" naar "${REFERRAL_STATUS_LABELS[to]}".`,
  };
}

export const ReferralInputSchema = z.object({
  partnerId: z.uuid({ message: 'Kies de partnerorganisatie.' }),
  routeId: optional(z.uuid()),
  /** `by_us`: we register the entrepreneur with consent; `self`: they register themselves. */
  mode: z.enum(['by_us', 'self'], { error: 'Kies wie de aanmelding doet.' }),
  categories: z.array(z.enum(DATA_CATEGORIES)).default([]),
  followUpOn: DateSchema,
  note: optional(longText(2000)),
});
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

export const ReferralStatusInputSchema = z
  .object({
    status: z.enum(REFERRAL_STATUSES, { error: 'Kies de nieuwe stand.' }),
    reason: optional(z.enum(NOT_REALISED_REASONS)),
    note: optional(text(1000)),
    followUpOn: optional(DateSchema),
  })
  .refine((v) => v.status !== 'not_realised' || Boolean(v.reason), {
    message: 'Kies waarom de verwijzing niet doorging.',
    path: ['reason'],
  });
export type ReferralStatusInput = z.infer<typeof ReferralStatusInputSchema>;

export const ReferralSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  routeId: z.uuid().nullable(),
  mode: z.enum(['by_us', 'self']),
  status: z.enum(REFERRAL_STATUSES),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  followUpOn: DateSchema,
  lastChangeAt: z.iso.datetime(),
  notRealisedReason: z.enum(NOT_REALISED_REASONS).nullable(),
  /** Debt restructuring: a Bbz business credit or the municipality pays. */
  costBearer: z.enum(['bbz_credit', 'municipality']).nullable(),
  stalled: z.boolean(),
  events: z.array(
    z.object({
      status: z.enum(REFERRAL_STATUSES),
      at: z.iso.datetime(),
      by: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** What a partner sees: the referral and exactly the data consented to, nothing else. */
export const PartnerReferralSchema = z.object({
  id: z.uuid(),
  municipalityName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  sentAt: z.iso.datetime().nullable(),
  sharedData: z.record(z.string(), z.string().nullable()),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  note: z.string().nullable(),
});
export type PartnerReferral = z.infer<typeof PartnerReferralSchema>;
