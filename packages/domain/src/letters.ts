import { z } from 'zod';
import { longText, optional, required, text } from './text.ts';

/** The letters a caseworker sends from a case, each from its municipality's template. */
export const LETTER_KINDS = ['intake-invitation', 'confirmation', 'closing', 'referral'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  'intake-invitation': 'Uitnodiging intakegesprek',
  confirmation: 'Bevestiging aanmelding',
  closing: 'Afsluitbrief',
  referral: 'Verwijsbrief',
};

/**
 * The merge fields a template may use, written as {{naam}}. The description says where the
 * value comes from; a letter is refused while a field it uses has no value on the case.
 */
export const MERGE_FIELDS = {
  naam: 'Naam van de ondernemer',
  bedrijfsnaam: 'Naam van het bedrijf',
  kvk: 'KvK-nummer',
  adres: 'Adres (straat, huisnummer, postcode en woonplaats)',
  intake_plaats: 'Waar de intake is (adres, of video of telefoon)',
  intake_vorm: 'Vorm van de intake (op kantoor, bij het bedrijf, video of telefoon)',
  dossiernummer: 'Dossiernummer',
  datum: 'Datum van vandaag',
  gemeente: 'Naam van de gemeente',
  consulent: 'Naam van de consulent',
  adviseur: 'Naam van de bedrijfsadviseur',
  aanmelddatum: 'Datum van aanmelding',
  intake_datum: 'Datum en tijd van de geplande intake',
  afsluitdatum: 'Datum waarop het dossier is afgesloten',
  uitkomst: 'Uitkomst bij afsluiten',
  partner: 'Organisatie waarnaar is verwezen (verwijsbrief)',
  verwijsdatum: 'Datum van de verwijzing (verwijsbrief)',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export const MERGE_FIELD_NAMES = Object.keys(MERGE_FIELDS) as MergeField[];

/** What a missing value needs, said to the caseworker who makes the letter. */
export const MISSING_FIELD_HINTS: Partial<Record<MergeField, string>> = {
  kvk: 'vul het KvK-nummer van de ondernemer in',
  adres: 'vul straat, huisnummer, postcode en woonplaats van de ondernemer in',
  intake_plaats: 'plan de intake met een plaats of videolink',
  intake_vorm: 'plan de intake met een vorm',
  consulent: 'wijs een consulent toe',
  adviseur: 'wijs een bedrijfsadviseur toe',
  intake_datum: 'plan eerst de intake',
  afsluitdatum: 'sluit eerst het dossier af',
  uitkomst: 'sluit eerst het dossier af',
  partner: 'kies de verwijzing waarover de brief gaat',
  verwijsdatum: 'kies de verwijzing waarover de brief gaat',
};

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Whether a name is one of the merge fields (never an inherited property like `constructor`). */
export function isMergeField(name: string): name is MergeField {
  return Object.hasOwn(MERGE_FIELDS, name);
}

/** The merge fields a text uses, in order of first use. */
export function mergeFieldsIn(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((m) => m[1]!))];
}

/** The fields a text uses that do not exist, to refuse a template with a typo. */
export function unknownMergeFields(template: string): string[] {
  return mergeFieldsIn(template).filter((f) => !isMergeField(f));
}

export type MergeValues = Partial<Record<MergeField, string | null>>;

/**
 * Fills in the merge fields. Fields without a value stay visible as [naam] in the text and
 * are listed in `missing`, so that a letter with a gap is never sent by accident.
 */
export function mergeTemplate(
  template: string,
  values: MergeValues,
): { text: string; missing: MergeField[] } {
  const missing = new Set<MergeField>();
  const merged = template.replace(FIELD, (whole, name: string) => {
    if (!isMergeField(name)) return whole;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name as MergeField);
      return `[${name}]`;
    }
    return value;
  });
  return { text: merged, missing: [...missing] };
}

/** Made-up values for an administrator's preview of a template: no real person. */
export const SAMPLE_MERGE_VALUES: Record<MergeField, string> = {
  naam: 'Sanne de Voorbeeld',
  bedrijfsnaam: 'Bakkerij De Voorbeeld',
  kvk: '12345678',
  adres: 'Voorbeeldstraat 1, 6601 AB Wijchen',
  intake_plaats: 'Stadswinkel, Korte Nieuwstraat 6, Nijmegen',
  intake_vorm: 'op kantoor',
  dossiernummer: 'HO-2026-0001',
  datum: '2 maart 2026',
  gemeente: 'Voorbeeldstad',
  consulent: 'Jan Consulent',
  adviseur: 'Fatma Adviseur',
  aanmelddatum: '16 februari 2026',
  intake_datum: 'dinsdag 10 maart 2026 om 10:00 uur',
  afsluitdatum: '30 juni 2026',
  uitkomst: 'Bedrijf voortgezet zonder Bbz',
  partner: 'Leerwerkloket Rijk van Nijmegen',
  verwijsdatum: '24 maart 2026',
};

/** Gaps a merged text still shows as [naam]: a letter is not made while one is left. */
export function openPlaceholders(text: string): MergeField[] {
  return [...new Set([...text.matchAll(/\[([a-z_]+)\]/g)].map((m) => m[1]!))].filter(isMergeField);
}

/** The text of each letter until the municipality writes its own. */
export const DEFAULT_LETTER_TEMPLATES: Record<LetterKind, { subject: string; body: string }> = {
  'intake-invitation': {
    subject: 'Uitnodiging voor een gesprek over uw onderneming',
    body: [
      'Beste {{naam}},',
      'U heeft zich aangemeld voor hulp bij heroriëntatie voor {{bedrijfsnaam}}. Graag nodigen wij u uit voor een intakegesprek met onze bedrijfsadviseur {{adviseur}}.',
      'Datum en tijd: {{intake_datum}}\nVorm: {{intake_vorm}}\nPlaats: {{intake_plaats}}',
      'In dit gesprek kijken we samen naar uw onderneming, uw financiële situatie en wat u wilt. Neem gerust stukken mee die u belangrijk vindt, zoals uw laatste jaarcijfers.',
      'Kunt u op dit moment niet? Neem dan contact op met {{consulent}} en noem uw dossiernummer {{dossiernummer}}. Dan maken we samen een nieuwe afspraak.',
    ].join('\n\n'),
  },
  confirmation: {
    subject: 'Bevestiging van uw aanmelding',
    body: [
      'Beste {{naam}},',
      'Op {{aanmelddatum}} heeft u zich aangemeld voor hulp bij heroriëntatie voor {{bedrijfsnaam}}. Met deze brief bevestigen wij uw aanmelding.',
      'Uw dossiernummer is {{dossiernummer}}. Uw contactpersoon is {{consulent}}. Wij nemen binnen twee weken contact met u op om een intakegesprek te plannen.',
      'Heeft u vragen? Neem dan contact met ons op en noem uw dossiernummer.',
    ].join('\n\n'),
  },
  closing: {
    subject: 'Afsluiting van uw traject',
    body: [
      'Beste {{naam}},',
      'Op {{afsluitdatum}} hebben wij uw traject bij de gemeente {{gemeente}} afgesloten. De uitkomst is: {{uitkomst}}.',
      'Wij danken u voor het vertrouwen en wensen u veel succes. Verandert uw situatie en heeft u opnieuw hulp nodig? Neem dan contact met ons op en noem uw dossiernummer {{dossiernummer}}.',
    ].join('\n\n'),
  },
  referral: {
    subject: 'Uw verwijzing naar {{partner}}',
    body: [
      'Beste {{naam}},',
      'Zoals besproken hebben wij u op {{verwijsdatum}} verwezen naar {{partner}}. Zij nemen contact met u op voor een eerste afspraak.',
      'Heeft u na drie weken nog niets gehoord? Laat het ons dan weten via {{consulent}}. Wij volgen uw verwijzing tot de hulp echt is begonnen.',
    ].join('\n\n'),
  },
};

/** Edit distance, for suggesting the field a typo meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The merge field an unknown name most likely meant: a small typo or the words swapped. */
export function suggestMergeField(name: string): MergeField | null {
  const words = (n: string) =>
    n
      .toLowerCase()
      .split(/[_\s-]+/)
      .sort()
      .join('_');
  const swapped = MERGE_FIELD_NAMES.find((f) => words(f) === words(name));
  if (swapped) return swapped;
  const near = MERGE_FIELD_NAMES.map((f) => ({ f, d: distance(f, name.toLowerCase()) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return near?.f ?? null;
}

/** "Onbekend samenvoegveld: {{dossiernumer}}. Bedoelt u {{dossiernummer}}?" */
export function unknownFieldsMessage(unknown: readonly string[]): string {
  const list = unknown.map((f) => `{{${f}}}`).join(', ');
  const suggestions = unknown
    .map(suggestMergeField)
    .filter((f): f is MergeField => f !== null)
    .map((f) => `{{${f}}}`);
  return `${unknown.length === 1 ? 'Onbekend samenvoegveld' : 'Onbekende samenvoegvelden'}: ${list}. ${
    suggestions.length > 0
      ? `Bedoelt u ${suggestions.join(' en ')}?`
      : 'Kies een veld uit de lijst.'
  }`;
}

const templateText = (max: number, what: string, multiline: boolean) =>
  required(`Vul ${what} in.`, max, multiline).refine((v) => unknownMergeFields(v).length === 0, {
    error: (issue) => unknownFieldsMessage(unknownMergeFields(String(issue.input))),
  });

export const LetterTemplateInputSchema = z.object({
  subject: templateText(200, 'het onderwerp', false),
  body: templateText(10_000, 'de tekst van de brief', true),
});
export type LetterTemplateInput = z.infer<typeof LetterTemplateInputSchema>;

export const LetterTemplateSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  subject: z.string(),
  body: z.string(),
  /** True while the municipality uses the built-in text. */
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>;

/** The municipality's letterhead and signature, printed on every letter. */
export const LetterheadInputSchema = z.object({
  department: optional(text(120)),
  addressLines: optional(longText(300)),
  phone: optional(text(40)),
  email: optional(z.email({ error: 'Vul een geldig e-mailadres in.' })),
  website: optional(text(120)),
  signatoryName: required('Vul de naam van de ondertekenaar in.', 120),
  signatoryTitle: optional(text(120)),
});
export type LetterheadInput = z.infer<typeof LetterheadInputSchema>;
/** What every letter must show so that people can answer it. */
export const LETTERHEAD_REQUIRED = {
  addressLines: 'postadres (ook het retouradres op de envelop)',
  phone: 'telefoonnummer',
  email: 'e-mailadres',
  website: 'website',
  signatoryName: 'naam van de ondertekenaar',
} as const;

/** The contact details the letterhead still lacks; letters are refused while any is missing. */
export function letterheadGaps(
  h: Partial<Record<keyof typeof LETTERHEAD_REQUIRED, string | null>>,
) {
  return (Object.keys(LETTERHEAD_REQUIRED) as (keyof typeof LETTERHEAD_REQUIRED)[])
    .filter((k) => !h[k]?.trim())
    .map((k) => LETTERHEAD_REQUIRED[k]);
}

/** "Vul in het briefhoofd eerst in: telefoonnummer en website (Beheer → Brieven)." */
export function letterheadGapsMessage(gaps: readonly string[]): string {
  const list =
    gaps.length === 1 ? gaps[0]! : `${gaps.slice(0, -1).join(', ')} en ${gaps[gaps.length - 1]}`;
  return `Het briefhoofd van de gemeente is niet compleet; zonder contactgegevens kan niemand op de brief reageren. Een beheerder vult eerst in: ${list} (Beheer → Brieven → Briefhoofd).`;
}

export const LetterheadSchema = z.object({
  municipality: z.string(),
  department: z.string().nullable(),
  addressLines: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  hasLogo: z.boolean(),
  /** What is still missing before letters can be made (empty when complete). */
  missing: z.array(z.string()),
});
export type Letterhead = z.infer<typeof LetterheadSchema>;

export const LetterRequestSchema = z
  .object({
    kind: z.enum(LETTER_KINDS, { error: 'Kies welke brief u wilt maken.' }),
    /** The referral a referral letter is about. */
    referralId: optional(z.uuid({ error: 'Kies de verwijzing.' })),
    /** The text as the caseworker adjusted it after the preview; the template otherwise. */
    body: optional(longText(10_000)),
    sendByEmail: z.boolean().default(false),
  })
  .refine((v) => v.kind !== 'referral' || v.referralId !== undefined, {
    message: 'Kies de verwijzing waarover de brief gaat.',
    path: ['referralId'],
  })
  .refine((v) => v.body === undefined || unknownMergeFields(v.body).length === 0, {
    message: 'De tekst bevat een onbekend samenvoegveld.',
    path: ['body'],
  });
export type LetterRequest = z.infer<typeof LetterRequestSchema>;

export const LetterPreviewQuerySchema = z.object({
  kind: z.enum(LETTER_KINDS, { error: 'Kies welke brief u wilt maken.' }),
  referralId: optional(z.uuid({ error: 'Kies de verwijzing.' })),
});

export const LetterPreviewSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  subject: z.string(),
  /** The template with the case's values filled in. */
  body: z.string(),
  /** The template itself, for a caseworker who adjusts the text. */
  template: z.string(),
  missing: z.array(z.string()),
  recipientEmail: z.string().nullable(),
  /** Whether the letterhead has every contact detail a letter needs. */
  letterheadComplete: z.boolean(),
  /** What the letterhead lacks, for the message to the caseworker. */
  letterheadMissing: z.array(z.string()),
});
export type LetterPreview = z.infer<typeof LetterPreviewSchema>;

export const LetterResultSchema = z.object({
  attachmentId: z.uuid(),
  filename: z.string(),
  emailed: z.boolean(),
});
export type LetterResult = z.infer<typeof LetterResultSchema>;

/** "ontbreekt: adviseur (wijs een bedrijfsadviseur toe)" for each missing field. */
export function describeMissing(missing: readonly string[]): string {
  return missing
    .map((f) => {
      if (!isMergeField(f)) return f;
      const hint = MISSING_FIELD_HINTS[f];
      const label = MERGE_FIELDS[f];
      return hint ? `${label.toLowerCase()} (${hint})` : label.toLowerCase();
    })
    .join('; ');
}
