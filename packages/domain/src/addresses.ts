import { z } from 'zod';
import { optional, text } from './text.ts';

/** A Dutch postal address as letters need it; every part may still be unknown. */
export interface PostalAddress {
  street?: string | null;
  houseNumber?: string | null;
  houseNumberAddition?: string | null;
  postcode?: string | null;
  town?: string | null;
}

export const StreetSchema = optional(text(120));
export const TownSchema = optional(text(80));
/** A letter, a number or both after the house number: "A", "2", "bis", "3-hoog". */
export const HouseNumberAdditionSchema = optional(
  z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9-]{1,6}$/, {
      message: 'Een toevoeging is een letter of een kort nummer, zoals A of 2.',
    }),
);

/** "14", "14 A", "14-2": the number with its addition as PostNL prints it. */
export function houseNumberText(a: PostalAddress): string {
  const number = (a.houseNumber ?? '').trim();
  const addition = (a.houseNumberAddition ?? '').trim();
  if (!addition) return number;
  // A letter follows the number directly (14A); a number or word after a hyphen (14-2).
  return /^[a-zA-Z]$/.test(addition)
    ? `${number}${addition.toUpperCase()}`
    : `${number}-${addition}`;
}

/**
 * The address lines of an envelope: "Kerkstraat 14A" and "6602 BK  WIJCHEN" (postcode, two
 * spaces, the town in capitals, as PostNL asks). Null when the address cannot be posted:
 * street, number, postcode and town are all needed.
 */
export function postalLines(a: PostalAddress): [string, string] | null {
  if (!a.street?.trim() || !a.houseNumber?.trim() || !a.postcode?.trim() || !a.town?.trim())
    return null;
  return [
    `${a.street.trim()} ${houseNumberText(a)}`,
    `${a.postcode.trim()}  ${a.town.trim().toLocaleUpperCase('nl-NL')}`,
  ];
}

/** What an address lacks before it can be posted, in Dutch ("straat en woonplaats"). */
export function missingAddressParts(a: PostalAddress): string[] {
  const missing: string[] = [];
  if (!a.street?.trim()) missing.push('straat');
  if (!a.houseNumber?.trim()) missing.push('huisnummer');
  if (!a.postcode?.trim()) missing.push('postcode');
  if (!a.town?.trim()) missing.push('woonplaats');
  return missing;
}

/** One line for screens and lists: "Kerkstraat 14A, 6602 BK Wijchen", or what is known. */
export function addressOneLine(a: PostalAddress): string {
  const street = [a.street?.trim(), houseNumberText(a)].filter(Boolean).join(' ');
  const place = [a.postcode?.trim(), a.town?.trim()].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ');
}

/** An address the lookup found for a postcode and house number. */
export const AddressSuggestionSchema = z.object({
  street: z.string(),
  houseNumber: z.string(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string(),
  town: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
});
export type AddressSuggestion = z.infer<typeof AddressSuggestionSchema>;

export const AddressLookupAnswerSchema = z.object({
  /** False when no lookup service is configured: the address is entered by hand. */
  enabled: z.boolean(),
  addresses: z.array(AddressSuggestionSchema),
});
export type AddressLookupAnswer = z.infer<typeof AddressLookupAnswerSchema>;
