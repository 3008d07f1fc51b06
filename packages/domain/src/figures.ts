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
