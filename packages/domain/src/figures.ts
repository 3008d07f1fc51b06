import { z } from 'zod';

/**
 * A count across municipalities. `null` with `suppressed: true` when the count is under the
 * threshold, or when showing it would let a hidden count be found by subtraction.
 */
export const SuppressedCountSchema = z.object({
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});

export const OpenCasesFigureSchema = z.object({
  threshold: z.number().int(),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      openCases: SuppressedCountSchema,
    }),
  ),
  region: SuppressedCountSchema,
});
export type OpenCasesFigure = z.infer<typeof OpenCasesFigureSchema>;

export const FIGURE_MEASURES = [
  'approached',
  'responded',
  'registered',
  'intake',
  'analysis',
  'route_started',
  'coaching_started',
  'closed',
  'withdrawn',
  'referral_sent',
  'referral_started',
  'referral_not_realised',
  'tonk_application',
  'bbz_request',
  'referral_sent_partner',
  'referral_realised_partner',
  'referral_sent_route',
  'referral_realised_route',
] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
export const FIGURE_MEASURE_LABELS: Record<FigureMeasure, string> = {
  approached: 'Benaderd',
  responded: 'Gereageerd',
  registered: 'Aangemeld',
  intake: 'Intakes',
  analysis: 'Analyses perspectief',
  route_started: 'Routes gestart',
  coaching_started: 'Coaching gestart',
  closed: 'Afgesloten',
  withdrawn: 'Teruggetrokken',
  referral_sent: 'Verwijzingen verstuurd',
  referral_started: 'Verwijzingen gestart',
  referral_not_realised: 'Verwijzingen niet gerealiseerd',
  tonk_application: 'TONK-aanvragen',
  bbz_request: 'Bbz-aanvragen',
  referral_sent_partner: 'Verwijzingen verstuurd (per partner)',
  referral_realised_partner: 'Daarvan gestart (per partner)',
  referral_sent_route: 'Verwijzingen verstuurd (per route)',
  referral_realised_route: 'Daarvan gestart (per route)',
};

/** The route dimension of a referral that belongs to no route. */
export const NO_ROUTE = 'none';

/** A month as YYYY-MM. */
export const MonthSchema = z
  .string()
  .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { message: 'Vul een maand in als jjjj-mm.' });

export const RegionalFiguresQuerySchema = z
  .object({ from: MonthSchema, to: MonthSchema })
  .refine((v) => v.to >= v.from, {
    message: 'De laatste maand ligt voor de eerste.',
    path: ['to'],
  });

/**
 * Counts per municipality of the region for whole months. Counts of other municipalities
 * and of the region are hidden under the threshold (with the cells that would reveal them)
 * and rounded to a multiple of `rounding`; the user's own municipality is exact (`exact`).
 * A manager gets the own municipality and the region, not the other municipalities.
 */
export const RegionalFiguresSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  threshold: z.number().int(),
  rounding: z.number().int(),
  refreshedAt: z.iso.datetime().nullable(),
  rows: z.array(
    z.object({
      municipalityCode: z.string().nullable(),
      municipalityName: z.string(),
      measure: z.enum(FIGURE_MEASURES),
      dimension: z.string(),
      value: z.number().int().nullable(),
      suppressed: z.boolean(),
      exact: z.boolean(),
    }),
  ),
  durations: z.array(
    z.object({
      municipalityCode: z.string(),
      municipalityName: z.string(),
      /** Median days from registration to intake; null when its base is under the threshold. */
      toIntakeDays: z.number().nullable(),
      toRouteDays: z.number().nullable(),
    }),
  ),
  /**
   * Median days from sent to started for referrals sent in the period, per municipality
   * and for the region (code null); null when fewer than the threshold started.
   */
  referralDurations: z.array(
    z.object({
      municipalityCode: z.string().nullable(),
      municipalityName: z.string(),
      days: z.number().nullable(),
    }),
  ),
  /** The region's partner organisations, for the names of the partner dimensions. */
  partners: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type RegionalFigures = z.infer<typeof RegionalFiguresSchema>;

/** A count as figures show it: hidden counts have no value. */
export interface FigureCount {
  value: number | null;
  suppressed: boolean;
}

/**
 * A realisation rate in whole percent: the part of `base` that `part` is. Only where both
 * counts are shown and the base reaches the threshold; other municipalities' counts are
 * already rounded, so the rate is as uncertain as they are and reveals no exact count.
 */
export function rateOf(part: FigureCount, base: FigureCount, threshold: number): number | null {
  if (part.suppressed || base.suppressed || part.value === null || base.value === null) return null;
  if (base.value < threshold || base.value === 0) return null;
  return Math.round((100 * part.value) / base.value);
}

export const RegionalCostsQuerySchema = RegionalFiguresQuerySchema;

/**
 * Costs across the municipalities of the region. `costs`: per service type the number of
 * clients (net services bought in the months, suppressed and rounded like every count)
 * and the cost per client, null wherever the number of clients is hidden. `budget`, when
 * the period lies in one year: the planned amount for the services and what was realised,
 * hidden where the number of services bought is, and rounded to € 1,000 for other
 * municipalities and the region. A manager gets the own municipality and the region.
 */
export const RegionalCostsSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  threshold: z.number().int(),
  rounding: z.number().int(),
  /** What realised amounts of others are rounded to, in cents. */
  moneyRoundingCents: z.number().int(),
  refreshedAt: z.iso.datetime().nullable(),
  costs: z.array(
    z.object({
      municipalityCode: z.string().nullable(),
      municipalityName: z.string(),
      serviceType: z.string(),
      clients: z.number().int().nullable(),
      perClientCents: z.number().int().nullable(),
      suppressed: z.boolean(),
      exact: z.boolean(),
    }),
  ),
  /** The year of the budget comparison; null when the period spans more than one year. */
  year: z.number().int().nullable(),
  budget: z.array(
    z.object({
      municipalityCode: z.string().nullable(),
      municipalityName: z.string(),
      plannedCents: z.number().int().nullable(),
      realisedCents: z.number().int().nullable(),
      suppressed: z.boolean(),
      exact: z.boolean(),
    }),
  ),
});
export type RegionalCosts = z.infer<typeof RegionalCostsSchema>;
