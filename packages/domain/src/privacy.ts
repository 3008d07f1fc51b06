import { z } from 'zod';
import { optional, required, text } from './text.ts';

/**
 * What a municipality states in its privacy statement for the public pages. The text of the
 * statement is generated from these settings, so that it says what this municipality decided:
 * who is responsible, how to reach its data protection officer, the council decision the
 * help rests on (heroriëntatie is not a legal duty), and how long files are kept.
 */
export const PrivacySettingsInputSchema = z.object({
  controller: required('Vul in wie verantwoordelijk is (de verwerkingsverantwoordelijke).', 200),
  contactEmail: optional(z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254)),
  contactPhone: optional(text(40)),
  dpoName: optional(text(120)),
  dpoEmail: z
    .string({ error: 'Vul het e-mailadres van de functionaris gegevensbescherming in.' })
    .trim()
    .min(1, { message: 'Vul het e-mailadres van de functionaris gegevensbescherming in.' })
    .pipe(z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254)),
  dpoPhone: optional(text(40)),
  legalBasis: required('Vul de grondslag in: het besluit van de gemeenteraad.', 2000, true),
  /** The organisation of the external business advisors who hold the intakes. */
  advisorOrganisation: optional(text(200)),
  retentionYears: z.coerce
    .number({ error: 'Vul een bewaartermijn in jaren in.' })
    .int()
    .min(1, { message: 'Een bewaartermijn is ten minste 1 jaar.' })
    .max(30, { message: 'Een bewaartermijn is hoogstens 30 jaar.' }),
});
export type PrivacySettingsInput = z.infer<typeof PrivacySettingsInputSchema>;

export const PrivacySettingsSchema = PrivacySettingsInputSchema.partial().extend({
  configured: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>;

/** The statement as the public page shows it for one municipality. */
export const PrivacyStatementSchema = z.object({
  municipality: z.object({ code: z.string(), name: z.string() }),
  regionName: z.string(),
  /** False while the municipality has not filled in its settings: defaults are shown. */
  configured: z.boolean(),
  controller: z.string(),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  dpo: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  legalBasis: z.string(),
  advisorOrganisation: z.string().nullable(),
  /** Partner organisations of the region that receive data only with consent. */
  partners: z.array(z.string()),
  retentionYears: z.number().int().nullable(),
});
export type PrivacyStatement = z.infer<typeof PrivacyStatementSchema>;

/** The default text of the legal basis until the municipality writes its own. */
export function defaultLegalBasis(municipality: string): string {
  return `Heroriëntatie is geen wettelijke taak van de gemeente. De gemeenteraad van ${municipality} heeft besloten deze hulp aan ondernemers te bieden. Wij gebruiken uw gegevens omdat dat nodig is om die taak van algemeen belang uit te voeren (artikel 6, lid 1, onder e, van de AVG).`;
}
