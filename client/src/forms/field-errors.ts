import { problemType, type FieldError } from '@herorientatie/domain';
import { ApiError } from '../api/client.ts';

/** What a form shows after a refused submit: messages on fields, and the rest on top. */
export interface FormErrors {
  /** One message per field the form shows, keyed by its dotted name. */
  fields: Record<string, string>;
  /** Messages that belong to no field of the form, shown as text in the summary. */
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export const SESSION_ENDED =
  'U bent uitgelogd omdat uw sessie is verlopen. Wat u heeft ingevuld is bewaard: log opnieuw in en verstuur het dan.';
export const CSRF_RETRY =
  'Het formulier kon niet worden verstuurd omdat de beveiligingscode was verlopen. Verstuur het opnieuw; wat u heeft ingevuld staat er nog.';
export const NOT_SENT =
  'Het versturen is mislukt. Controleer uw verbinding en probeer het opnieuw.';

export const hasErrors = (errors: FormErrors) =>
  errors.general.length > 0 || Object.keys(errors.fields).length > 0;

/**
 * Puts each field error on the field it is about: the field with that name, or else the
 * nearest enclosing one the form shows (`bbzOptions.1` lands on `bbzOptions`). A message
 * about something the form does not show goes to the summary as plain text, so no
 * message is ever lost behind a count.
 */
export function placeFieldErrors(
  errors: readonly FieldError[],
  hasField: (name: string) => boolean,
): FormErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = nearestField(error.name, hasField);
    if (field === undefined) {
      if (!general.includes(error.reason)) general.push(error.reason);
    } else {
      // The first message per field is the one to act on; the others follow from it.
      fields[field] ??= error.reason;
    }
  }
  return { fields, general };
}

function nearestField(name: string, hasField: (name: string) => boolean): string | undefined {
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (hasField(candidate)) return candidate;
  }
  return undefined;
}

/** What to show for a submit that failed: the server's reasons in its own words. */
export function formErrorsFrom(error: unknown, hasField: (name: string) => boolean): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, general: [NOT_SENT] };
  if (error.status === 401) return { fields: {}, general: [SESSION_ENDED] };
  if (error.problem?.type === problemType('csrf')) return { fields: {}, general: [CSRF_RETRY] };
  if (error.fieldErrors.length > 0) return placeFieldErrors(error.fieldErrors, hasField);
  // A refusal without fields (a step not allowed now, a conflict): its detail says why.
  return { fields: {}, general: [error.message] };
}
