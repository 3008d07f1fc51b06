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
};

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
});
export type RegionalFigures = z.infer<typeof RegionalFiguresSchema>;
