import { z } from 'zod';

/** BSN (burgerservicenummer): 9 digits passing the 11-check (elfproef). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  if (/^0+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** KvK-nummer: exactly 8 digits. */
export function isValidKvk(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** Letter pairs PostNL never issues (they recall the occupation). */
const UNUSED_POSTCODE_LETTERS = ['SA', 'SD', 'SS'];

/**
 * What is wrong with a postcode, said with the value ("0601: een postcode begint niet met
 * 0"), or null when it is a valid Dutch postcode.
 */
export function postcodeProblem(value: string): string | null {
  const v = value.trim();
  const compact = v.replace(/\s+/g, '');
  if (/^0\d{3}/.test(compact)) return `${v}: een postcode begint niet met 0.`;
  if (/^\d{4}$/.test(compact)) return `${v}: de twee letters ontbreken, zoals 6602 AB.`;
  const match = /^([1-9]\d{3})([a-zA-Z]{2})$/.exec(compact);
  if (!match) return `${v}: een postcode is vier cijfers en twee letters, zoals 6602 AB.`;
  if (UNUSED_POSTCODE_LETTERS.includes(match[2]!.toUpperCase()))
    return `${v}: SA, SD en SS worden niet als postcode gebruikt.`;
  return null;
}

/** Normalises a Dutch postcode to the form "1234 AB"; returns null when invalid. */
export function normalisePostcode(value: string): string | null {
  if (postcodeProblem(value) !== null) return null;
  const compact = value.replace(/\s+/g, '');
  return `${compact.slice(0, 4)} ${compact.slice(4).toUpperCase()}`;
}

/** IBAN with the ISO 13616 mod-97 check; spaces are ignored. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && iban.length !== 18) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export const BsnSchema = z
  .string()
  .trim()
  .refine(isValidBsn, { message: 'Dit is geen geldig BSN (9 cijfers en de elfproef).' });

export const KvkSchema = z
  .string()
  .trim()
  .refine(isValidKvk, { message: 'Een KvK-nummer bestaat uit precies 8 cijfers.' });

export const PostcodeSchema = z
  .string({ error: 'Vul een geldige postcode in, bijvoorbeeld 6601 AB.' })
  .transform((value, ctx) => {
    const problem = postcodeProblem(value);
    if (problem !== null || value.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        message:
          value.trim() === '' ? 'Vul een geldige postcode in, bijvoorbeeld 6601 AB.' : problem!,
      });
      return z.NEVER;
    }
    return normalisePostcode(value)!;
  });

export const IbanSchema = z
  .string()
  .trim()
  .refine(isValidIban, { message: 'Dit is geen geldig IBAN.' })
  .transform((value) => value.replace(/\s+/g, '').toUpperCase());

/** CBS municipality code, e.g. GM0268 for Nijmegen. */
export const MunicipalityCodeSchema = z
  .string()
  .regex(/^GM\d{4}$/, { message: 'Een gemeentecode heeft de vorm GM0000.' });
