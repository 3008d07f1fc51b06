import { z } from 'zod';

/**
 * Money is a whole number of euro cents everywhere: in the database (bigint), the API and
 * the client. Only the display turns it into euros.
 */
export const MoneyCentsSchema = z
  .number({ error: 'Vul een bedrag in.' })
  .int({ message: 'Een bedrag is een heel aantal centen.' })
  .min(0, { message: 'Een bedrag kan niet negatief zijn.' })
  .max(100_000_000_00, { message: 'Een bedrag is hoogstens € 100.000.000,00.' });
export type MoneyCents = z.infer<typeof MoneyCentsSchema>;

/** A signed amount, for corrections (credit lines). */
export const SignedMoneyCentsSchema = z
  .number({ error: 'Vul een bedrag in.' })
  .int({ message: 'Een bedrag is een heel aantal centen.' })
  .min(-100_000_000_00)
  .max(100_000_000_00);

const EURO = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
});

/** Dutch notation: 123456 → "€ 1.234,56"; negative amounts as "€ -1.234,56". */
export function formatEuro(cents: number): string {
  // Intl writes a no-break space after the sign; users copy amounts into letters and mails.
  return EURO.format(cents / 100).replace(/\u00a0/g, ' ');
}

/**
 * Reads an amount as a person types it ("1.234,56", "€ 27.500", "150", "12,5") into cents;
 * null when it is not an amount. A dot followed by three digits is a thousands separator.
 */
export function parseEuro(input: string): number | null {
  const value = input.replace(/[€\s\u00a0]/g, '');
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const euros = Number(match[2]!.replace(/\./g, ''));
  const cents = Number((match[3] ?? '').padEnd(2, '0') || '0');
  const total = euros * 100 + cents;
  if (!Number.isSafeInteger(total)) return null;
  return match[1] ? -total : total;
}
