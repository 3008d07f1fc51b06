import { z } from 'zod';
import { CaseStatusSchema } from './case-status.ts';
import { HouseNumberAdditionSchema, StreetSchema, TownSchema } from './addresses.ts';
import { BsnSchema, KvkSchema, PostcodeSchema } from './validators.ts';
import { DateSchema, DateTimeSchema, longText, optional, requiredText, text } from './text.ts';
import { OTHER_SUPPORT, URGENCIES } from './support.ts';
import { SelfCheckResultSchema } from './self-check.ts';

const notInFuture = (value: string) => value <= new Date().toISOString().slice(0, 10);

export const LEGAL_FORMS = ['eenmanszaak', 'vof', 'maatschap', 'bv', 'other'] as const;
export const LEGAL_FORM_LABELS: Record<(typeof LEGAL_FORMS)[number], string> = {
  eenmanszaak: 'Eenmanszaak',
  vof: 'Vennootschap onder firma',
  maatschap: 'Maatschap',
  bv: 'Besloten vennootschap',
  other: 'Anders',
};

export const TOZO_PERIODS = ['tozo1', 'tozo2', 'tozo3', 'tozo4', 'tozo5'] as const;
export const TOZO_LABELS: Record<(typeof TOZO_PERIODS)[number], string> = {
  tozo1: 'Tozo 1 (mrt–mei 2020)',
  tozo2: 'Tozo 2 (jun–sep 2020)',
  tozo3: 'Tozo 3 (okt 2020–mrt 2021)',
  tozo4: 'Tozo 4 (apr–jun 2021)',
  tozo5: 'Tozo 5 (jul–sep 2021)',
};

export const PARTNER_INCOME = ['yes', 'no', 'no_partner', 'unknown'] as const;
export const PARTNER_INCOME_LABELS: Record<(typeof PARTNER_INCOME)[number], string> = {
  yes: 'Partner heeft inkomen',
  no: 'Partner heeft geen inkomen',
  no_partner: 'Geen partner',
  unknown: 'Onbekend',
};

export const EntrepreneurInputSchema = z.object({
  name: requiredText(200, 'Naam'),
  email: optional(z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254)),
  phone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{10,20}$/, {
        message: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
      }),
  ),
  postcode: optional(PostcodeSchema),
  houseNumber: optional(
    z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{0,4}(\s?[a-zA-Z0-9-]{1,6})?$/, {
        message: 'Vul een huisnummer in, eventueel met toevoeging.',
      }),
  ),
  houseNumberAddition: HouseNumberAdditionSchema,
  street: StreetSchema,
  town: TownSchema,
  businessName: requiredText(200, 'Bedrijfsnaam'),
  kvkNumber: optional(KvkSchema),
  legalForm: z.enum(LEGAL_FORMS, { error: 'Kies een rechtsvorm.' }).default('eenmanszaak'),
  sbiCode: optional(
    z
      .string()
      .trim()
      .regex(/^\d{2,5}$/, { message: 'Een SBI-code bestaat uit 2 tot 5 cijfers.' }),
  ),
  businessStartDate: optional(
    DateSchema.refine(notInFuture, {
      message: 'De startdatum van het bedrijf ligt in de toekomst.',
    }),
  ),
  tozoPeriods: z.array(z.enum(TOZO_PERIODS)).max(5).default([]),
  partnerIncome: z.enum(PARTNER_INCOME).default('unknown'),
  bsn: optional(BsnSchema),
});
export type EntrepreneurInput = z.infer<typeof EntrepreneurInputSchema>;

export const EntrepreneurSchema = EntrepreneurInputSchema.omit({ bsn: true }).extend({
  id: z.uuid(),
  /** Only the last three digits, e.g. `******789`; the full number needs an audited reveal. */
  bsnMasked: z.string().nullable(),
  sbiLabel: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Entrepreneur = z.infer<typeof EntrepreneurSchema>;

export const CASE_SOURCES = [
  'tozo_outreach',
  'regional_campaign',
  'local_campaign',
  'self_registration',
  'referred_by_accountant',
  'referred_by_partner',
  'tonk_application',
  'other',
] as const;
export const CASE_SOURCE_LABELS: Record<(typeof CASE_SOURCES)[number], string> = {
  tozo_outreach: 'Benadering Tozo-gebruikers',
  regional_campaign: 'Regionale campagne',
  local_campaign: 'Lokale campagne',
  self_registration: 'Eigen aanmelding',
  tonk_application: 'Via een TONK-aanvraag',
  referred_by_accountant: 'Verwezen door boekhouder of accountant',
  referred_by_partner: 'Verwezen door partnerorganisatie',
  other: 'Anders',
};

export const CLOSING_OUTCOMES = [
  'business_continued_with_bbz',
  'business_continued_without_bbz',
  'business_stopped_employed',
  'business_with_side_job',
  'debt_settlement',
  'stopped_without_employment',
  'other',
] as const;
export const CLOSING_OUTCOME_LABELS: Record<(typeof CLOSING_OUTCOMES)[number], string> = {
  business_continued_with_bbz: 'Bedrijf voortgezet met Bbz',
  business_continued_without_bbz: 'Bedrijf voortgezet zonder Bbz',
  business_stopped_employed: 'Bedrijf gestopt, in loondienst',
  business_with_side_job: 'Bedrijf met bijbaan',
  debt_settlement: 'Schuldregeling',
  stopped_without_employment: 'Gestopt zonder werk',
  other: 'Anders',
};

/** Registration: a new entrepreneur or an existing one, and the case details. */
export const CaseRegistrationSchema = z
  .object({
    entrepreneurId: optional(z.uuid({ message: 'Onbekende ondernemer.' })),
    entrepreneur: EntrepreneurInputSchema.optional(),
    source: z.enum(CASE_SOURCES, { error: 'Kies hoe de ondernemer bij ons kwam.' }),
    sourceDetail: optional(text(200)),
    // No preselected value: the caseworker must weigh both.
    urgency: z.enum(URGENCIES, { error: 'Kies de urgentie.' }),
    otherSupport: z.enum(OTHER_SUPPORT, { error: 'Kies de beschikbaarheid van andere steun.' }),
    caseworkerId: optional(z.uuid()),
    advisorId: optional(z.uuid()),
  })
  .refine((v) => Boolean(v.entrepreneurId) !== Boolean(v.entrepreneur), {
    message: 'Kies een bestaande ondernemer of vul de gegevens van een nieuwe in.',
    path: ['entrepreneur'],
  });
export type CaseRegistration = z.infer<typeof CaseRegistrationSchema>;

export const CaseUpdateSchema = z.object({
  urgency: z.enum(URGENCIES).optional(),
  otherSupport: z.enum(OTHER_SUPPORT).optional(),
  sourceDetail: optional(text(200)),
  caseworkerId: z.uuid().nullable().optional(),
  advisorId: z.uuid().nullable().optional(),
});
export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;

/** Where and how the intake with the business advisor takes place. */
export const INTAKE_MODES = ['office', 'business', 'video', 'phone'] as const;
export type IntakeMode = (typeof INTAKE_MODES)[number];
export const INTAKE_MODE_LABELS: Record<IntakeMode, string> = {
  office: 'Op kantoor',
  business: 'Bij het bedrijf',
  video: 'Videogesprek',
  phone: 'Telefonisch',
};

/** The place of the intake as a letter says it: the address, the video link, or "telefonisch". */
export function intakePlace(c: {
  intakeMode?: IntakeMode | null;
  intakeLocation?: string | null;
  intakeVideoLink?: string | null;
}): string | null {
  switch (c.intakeMode) {
    case 'video':
      return c.intakeVideoLink ? `via video: ${c.intakeVideoLink}` : null;
    case 'phone':
      return c.intakeLocation
        ? `telefonisch (${c.intakeLocation})`
        : 'telefonisch; de adviseur belt u';
    case 'office':
    case 'business':
      return c.intakeLocation ?? null;
    default:
      return null;
  }
}

/** Five minutes of slack: the form may be sent a moment after the time it names. */
const PAST_SLACK_MS = 5 * 60_000;
export const ScheduleIntakeSchema = z
  .object({
    scheduledAt: z
      .string({ error: 'Vul de datum en tijd van de intake in.' })
      .min(1, { message: 'Vul de datum en tijd van de intake in.' })
      .pipe(
        DateTimeSchema.refine((v) => Date.parse(v) >= Date.now() - PAST_SLACK_MS, {
          message: 'Een geplande intake kan niet in het verleden liggen. Kies een moment vanaf nu.',
        }),
      ),
    /** The business advisor who holds the intake; assigned to the case with the planning. */
    advisorId: optional(z.uuid({ error: 'Kies een bedrijfsadviseur.' })),
    mode: z.enum(INTAKE_MODES, { error: 'Kies hoe de intake plaatsvindt.' }).default('office'),
    /** The address (office or business), or a phone note. */
    location: optional(text(300)),
    videoLink: optional(
      z
        .url({ protocol: /^https$/, error: 'Vul een videolink in die begint met https://.' })
        .max(500),
    ),
  })
  .refine((v) => v.mode !== 'video' || v.videoLink !== undefined, {
    message: 'Vul de link van het videogesprek in.',
    path: ['videoLink'],
  });
export type ScheduleIntake = z.infer<typeof ScheduleIntakeSchema>;

export const CloseCaseSchema = z
  .object({
    outcome: z.enum(CLOSING_OUTCOMES, { error: 'Kies de uitkomst.' }),
    note: optional(longText(2000)),
    /**
     * Running routes and coaching end with the case when true; when false and something
     * still runs, closing is refused with what runs.
     */
    endRunning: z.boolean().default(false),
  })
  .refine((v) => v.outcome !== 'other' || Boolean(v.note), {
    message: 'Licht de uitkomst "Anders" toe.',
    path: ['note'],
  });
export type CloseCase = z.infer<typeof CloseCaseSchema>;

export const ReopenCaseSchema = z.object({
  reason: requiredText(500, 'De reden voor heropenen'),
});

export const WithdrawCaseSchema = z.object({
  reason: requiredText(500, 'De reden'),
});

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: CaseStatusSchema,
  entrepreneurId: z.uuid(),
  entrepreneurName: z.string(),
  businessName: z.string(),
  kvkNumber: z.string().nullable(),
  source: z.enum(CASE_SOURCES),
  urgency: z.enum(URGENCIES),
  /** Derived from urgency and other support with serviceIntensity(). */
  intensity: z.enum(['light', 'standard', 'intensive']),
  caseworkerId: z.uuid().nullable(),
  caseworkerName: z.string().nullable(),
  advisorId: z.uuid().nullable(),
  advisorName: z.string().nullable(),
  activeRoutes: z.array(z.string()),
  registeredAt: z.iso.datetime(),
  lastContactAt: z.iso.datetime().nullable(),
  /** Until the first contact: the working day it is promised by (null once contacted). */
  firstContactDue: DateSchema.nullable(),
  /** The campaign code of the link the entrepreneur signed up through. */
  campaignCode: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  sourceDetail: z.string().nullable(),
  otherSupport: z.enum(OTHER_SUPPORT),
  intakeScheduledAt: z.iso.datetime().nullable(),
  intakeMode: z.enum(INTAKE_MODES).nullable(),
  intakeLocation: z.string().nullable(),
  intakeVideoLink: z.string().nullable(),
  outcome: z.enum(CLOSING_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Coaching trajectories without an end date. */
  activeCoachings: z.number().int(),
  /** The self-check done at a public sign-up, with the urgency and routes it suggests. */
  selfCheck: SelfCheckResultSchema.nullable(),
  allowedActions: z.array(z.string()),
  hasIntake: z.boolean(),
  entrepreneur: EntrepreneurSchema,
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** `urgency`: acute first, then high, then normal; within each the longest waiting first. */
export const CASE_SORTS = [
  '-registeredAt',
  'registeredAt',
  '-updatedAt',
  'updatedAt',
  'urgency',
] as const;

export const CaseListQuerySchema = z.object({
  q: optional(text(100)),
  status: optional(CaseStatusSchema),
  route: optional(z.enum(['strengthen_business', 'solve_finances', 'employment'])),
  advisorId: optional(z.uuid()),
  source: optional(z.enum(CASE_SOURCES)),
  urgency: optional(z.enum(URGENCIES)),
  worklist: optional(
    z.enum([
      'mine',
      'unassigned',
      'waitingForIntake',
      'noRecentContact',
      'acute',
      'firstContactOverdue',
    ]),
  ),
  sort: z.enum(CASE_SORTS).default('-registeredAt'),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  cursor: optional(z.string().max(200)),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CasePageSchema = z.object({
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().nullable(),
});
export type CasePage = z.infer<typeof CasePageSchema>;

export const WorklistCountsSchema = z.object({
  mine: z.number().int(),
  /** New registrations nobody works on yet, such as sign-ups through the website. */
  unassigned: z.number().int(),
  waitingForIntake: z.number().int(),
  noRecentContact: z.number().int(),
  /** Acute cases nobody has taken yet: the team is alerted by e-mail as well. */
  acute: z.number().int(),
  /** Cases whose promised first contact is past without a contact recorded. */
  firstContactOverdue: z.number().int(),
});
export type WorklistCounts = z.infer<typeof WorklistCountsSchema>;

export const INTENSITIES = ['light', 'standard', 'intensive'] as const;
export type Intensity = (typeof INTENSITIES)[number];
export const INTENSITY_LABELS: Record<Intensity, string> = {
  light: 'Licht',
  standard: 'Standaard',
  intensive: 'Intensief',
};

/**
 * How intensive the support should be: the more acute the problem and the less other
 * support the entrepreneur has, the more intensive.
 */
export function serviceIntensity(
  urgency: (typeof URGENCIES)[number],
  otherSupport: (typeof OTHER_SUPPORT)[number],
): Intensity {
  const need =
    { acute: 2, high: 1, normal: 0 }[urgency] + { none: 1, some: 0, sufficient: -1 }[otherSupport];
  return need >= 2 ? 'intensive' : need >= 0 ? 'standard' : 'light';
}

/** Revealing the full BSN needs a reason, which the audit log keeps. */
export const BsnRevealSchema = z.object({
  reason: z
    .string({ error: 'Geef aan waarom u het BSN nodig heeft.' })
    .trim()
    .min(3, { message: 'Geef aan waarom u het BSN nodig heeft.' })
    .max(300, { message: 'Maximaal 300 tekens.' }),
});
export const BsnRevealAnswerSchema = z.object({ bsn: z.string().nullable() });

/** Who may already be known: same postcode, a similar name (before saving a new one). */
export const DuplicateQuerySchema = z.object({
  name: z.string().trim().min(2).max(200),
  postcode: PostcodeSchema,
});
export const DuplicateCandidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  businessName: z.string(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;
