import { z } from 'zod';
import { MoneyCentsSchema } from './money.ts';
import { DateSchema, optional, required, text } from './text.ts';

/** Services a client can receive; every one is visible, also when it costs nothing. */
export const SERVICE_TYPES = [
  'intake',
  'perspective_analysis',
  'coaching',
  'debt_restructuring',
  'leerwerkloket',
  'werkbedrijf',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  intake: 'Intake',
  perspective_analysis: 'Analyse perspectief',
  coaching: 'Coaching',
  debt_restructuring: 'Schuldsanering',
  leerwerkloket: 'Leerwerkloket',
  werkbedrijf: 'WerkBedrijf',
};

/**
 * Services a partner organisation delivers without a charge to the municipality's budget:
 * free to the municipality (Leerwerkloket, WerkBedrijf), or debt restructuring paid from
 * a Bbz business credit. They come from referrals that really started.
 */
export const PARTNER_SERVICE_TYPES: Record<string, ServiceType> = {
  leerwerkloket: 'leerwerkloket',
  werkbedrijf: 'werkbedrijf',
  schuldhulp: 'debt_restructuring',
};
export const UncostedServiceSchema = z.object({
  referralId: z.uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  provider: z.string(),
  startedOn: DateSchema,
  /**
   * `free`: free to the municipality; `bbz_credit`: paid from the entrepreneur's Bbz
   * credit; `debt_assistance`: paid from the municipality's debt-assistance budget, outside
   * this budget.
   */
  paidBy: z.enum(['free', 'bbz_credit', 'debt_assistance']),
});
export type UncostedService = z.infer<typeof UncostedServiceSchema>;

/** Budget categories, as in the council proposal's table, plus what else is paid. */
export const BUDGET_CATEGORIES = [
  'intake',
  'perspective_analysis',
  'coaching',
  'local_communication',
  'debt_restructuring',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  intake: 'Intake',
  perspective_analysis: 'Analyse perspectief',
  coaching: 'Coaching',
  local_communication: 'Lokaal communicatiebudget',
  debt_restructuring: 'Schuldsanering',
};

export const ContractInputSchema = z
  .object({
    provider: required('Vul de aanbieder in.', 200),
    serviceType: z.enum(SERVICE_TYPES, { error: 'Kies de dienst.' }),
    priceCents: MoneyCentsSchema,
    validFrom: DateSchema,
    validTo: optional(DateSchema),
    maxClients: optional(z.coerce.number().int().min(1).max(100_000)),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, {
    message: 'Het einde ligt voor het begin.',
    path: ['validTo'],
  });
export type ContractInput = z.infer<typeof ContractInputSchema>;

export const ContractSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  priceCents: z.number().int(),
  validFrom: DateSchema,
  validTo: DateSchema.nullable(),
  maxClients: z.number().int().nullable(),
  clients: z.number().int(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const CostLineSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  provider: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  kind: z.enum(['charge', 'credit']),
  occurredOn: DateSchema,
  /** `missing_contract`: no valid contract on that date; `over_maximum`: more clients than the contract allows. */
  warning: z.enum(['missing_contract', 'over_maximum']).nullable(),
  reason: z.string().nullable(),
  creditsLineId: z.uuid().nullable(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const CreditInputSchema = z.object({
  reason: required('Geef de reden van de correctie.', 500),
});

export const BudgetInputSchema = z.object({
  coverage: z
    .array(
      z.object({ source: required('Vul de dekkingsbron in.', 200), amountCents: MoneyCentsSchema }),
    )
    .max(20),
  planned: z.object(
    Object.fromEntries(BUDGET_CATEGORIES.map((c) => [c, MoneyCentsSchema.default(0)])) as Record<
      BudgetCategory,
      z.ZodDefault<typeof MoneyCentsSchema>
    >,
  ),
  /** Forecast assumptions, editable and shown beside the result. */
  assumptions: z
    .object({
      responseRatePercent: z.coerce.number().min(0).max(100).default(20),
      remainingRecipients: optional(z.coerce.number().int().min(0).max(1_000_000)),
      expectedCampaignSignUps: z.coerce.number().int().min(0).max(1_000_000).default(40),
      analysisSharePercent: z.coerce.number().min(0).max(100).default(100),
      coachingSharePercent: z.coerce.number().min(0).max(100).default(100),
    })
    .default({
      responseRatePercent: 20,
      expectedCampaignSignUps: 40,
      analysisSharePercent: 100,
      coachingSharePercent: 100,
    }),
});
export type BudgetInput = z.infer<typeof BudgetInputSchema>;

const Amounts = z.object({
  category: z.enum(BUDGET_CATEGORIES),
  plannedCents: z.number().int(),
  committedCents: z.number().int(),
  realisedCents: z.number().int(),
  remainingCents: z.number().int(),
  forecastCents: z.number().int(),
});

export const BudgetOverviewSchema = z.object({
  year: z.number().int(),
  coverage: z.array(z.object({ source: z.string(), amountCents: z.number().int() })),
  coverageCents: z.number().int(),
  categories: z.array(Amounts),
  total: Amounts.omit({ category: true }),
  forecast: z.object({
    assumptions: BudgetInputSchema.shape.assumptions.unwrap(),
    remainingRecipients: z.number().int(),
    expectedClients: z.number().int(),
    /** Expected cost for the clients still to come, against what coverage is left. */
    expectedCostCents: z.number().int(),
    coverageLeftCents: z.number().int(),
  }),
  warnings: z.array(z.string()),
});
export type BudgetOverview = z.infer<typeof BudgetOverviewSchema>;

export const STATEMENT_STATUSES = ['open', 'invoiced', 'paid'] as const;
export const StatementSchema = z.object({
  provider: z.string(),
  month: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  lines: z.array(
    z.object({
      clientReference: z.string(),
      serviceType: z.enum(SERVICE_TYPES),
      occurredOn: DateSchema,
      amountCents: z.number().int(),
    }),
  ),
  totalCents: z.number().int(),
});
export type Statement = z.infer<typeof StatementSchema>;
export const StatementStatusInputSchema = z.object({ status: z.enum(STATEMENT_STATUSES) });
export const StatementQuerySchema = z.object({
  provider: text(200).min(1, { message: 'Kies de aanbieder.' }),
  month: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { message: 'Vul een maand in als jjjj-mm.' }),
});
