import { z } from 'zod';
import { EntrepreneurInputSchema } from './cases.ts';
import { SelfCheckSchema } from './self-check.ts';
import { optional, required, text } from './text.ts';
import { normaliseResponseCode } from './outreach.ts';
import { KvkSchema, PostcodeSchema } from './validators.ts';

export const SignUpSchema = z.object({
  name: required('Vul uw naam in.', 200),
  businessName: required('Vul de naam van uw bedrijf in.', 200),
  email: z
    .string({ error: 'Vul uw e-mailadres in.' })
    .trim()
    .min(1, { message: 'Vul uw e-mailadres in.' })
    .pipe(z.email({ message: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.' }).max(254)),
  phone: EntrepreneurInputSchema.shape.phone,
  postcode: PostcodeSchema,
  houseNumber: EntrepreneurInputSchema.shape.houseNumber,
  houseNumberAddition: EntrepreneurInputSchema.shape.houseNumberAddition,
  street: EntrepreneurInputSchema.shape.street,
  town: EntrepreneurInputSchema.shape.town,
  kvkNumber: optional(KvkSchema),
  /** Only when the postcode lies in more than one municipality: the one the person chose. */
  municipalityCode: optional(z.string().regex(/^GM\d{4}$/, { message: 'Kies uw gemeente.' })),
  campaignCode: optional(text(20).regex(/^[A-Za-z0-9-]{6,20}$/, { message: 'Onbekende code.' })),
  /** The personal code of a wave letter ("K7QM-RXP4"); links the sign-up to that letter. */
  responseCode: optional(
    text(12).refine((v) => normaliseResponseCode(v) !== null, {
      message: 'Een antwoordcode heeft 8 tekens, zoals K7QM-RXP4. Controleer de code op uw brief.',
    }),
  ),
  selfCheck: SelfCheckSchema.optional(),
  privacyAccepted: z.literal(true, { error: 'Lees de privacyverklaring en vink het vakje aan.' }),
  /** A field people do not see; robots fill it in. */
  website: z.string().max(200).optional(),
});
export type SignUp = z.infer<typeof SignUpSchema>;

export const PostcodeLookupSchema = z.object({
  /** unknown: no such postcode area in the national table (a typo, or a new area). */
  status: z.enum(['in-region', 'outside-region', 'unknown']),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  regionName: z.string().nullable(),
  /** Outside the region: the municipality (or municipalities) the area belongs to. */
  elsewhere: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PostcodeLookup = z.infer<typeof PostcodeLookupSchema>;

/** Where entrepreneurs outside the region find the help of their own municipality. */
export const ONDERNEMERSPLEIN_URL = 'https://www.ondernemersplein.nl';

/**
 * Help that does not wait for an appointment, shown after an acute self-check. Geldfit
 * Zakelijk (Nederlandse Schuldhulproute) and the KVK Adviesteam are national and free.
 */
export const IMMEDIATE_HELP = [
  {
    name: 'Geldfit Zakelijk',
    what: 'Gratis hulplijn voor ondernemers met geldzorgen',
    phone: '0800 8115',
    url: 'https://www.geldfitzakelijk.nl',
  },
  {
    name: 'KVK Adviesteam',
    what: 'Gratis advies als uw bedrijf in zwaar weer zit',
    phone: '0800 2117',
    url: 'https://www.kvk.nl/hulp-voor-ondernemers/',
  },
] as const;

/** The working days within which the municipality contacts someone, by urgency. */
export const CONTACT_PROMISE_DAYS = { acute: 2, high: 5, normal: 5 } as const;

/** The face of a municipality on the public pages: name, logo and how to reach it. */
export const MunicipalityFaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  logoUrl: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  addressLines: z.array(z.string()),
});
export type MunicipalityFace = z.infer<typeof MunicipalityFaceSchema>;

/** The region(s) the front door serves, for its header and the privacy statement. */
export const PublicRegionSchema = z.object({
  name: z.string(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const PublicRegionsSchema = z.array(PublicRegionSchema);
export type PublicRegion = z.infer<typeof PublicRegionSchema>;

export const SignUpAnswerSchema = z.object({
  message: z.string(),
  /** The number to mention when calling: the receipt of this sign-up. */
  receipt: z.string(),
  municipality: MunicipalityFaceSchema,
  /** Whether the self-check showed an acute situation: immediate help is shown. */
  acute: z.boolean(),
  promiseDays: z.number().int(),
});
export type SignUpAnswer = z.infer<typeof SignUpAnswerSchema>;
