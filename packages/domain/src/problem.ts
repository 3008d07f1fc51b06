import { z } from 'zod';

/** Stable problem types (RFC 9457); the `type` URI is `urn:herorientatie:problem:<code>`. */
export const PROBLEM_CODES = [
  'validation',
  'not-found',
  'conflict',
  'invalid-transition',
  'unauthenticated',
  'forbidden',
  'csrf',
  'rate-limited',
  'payload-too-large',
  'unavailable',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const problemType = (code: ProblemCode): string => `urn:herorientatie:problem:${code}`;

export const FieldErrorSchema = z.object({
  /** JSON pointer-like dotted path to the field, e.g. `address.postcode`. */
  name: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** "1 veld is niet goed ingevuld." or "3 velden zijn niet goed ingevuld." */
export function invalidFieldsText(count: number): string {
  return count === 1 ? '1 veld is niet goed ingevuld.' : `${count} velden zijn niet goed ingevuld.`;
}
