import { invalidFieldsText, problemType, type FieldError } from '@herorientatie/domain';
import type { z } from 'zod';
import { ApiError } from './client.ts';

/** Schema issues as the server reports them: one field error per issue, named by dotted path. */
export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    name: issue.path.map(String).join('.') || '(body)',
    code: issue.code,
    reason: issue.message,
  }));
}

/**
 * The answer the server would give to input the shared schema refuses, made without asking
 * it: the form shows a refusal the same way wherever it was found.
 */
export function validationError(issues: readonly z.core.$ZodIssue[]): ApiError {
  const errors = fieldErrorsFrom(issues);
  return new ApiError(400, {
    type: problemType('validation'),
    title: 'De invoer is niet geldig.',
    status: 400,
    detail: invalidFieldsText(errors.length),
    errors,
  });
}
