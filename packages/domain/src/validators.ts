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

/** Normalises a Dutch postcode to the form "1234 AB"; returns null when invalid. */
export function normalisePostcode(value: string): string | null {
  const match = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(value);
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  // SA, SD and SS are not issued by PostNL.
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${match[1]} ${letters}`;
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
    const normalised = normalisePostcode(value);
    if (!normalised) {
      ctx.addIssue({
        code: 'custom',
        message: 'Vul een geldige postcode in, bijvoorbeeld 6601 AB.',
      });
      return z.NEVER;
    }
    return normalised;
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
