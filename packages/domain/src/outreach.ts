import { z } from 'zod';
import { TOZO_PERIODS } from './cases.ts';
import { dutchDay } from './dates.ts';
import { DateSchema, longText, optional, required, text } from './text.ts';

/**
 * Columns of a municipality's list of Tozo recipients, as users export it from Excel. Header
 * names are matched without case, spaces or punctuation, so "KvK-nummer", "kvknummer" and
 * "KVK nummer" are the same column.
 */
export const OUTREACH_COLUMNS = {
  kvkNumber: { label: 'KvK-nummer', aliases: ['kvk', 'kvknummer', 'kvknr', 'kamervankoophandel'] },
  bsn: { label: 'BSN', aliases: ['bsn', 'burgerservicenummer'] },
  name: { label: 'Naam', aliases: ['naam', 'naamondernemer', 'contactpersoon'] },
  businessName: { label: 'Bedrijfsnaam', aliases: ['bedrijfsnaam', 'handelsnaam', 'bedrijf'] },
  email: { label: 'E-mailadres', aliases: ['email', 'emailadres', 'mail'] },
  phone: { label: 'Telefoonnummer', aliases: ['telefoon', 'telefoonnummer', 'tel', 'mobiel'] },
  postcode: { label: 'Postcode', aliases: ['postcode', 'pc'] },
  street: { label: 'Straat', aliases: ['straat', 'straatnaam', 'openbareruimte'] },
  houseNumber: { label: 'Huisnummer', aliases: ['huisnummer', 'huisnr', 'nr'] },
  houseNumberAddition: {
    label: 'Toevoeging',
    aliases: ['toevoeging', 'huisnummertoevoeging', 'huisletter', 'huisnrtoevoeging'],
  },
  town: {
    label: 'Woonplaats',
    aliases: ['woonplaats', 'plaats', 'plaatsnaam', 'vestigingsplaats'],
  },
  sbiCode: { label: 'SBI-code', aliases: ['sbi', 'sbicode', 'branche'] },
  tozoPeriods: { label: 'Tozo', aliases: ['tozo', 'tozoperiodes', 'tozoperiode', 'regeling'] },
} as const;
export type OutreachColumn = keyof typeof OUTREACH_COLUMNS;

export const OutreachRowErrorSchema = z.object({
  /** The line in the file, counting the header as line 1 (as Excel shows it). */
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
});
export type OutreachRowError = z.infer<typeof OutreachRowErrorSchema>;

/** A field a re-import changes on a known recipient: the stored value and the file's. */
export const OutreachFieldChangeSchema = z.object({
  column: z.string(),
  old: z.string().nullable(),
  new: z.string(),
});
export const OutreachRowChangeSchema = z.object({
  row: z.number().int(),
  /** KvK number, or the business name, to recognise the recipient. */
  recipient: z.string(),
  fields: z.array(OutreachFieldChangeSchema),
});
export type OutreachRowChange = z.infer<typeof OutreachRowChangeSchema>;

export const OUTREACH_IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export const OutreachImportOptionsSchema = z.object({
  mode: z.enum(OUTREACH_IMPORT_MODES, { error: 'Kies: alles of niets, of alleen de goede rijen.' }),
});

export const OutreachImportReportSchema = z.object({
  id: z.uuid().nullable(),
  dryRun: z.boolean(),
  filename: z.string(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([';', ',']),
  columns: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  rows: z.number().int(),
  counts: z.object({
    new: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  errors: z.array(OutreachRowErrorSchema),
  /** True when `errors` was cut at its maximum length. */
  errorsTruncated: z.boolean(),
  /** Rows that are read, but with something to check: a padded KvK number, a lost character. */
  warnings: z.array(OutreachRowErrorSchema),
  warningsTruncated: z.boolean(),
  /**
   * Per known recipient, what the import changes. A column absent from the file, or an empty
   * cell, leaves the stored value as it is.
   */
  changes: z.array(OutreachRowChangeSchema),
  changesTruncated: z.boolean(),
});
export type OutreachImportReport = z.infer<typeof OutreachImportReportSchema>;

/** One earlier import, as GET /outreach/imports lists it. */
export const ImportHistoryEntrySchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  mode: z.string(),
  rows: z.number().int(),
  counts: OutreachImportReportSchema.shape.counts,
  importedBy: z.string(),
  importedAt: z.iso.datetime(),
});
export type ImportHistoryEntry = z.infer<typeof ImportHistoryEntrySchema>;

/** How many e-mails of a wave went to the outbox. */
export const EmailsQueuedSchema = z.object({
  queued: z.number().int(),
  withoutAddress: z.number().int(),
});
export type EmailsQueued = z.infer<typeof EmailsQueuedSchema>;

export const OUTREACH_CHANNELS = ['letter', 'email', 'phone', 'sms'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];
export const OUTREACH_CHANNEL_LABELS: Record<OutreachChannel, string> = {
  letter: 'Brief',
  email: 'E-mail',
  phone: 'Telefoon',
  sms: 'Sms',
};

export const OUTREACH_RESPONSES = [
  'pending',
  'no_response',
  'interested',
  'not_interested',
  'unreachable',
  'already_helped',
] as const;
export type OutreachResponse = (typeof OUTREACH_RESPONSES)[number];
export const OUTREACH_RESPONSE_LABELS: Record<OutreachResponse, string> = {
  pending: 'Nog geen reactie vastgelegd',
  no_response: 'Geen reactie',
  interested: 'Heeft interesse',
  not_interested: 'Geen interesse',
  unreachable: 'Niet bereikbaar',
  already_helped: 'Wordt al geholpen',
};
/** Answers that count as a response for the response rate. */
export const RESPONDED: readonly OutreachResponse[] = [
  'interested',
  'not_interested',
  'already_helped',
];

export const WaveInputSchema = z.object({
  name: required('Geef de benaderingsronde een naam.', 200),
  channel: z.enum(OUTREACH_CHANNELS, { error: 'Kies een kanaal.' }),
  plannedDate: DateSchema,
  criteria: z
    .object({
      tozoPeriods: z.array(z.enum(TOZO_PERIODS)).default([]),
      /** SBI codes or their first digits (sector). */
      sbiPrefixes: z
        .array(text(5).regex(/^\d{1,5}$/, { message: 'Een SBI-code bestaat uit cijfers.' }))
        .default([]),
      notYetApproached: z.boolean().default(false),
      noResponse: z.boolean().default(false),
    })
    .default({ tozoPeriods: [], sbiPrefixes: [], notYetApproached: false, noResponse: false }),
  message: optional(longText(5000)),
});
export type WaveInput = z.infer<typeof WaveInputSchema>;

export const WaveSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.enum(OUTREACH_CHANNELS),
  plannedDate: DateSchema,
  parentWaveId: z.uuid().nullable(),
  recipients: z.number().int(),
  responded: z.number().int(),
  interested: z.number().int(),
  /** Responded ÷ recipients with an answer recorded other than "pending", in percent. */
  responseRate: z.number().nullable(),
  createdAt: z.iso.datetime(),
});
export type Wave = z.infer<typeof WaveSchema>;

/** How a response reached the municipality. */
export const RESPONSE_CHANNELS = ['website', 'phone', 'letter', 'email', 'visit'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
export const RESPONSE_CHANNEL_LABELS: Record<ResponseChannel, string> = {
  website: 'Aanmelding op de website',
  phone: 'Telefoon',
  letter: 'Brief of antwoordkaart',
  email: 'E-mail',
  visit: 'Aan de balie',
};

/** How an answer to a wave of a channel usually arrives, when nobody says otherwise. */
export const DEFAULT_RESPONSE_CHANNEL: Record<OutreachChannel, ResponseChannel> = {
  letter: 'letter',
  email: 'email',
  phone: 'phone',
  sms: 'phone',
};

/** "K7QMRXP4" printed as "K7QM-RXP4"; what people type is read without case or hyphen. */
export const RESPONSE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function formatResponseCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
export function normaliseResponseCode(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  return new RegExp(`^[${RESPONSE_CODE_ALPHABET}]{8}$`).test(compact) ? compact : null;
}

export const WaveContactSchema = z.object({
  id: z.uuid(),
  recipientId: z.uuid(),
  name: z.string().nullable(),
  businessName: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  response: z.enum(OUTREACH_RESPONSES),
  /** When the response was recorded. */
  respondedAt: z.iso.datetime().nullable(),
  /** The day the response happened: it counts in the figures of that day. */
  responseDate: DateSchema.nullable(),
  responseChannel: z.enum(RESPONSE_CHANNELS).nullable(),
  /** The personal code on this contact's letter. */
  responseCode: z.string(),
  caseId: z.uuid().nullable(),
});
export type WaveContact = z.infer<typeof WaveContactSchema>;

export const WaveResponseInputSchema = z.object({
  response: z.enum(OUTREACH_RESPONSES, { error: 'Kies de reactie.' }),
  note: optional(longText(2000)),
  /** The day the answer came in; today when left out. Never in the future. */
  responseDate: optional(
    DateSchema.refine((d) => d <= dutchDay(), {
      message: 'De datum van de reactie ligt in de toekomst.',
    }),
  ),
  channel: optional(z.enum(RESPONSE_CHANNELS, { error: 'Kies hoe de reactie binnenkwam.' })),
});

export const ResponseRatesSchema = z.object({
  /** People, not letters: each recipient counts once per channel. */
  byChannel: z.array(
    z.object({
      channel: z.enum(OUTREACH_CHANNELS),
      recipients: z.number().int(),
      responded: z.number().int(),
      responseRate: z.number().nullable(),
    }),
  ),
  /** People who responded, by the month their response happened. */
  byMonth: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      channel: z.enum(OUTREACH_CHANNELS),
      responded: z.number().int(),
    }),
  ),
});
export type ResponseRates = z.infer<typeof ResponseRatesSchema>;
