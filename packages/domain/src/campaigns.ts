import { z } from 'zod';
import { MoneyCentsSchema } from './money.ts';
import { DateSchema, longText, optional, required, text } from './text.ts';

export const CAMPAIGN_CHANNEL_KINDS = [
  'social_media',
  'radio',
  'newspaper',
  'website',
  'flyers',
  'events',
  'accountants',
  'business_parks',
  'other',
] as const;
export type CampaignChannelKind = (typeof CAMPAIGN_CHANNEL_KINDS)[number];
export const CAMPAIGN_CHANNEL_LABELS: Record<CampaignChannelKind, string> = {
  social_media: 'Sociale media',
  radio: 'Radio',
  newspaper: 'Krant',
  website: 'Website',
  flyers: 'Flyers en posters',
  events: 'Bijeenkomsten',
  accountants: 'Netwerk van boekhouders en administratiekantoren',
  business_parks: 'Bedrijventerreinen',
  other: 'Anders',
};

export const CAMPAIGN_SEGMENTS = [
  'tozo_users',
  'non_tozo',
  'hospitality',
  'retail',
  'culture_events',
  'personal_services',
  'construction',
  'business_parks',
  'other',
] as const;
export const CAMPAIGN_SEGMENT_LABELS: Record<(typeof CAMPAIGN_SEGMENTS)[number], string> = {
  tozo_users: 'Tozo-gebruikers',
  non_tozo: 'Ondernemers zonder Tozo',
  hospitality: 'Horeca',
  retail: 'Detailhandel',
  culture_events: 'Cultuur en evenementen',
  personal_services: 'Persoonlijke dienstverlening',
  construction: 'Bouw',
  business_parks: 'Bedrijventerreinen',
  other: 'Anders',
};

const period = {
  periodStart: DateSchema,
  periodEnd: DateSchema,
};
const periodOrder = <T extends { periodStart: string; periodEnd: string }>(v: T) =>
  v.periodEnd >= v.periodStart;
const PERIOD_ERROR = { message: 'Het einde ligt voor het begin.', path: ['periodEnd'] };

export const CampaignInputSchema = z
  .object({
    name: required('Geef de campagne een naam.', 200),
    description: optional(longText(5000)),
    ...period,
    targetSegments: z.array(z.enum(CAMPAIGN_SEGMENTS)).default([]),
    budgetCents: MoneyCentsSchema,
  })
  .refine(periodOrder, PERIOD_ERROR);
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignUpdateSchema = z
  .object({
    name: required('Geef de campagne een naam.', 200),
    description: optional(longText(5000)),
    ...period,
    targetSegments: z.array(z.enum(CAMPAIGN_SEGMENTS)).default([]),
  })
  .refine(periodOrder, PERIOD_ERROR);
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

export const BudgetChangeInputSchema = z.object({
  budgetCents: MoneyCentsSchema,
  reason: required('Geef aan waarom het budget verandert.', 500),
});
export type BudgetChangeInput = z.infer<typeof BudgetChangeInputSchema>;

export const ChannelInputSchema = z.object({
  kind: z.enum(CAMPAIGN_CHANNEL_KINDS, { error: 'Kies een kanaal.' }),
  name: required('Geef het kanaal een naam, bijvoorbeeld "Facebook mei".', 200),
  budgetCents: MoneyCentsSchema.default(0),
});
export type ChannelInput = z.infer<typeof ChannelInputSchema>;

export const ExpenditureInputSchema = z.object({
  channelId: optional(z.uuid()),
  amountCents: MoneyCentsSchema.refine((v) => v > 0, {
    message: 'Een uitgave is meer dan € 0,00.',
  }),
  spentOn: DateSchema,
  supplier: required('Vul de leverancier in.', 200),
  invoiceReference: optional(text(100)),
  description: optional(longText(1000)),
  /** Only a manager may record an expenditure beyond the budget, with a reason. */
  overrideReason: optional(text(500)),
});
export type ExpenditureInput = z.infer<typeof ExpenditureInputSchema>;

const count = z.coerce.number().int().min(0).max(1_000_000_000).optional();
export const ReachInputSchema = z
  .object({
    channelId: z.uuid({ message: 'Kies een kanaal.' }),
    ...period,
    impressions: count,
    clicks: count,
    visitors: count,
    attendees: count,
  })
  .refine(periodOrder, PERIOD_ERROR);
export type ReachInput = z.infer<typeof ReachInputSchema>;

export const CampaignChannelSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CAMPAIGN_CHANNEL_KINDS),
  name: z.string(),
  code: z.string(),
  budgetCents: z.number().int(),
  spentCents: z.number().int(),
  signUpUrl: z.string(),
});

export const ExpenditureSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid().nullable(),
  amountCents: z.number().int(),
  spentOn: DateSchema,
  supplier: z.string(),
  invoiceReference: z.string().nullable(),
  description: z.string().nullable(),
  overrideReason: z.string().nullable(),
  recordedByName: z.string(),
});

export const ReachSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  impressions: z.number().int().nullable(),
  clicks: z.number().int().nullable(),
  visitors: z.number().int().nullable(),
  attendees: z.number().int().nullable(),
});

export const BudgetChangeSchema = z.object({
  oldCents: z.number().int(),
  newCents: z.number().int(),
  reason: z.string(),
  changedByName: z.string(),
  changedAt: z.iso.datetime(),
});

export const CampaignSummarySchema = z.object({
  id: z.uuid(),
  level: z.enum(['regional', 'local']),
  /** The municipality of a local campaign; null for the regional one. */
  municipalityName: z.string().nullable(),
  name: z.string(),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  budgetCents: z.number().int(),
  spentCents: z.number().int(),
  remainingCents: z.number().int(),
  /** Whether the logged-in user may change it. */
  canManage: z.boolean(),
});
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>;

export const CampaignDetailSchema = CampaignSummarySchema.extend({
  description: z.string().nullable(),
  targetSegments: z.array(z.enum(CAMPAIGN_SEGMENTS)),
  channels: z.array(CampaignChannelSchema),
  expenditures: z.array(ExpenditureSchema),
  reach: z.array(ReachSchema),
  budgetChanges: z.array(BudgetChangeSchema),
});
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;

const Count = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });

/**
 * Where the sign-ups of a campaign came from: per channel across the region and per
 * municipality. Counts of other municipalities come from the aggregate role and are hidden
 * under the threshold (with the cells that would reveal them); cost per sign-up only shows
 * when its base reaches the threshold.
 */
export const CampaignAttributionSchema = z.object({
  threshold: z.number().int(),
  channels: z.array(
    z.object({
      channelId: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: z.enum(CAMPAIGN_CHANNEL_KINDS),
      spentCents: z.number().int(),
      signUps: Count,
      intakes: Count,
      costPerSignUpCents: z.number().int().nullable(),
    }),
  ),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** The user's own municipality: its own cases, shown in full. */
      own: z.boolean(),
      signUps: Count,
      intakes: Count,
    }),
  ),
  total: z.object({
    signUps: Count,
    intakes: Count,
    spentCents: z.number().int(),
    costPerSignUpCents: z.number().int().nullable(),
  }),
});
export type CampaignAttribution = z.infer<typeof CampaignAttributionSchema>;
