import { z } from 'zod';
import { MoneyCentsSchema } from './money.ts';
import { DateSchema, optional, required, text } from './text.ts';
import { KvkSchema, PostcodeSchema } from './validators.ts';

/**
 * TONK (Tijdelijke Ondersteuning Noodzakelijke Kosten): support with housing costs. A
 * self-employed applicant gets a reorientation case in one step, and the other way round.
 */
export const DECISIONS = ['pending', 'granted', 'rejected'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  pending: 'In behandeling',
  granted: 'Toegekend',
  rejected: 'Afgewezen',
};

export const TonkApplicationInputSchema = z
  .object({
    name: required('Vul de naam van de aanvrager in.', 200),
    email: optional(z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254)),
    postcode: optional(PostcodeSchema),
    selfEmployed: z.boolean({ error: 'Geef aan of de aanvrager zelfstandig ondernemer is.' }),
    businessName: optional(text(200)),
    kvkNumber: optional(KvkSchema),
    monthlyHousingCostsCents: MoneyCentsSchema,
    requestedCents: MoneyCentsSchema,
    periodFrom: DateSchema,
    periodTo: DateSchema,
    receivedOn: DateSchema,
  })
  .refine((v) => v.periodTo >= v.periodFrom, {
    message: 'Het einde ligt voor het begin.',
    path: ['periodTo'],
  })
  .refine((v) => !v.selfEmployed || Boolean(v.businessName), {
    message: 'Vul de bedrijfsnaam in.',
    path: ['businessName'],
  });
export type TonkApplicationInput = z.infer<typeof TonkApplicationInputSchema>;

export const DecisionInputSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Kies het besluit.' }),
    grantedCents: optional(MoneyCentsSchema),
    decidedOn: DateSchema,
  })
  .refine((v) => v.decision !== 'granted' || v.grantedCents !== undefined, {
    message: 'Vul het toegekende bedrag in.',
    path: ['grantedCents'],
  });
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const TonkApplicationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  selfEmployed: z.boolean(),
  businessName: z.string().nullable(),
  monthlyHousingCostsCents: z.number().int(),
  requestedCents: z.number().int(),
  periodFrom: DateSchema,
  periodTo: DateSchema,
  receivedOn: DateSchema,
  decision: z.enum(DECISIONS),
  grantedCents: z.number().int().nullable(),
  decidedOn: DateSchema.nullable(),
  caseId: z.uuid().nullable(),
});
export type TonkApplication = z.infer<typeof TonkApplicationSchema>;

export const BBZ_REQUEST_KINDS = ['income_support', 'business_credit'] as const;
export const BBZ_REQUEST_KIND_LABELS: Record<(typeof BBZ_REQUEST_KINDS)[number], string> = {
  income_support: 'Levensonderhoud',
  business_credit: 'Bedrijfskrediet',
};
export const BbzRequestInputSchema = z
  .object({
    kind: z.enum(BBZ_REQUEST_KINDS, { error: 'Kies het soort aanvraag.' }),
    amountCents: optional(MoneyCentsSchema),
    requestedOn: DateSchema,
  })
  .refine((v) => v.kind !== 'business_credit' || v.amountCents !== undefined, {
    message: 'Vul het gevraagde krediet in.',
    path: ['amountCents'],
  });
export type BbzRequestInput = z.infer<typeof BbzRequestInputSchema>;

export const BbzRequestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(BBZ_REQUEST_KINDS),
  amountCents: z.number().int().nullable(),
  requestedOn: DateSchema,
  decision: z.enum(DECISIONS),
  grantedCents: z.number().int().nullable(),
  decidedOn: DateSchema.nullable(),
});
export type BbzRequest = z.infer<typeof BbzRequestSchema>;
