import { z } from 'zod';
import { EntrepreneurInputSchema } from './cases.ts';
import { SelfCheckSchema } from './self-check.ts';
import { optional, required, text } from './text.ts';
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
  kvkNumber: optional(KvkSchema),
  /** Only when the postcode lies in more than one municipality: the one the person chose. */
  municipalityCode: optional(z.string().regex(/^GM\d{4}$/, { message: 'Kies uw gemeente.' })),
  campaignCode: optional(text(20).regex(/^[A-Za-z0-9-]{6,20}$/, { message: 'Onbekende code.' })),
  selfCheck: SelfCheckSchema.optional(),
  privacyAccepted: z.literal(true, { error: 'Lees de privacyverklaring en vink het vakje aan.' }),
  /** A field people do not see; robots fill it in. */
  website: z.string().max(200).optional(),
});
export type SignUp = z.infer<typeof SignUpSchema>;

export const PostcodeLookupSchema = z.object({
  status: z.enum(['in-region', 'outside-region', 'unknown']),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  regionName: z.string().nullable(),
});
export type PostcodeLookup = z.infer<typeof PostcodeLookupSchema>;

export const SignUpAnswerSchema = z.object({ message: z.string() });
