import { z } from 'zod';

// Control characters (except tab and line breaks in long texts), the Unicode line and
// paragraph separators (a line break by another name) and the Unicode bidi
// controls that make a text read differently than it is stored.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0085\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_LINE = /[\u0000-\u001F\u007F\u0085\u2028\u2029]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
export const FORBIDDEN_CHARACTERS = 'De tekst bevat tekens die niet zijn toegestaan.';

/** Whether a text is free of control and bidi characters; `multiline` allows line breaks. */
export function isCleanText(value: string, multiline = false): boolean {
  return !(multiline ? CONTROL : CONTROL_LINE).test(value) && !BIDI.test(value);
}

/** An optional text of one line. */
export const text = (max: number, message = `Maximaal ${max} tekens.`) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .refine((v) => isCleanText(v), { message: FORBIDDEN_CHARACTERS });

/** A text of several lines (notes, summaries). */
export const longText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, { message: `Maximaal ${max} tekens.` })
    .refine((v) => isCleanText(v, true), { message: FORBIDDEN_CHARACTERS });

/** A required text: the same Dutch message whether it is missing or empty. */
export const required = (message: string, max: number, multiline = false) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { message })
    .max(max, { message: `Maximaal ${max} tekens.` })
    .refine((v) => isCleanText(v, multiline), { message: FORBIDDEN_CHARACTERS });

/** A required text named by its label: "<label> is verplicht." */
export const requiredText = (max: number, label: string, multiline = false) =>
  z
    .string({ error: `${label} is verplicht.` })
    .trim()
    .min(1, { message: `${label} is verplicht.` })
    .max(max, { message: `${label} mag maximaal ${max} tekens hebben.` })
    .refine((v) => isCleanText(v, multiline), { message: FORBIDDEN_CHARACTERS });

/** Treats an empty form field (or null) as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const DATE_MESSAGE = 'Vul een geldige datum in (jjjj-mm-dd).';
/** A calendar date, YYYY-MM-DD, that exists (no 30 February) in the years 1900–2099. */
export const DateSchema = z.iso
  .date({ message: DATE_MESSAGE })
  .refine((v) => v >= '1900-01-01' && v <= '2099-12-31', {
    message: 'Vul een datum tussen 1900 en 2099 in.',
  });

/** A moment with offset, e.g. 2026-11-27T09:30:00+01:00, in the years 1900–2099. */
export const DateTimeSchema = z.iso
  .datetime({ offset: true, message: 'Vul een geldig tijdstip in.' })
  .refine(
    (v) => {
      const ms = Date.parse(v);
      return ms >= Date.UTC(1900, 0, 1) && ms < Date.UTC(2100, 0, 1);
    },
    { message: 'Vul een tijdstip tussen 1900 en 2099 in.' },
  );
