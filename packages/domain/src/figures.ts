import { z } from 'zod';

/**
 * A count across municipalities. `null` with `suppressed: true` when the published
 * (perturbed) count is under the threshold: too small to show.
 */
export const SuppressedCountSchema = z.object({
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});

/**
 * How figures of other municipalities and of the region are protected: the cell key
 * method. Each month's count per municipality, measure and dimension is changed by at most
 * `maxNoise` (the same change whoever asks, however often), only months up to
 * `publishedThrough` are published, and every longer period, total and the region is the
 * sum of those monthly cells.
 */
/** The largest change the cell key method makes to one published month cell. */
export const FIGURES_MAX_NOISE = 2;

export const FiguresProtectionSchema = z.object({
  method: z.literal('cell-key'),
  maxNoise: z.number().int(),
  /** The last month published for other municipalities (YYYY-MM); null before the first rebuild. */
  publishedThrough: z.string().nullable(),
});
export type FiguresProtection = z.infer<typeof FiguresProtectionSchema>;

export const OpenCasesFigureSchema = z.object({
  threshold: z.number().int(),
  /** The day other municipalities and the region are counted on (end of the last published month). */
  asOf: z.string().nullable(),
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
  'approached_person',
  'responded_person',
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
  approached_person: 'Benaderde ondernemers',
  responded_person: 'Van hen gereageerd',
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
 * and of the region are protected as `protection` says and not shown under the threshold;
 * the user's own municipality is exact (`exact`). A manager gets the own municipality and
 * the region, not the other municipalities.
 */
export const RegionalFiguresSchema = z.object({
  from: MonthSchema,
  to: MonthSchema,
  threshold: z.number().int(),
  protection: FiguresProtectionSchema,
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
 * already protected, so the rate is as uncertain as they are and reveals no exact count.
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
  protection: FiguresProtectionSchema,
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

const MONTH_NAME_NL = new Intl.DateTimeFormat('nl-NL', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The protection in plain Dutch (B1), for under every table, page and report that shows
 * figures of other municipalities: what was changed, what is not shown, and which months
 * count.
 */
export function protectionText(protection: FiguresProtection, threshold: number): string {
  const through = protection.publishedThrough
    ? `Van andere gemeenten tellen alleen afgesloten maanden mee, tot en met ${MONTH_NAME_NL.format(
        new Date(`${protection.publishedThrough}-01T00:00:00Z`),
      )}.`
    : 'Cijfers van andere gemeenten verschijnen zodra de eerste maand is verwerkt.';
  return (
    `Aantallen van andere gemeenten en van de regio zijn per maand een klein beetje veranderd ` +
    `(hooguit ${protection.maxNoise} meer of minder, altijd op dezelfde manier), zodat niemand te ` +
    `herkennen is. Aantallen onder de ${threshold} tonen we niet; ze tellen wel mee in de ` +
    `totalen, en de delen tellen op tot het totaal. ${through}`
  );
}
