import type { z } from 'zod';
import { ValidationFailed } from '../errors.ts';

/** Parses input with a shared schema; every problem is reported, not just the first. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.map((issue) => ({
      name: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
      code: issue.code,
      reason: issue.message,
    })),
  );
}
