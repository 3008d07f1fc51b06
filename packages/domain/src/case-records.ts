import { z } from 'zod';
import { DateSchema, DateTimeSchema, longText, optional, required, text } from './text.ts';

export const CONTACT_MODES = ['face_to_face', 'video', 'phone'] as const;
export const CONTACT_MODE_LABELS: Record<(typeof CONTACT_MODES)[number], string> = {
  face_to_face: 'Persoonlijk gesprek',
  video: 'Videogesprek',
  phone: 'Telefonisch',
};

export const ROUTE_TYPES = ['strengthen_business', 'solve_finances', 'employment'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];
export const ROUTE_TYPE_LABELS: Record<RouteType, string> = {
  strengthen_business: 'Route 1: versterken eigen bedrijf',
  solve_finances: 'Route 2: financiële problemen oplossen',
  employment: 'Route 3: (bij)baan in loondienst',
};

export const VIABILITY = ['viable', 'viable_with_changes', 'not_viable', 'unclear'] as const;
export const VIABILITY_LABELS: Record<(typeof VIABILITY)[number], string> = {
  viable: 'Levensvatbaar',
  viable_with_changes: 'Levensvatbaar met aanpassingen',
  not_viable: 'Niet levensvatbaar',
  unclear: 'Nog onduidelijk',
};

export const BBZ_OPTIONS = ['income_support', 'business_credit', 'none', 'not_eligible'] as const;
export const BBZ_OPTION_LABELS: Record<(typeof BBZ_OPTIONS)[number], string> = {
  income_support: 'Bbz-inkomensondersteuning',
  business_credit: 'Bbz-bedrijfskrediet',
  none: 'Geen Bbz nodig',
  not_eligible: 'Geen recht op Bbz',
};

export const IntakeInputSchema = z
  .object({
    date: DateSchema,
    mode: z.enum(CONTACT_MODES, { error: 'Kies hoe de intake plaatsvond.' }),
    advisorId: optional(z.uuid()),
    viability: z.enum(VIABILITY, { error: 'Kies het oordeel over de levensvatbaarheid.' }),
    sectorProspects: optional(longText(2000)),
    bbzOptions: z
      .array(z.enum(BBZ_OPTIONS), { error: 'Kies ten minste één Bbz-mogelijkheid.' })
      .min(1, { message: 'Kies ten minste één Bbz-mogelijkheid.' }),
    bbzNotEligibleReason: optional(longText(1000)),
    recommendedRoutes: z.array(z.enum(ROUTE_TYPES)).default([]),
    findings: optional(longText()),
  })
  .refine((v) => !v.bbzOptions.includes('not_eligible') || Boolean(v.bbzNotEligibleReason), {
    message: 'Geef aan waarom er geen recht op Bbz is.',
    path: ['bbzNotEligibleReason'],
  })
  .refine((v) => !(v.bbzOptions.includes('none') && v.bbzOptions.length > 1), {
    message: '"Geen Bbz nodig" gaat niet samen met een andere Bbz-mogelijkheid.',
    path: ['bbzOptions'],
  })
  .refine((v) => v.date <= new Date().toISOString().slice(0, 10), {
    message: 'Een intake die nog moet plaatsvinden, plant u in; vastleggen kan na afloop.',
    path: ['date'],
  });
export type IntakeInput = z.infer<typeof IntakeInputSchema>;

export const PerspectiveAnalysisInputSchema = z.object({
  provider: required('Vul de aanbieder in.', 200),
  date: DateSchema,
  conclusion: required('Vul de conclusie in.', 5000, true),
  reportAttachmentId: optional(z.uuid()),
});
export type PerspectiveAnalysisInput = z.infer<typeof PerspectiveAnalysisInputSchema>;

export const ROUTE_STATUSES = ['active', 'completed', 'stopped'] as const;
export const ROUTE_STATUS_LABELS: Record<(typeof ROUTE_STATUSES)[number], string> = {
  active: 'Loopt',
  completed: 'Afgerond',
  stopped: 'Gestopt',
};

/** The outcomes that fit each route. */
export const ROUTE_OUTCOMES = {
  strengthen_business: ['plan_carried_out', 'partly_carried_out', 'not_carried_out'],
  solve_finances: ['settlement_reached', 'restructuring_started', 'not_started'],
  employment: ['job_full_time', 'job_part_time', 'side_job', 'training_started', 'no_job'],
} as const satisfies Record<RouteType, readonly string[]>;
export const ROUTE_OUTCOME_LABELS: Record<string, string> = {
  plan_carried_out: 'Plan uitgevoerd',
  partly_carried_out: 'Plan deels uitgevoerd',
  not_carried_out: 'Plan niet uitgevoerd',
  settlement_reached: 'Schuldregeling getroffen',
  restructuring_started: 'Schuldsanering gestart',
  not_started: 'Niet gestart',
  job_full_time: 'Voltijdbaan gevonden',
  job_part_time: 'Deeltijdbaan gevonden',
  side_job: 'Bijbaan gevonden',
  training_started: 'Scholing gestart',
  no_job: 'Geen baan gevonden',
  // Set by the system when a case closes or is withdrawn while the route still runs.
  ended_with_case: 'Beëindigd met het dossier',
};
/** The outcome of a route that ended because its case was closed or withdrawn. */
export const ROUTE_ENDED_WITH_CASE = 'ended_with_case';

export const RouteStartSchema = z.object({
  type: z.enum(ROUTE_TYPES, { error: 'Kies een route.' }),
  startDate: DateSchema,
  /** Why the route starts and what is agreed; kept apart from the end note. */
  note: optional(longText(2000)),
});
export type RouteStart = z.infer<typeof RouteStartSchema>;

/** Starts, in one step, the routes the intake recommended that do not run yet. */
export const RecommendedRoutesStartSchema = z.object({
  /** Which of the recommended routes start now; all that do not run yet when absent. */
  types: z.array(z.enum(ROUTE_TYPES)).min(1, { message: 'Kies minstens één route.' }).optional(),
  startDate: DateSchema,
  note: optional(longText(2000)),
});
export type RecommendedRoutesStart = z.infer<typeof RecommendedRoutesStartSchema>;

export const RouteEndSchema = z.object({
  status: z.enum(['completed', 'stopped'], { error: 'Kies afgerond of gestopt.' }),
  endDate: DateSchema,
  outcome: z
    .string({ error: 'Kies de uitkomst van de route.' })
    .min(1, { message: 'Kies de uitkomst van de route.' }),
  note: optional(longText(2000)),
});
export type RouteEnd = z.infer<typeof RouteEndSchema>;

export const CoachingInputSchema = z
  .object({
    organisation: required('Vul de organisatie in.', 200).default('Over Rood'),
    coach: required('Vul de naam van de coach in.', 200),
    startDate: DateSchema,
    endDate: optional(DateSchema),
    sessions: z.coerce
      .number()
      .int()
      .min(0, { message: 'Het aantal gesprekken kan niet negatief zijn.' })
      .max(200)
      .default(0),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, {
    message: 'De einddatum ligt voor de startdatum.',
    path: ['endDate'],
  });
export type CoachingInput = z.infer<typeof CoachingInputSchema>;

export const CONTACT_CHANNELS = ['face_to_face', 'video', 'phone', 'email', 'letter'] as const;
export const CONTACT_CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  face_to_face: 'Persoonlijk gesprek',
  video: 'Videogesprek',
  phone: 'Telefoon',
  email: 'E-mail',
  letter: 'Brief',
};

export const ContactInputSchema = z.object({
  occurredAt: DateTimeSchema,
  channel: z.enum(CONTACT_CHANNELS, { error: 'Kies het kanaal.' }),
  summary: required('Vat het contact kort samen.', 5000, true),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const TIMELINE_EVENT_TYPES = [
  'registered',
  'status_changed',
  'assigned',
  'intake_scheduled',
  'intake_recorded',
  'analysis_recorded',
  'route_started',
  'route_ended',
  'coaching_recorded',
  'contact_logged',
  'document_added',
  'document_removed',
  'letter',
  'case_updated',
  'entrepreneur_updated',
  'coaching_updated',
  'record_corrected',
  'note',
  'referral',
  'consent',
  'action',
] as const;

export const TimelineEventSchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  summary: z.string(),
  actorName: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** What the API answers for the records of a case. */
export const IntakeSchema = z.object({
  id: z.uuid(),
  date: DateSchema,
  mode: z.enum(CONTACT_MODES),
  advisorId: z.uuid().nullable(),
  advisorName: z.string().nullable(),
  viability: z.enum(VIABILITY),
  sectorProspects: z.string().nullable(),
  bbzOptions: z.array(z.enum(BBZ_OPTIONS)),
  bbzNotEligibleReason: z.string().nullable(),
  recommendedRoutes: z.array(z.enum(ROUTE_TYPES)),
  findings: z.string().nullable(),
  /** 1 for the record as first saved; each correction adds one. */
  version: z.number().int(),
});
export type Intake = z.infer<typeof IntakeSchema>;

export const PerspectiveAnalysisSchema = z.object({
  id: z.uuid(),
  provider: z.string(),
  date: DateSchema,
  conclusion: z.string(),
  reportAttachmentId: z.uuid().nullable(),
  version: z.number().int(),
});
export type PerspectiveAnalysis = z.infer<typeof PerspectiveAnalysisSchema>;

export const RouteSchema = z.object({
  id: z.uuid(),
  type: z.enum(ROUTE_TYPES),
  status: z.enum(ROUTE_STATUSES),
  startDate: DateSchema,
  endDate: DateSchema.nullable(),
  outcome: z.string().nullable(),
  startNote: z.string().nullable(),
  endNote: z.string().nullable(),
});
export type Route = z.infer<typeof RouteSchema>;

export const CoachingSchema = z.object({
  id: z.uuid(),
  organisation: z.string(),
  coach: z.string(),
  startDate: DateSchema,
  endDate: DateSchema.nullable(),
  sessions: z.number().int(),
});
export type Coaching = z.infer<typeof CoachingSchema>;

export const ContactSchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  channel: z.enum(CONTACT_CHANNELS),
  summary: z.string(),
  userName: z.string(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** What a document on a case is, so that a file of many documents stays readable. */
export const DOCUMENT_TYPES = [
  'letter',
  'consent',
  'report',
  'financial',
  'correspondence',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  letter: 'Brief',
  consent: 'Toestemmingsformulier',
  report: 'Rapport of analyse',
  financial: 'Financiële stukken',
  correspondence: 'Correspondentie',
  other: 'Overig',
};

/** The form fields sent with an uploaded file. */
export const AttachmentUploadSchema = z.object({
  documentType: z.enum(DOCUMENT_TYPES, { error: 'Kies het soort document.' }).default('other'),
  description: optional(text(300)),
});

export const AttachmentRemovalSchema = z.object({
  reason: required('Geef aan waarom het document wordt verwijderd.', 500),
});

export const AttachmentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  documentType: z.enum(DOCUMENT_TYPES),
  description: z.string().nullable(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Saved records that can be corrected; a correction keeps the earlier version. */
export const CORRECTABLE_RECORDS = ['intake', 'perspective-analysis', 'contact', 'note'] as const;
export type CorrectableRecord = (typeof CORRECTABLE_RECORDS)[number];
export const CORRECTABLE_RECORD_LABELS: Record<CorrectableRecord, string> = {
  intake: 'Intake',
  'perspective-analysis': 'Analyse perspectief',
  contact: 'Contact',
  note: 'Notitie',
};

const correction = {
  correctionReason: required('Geef aan wat u corrigeert en waarom.', 500),
};
export const IntakeCorrectionSchema = IntakeInputSchema.safeExtend(correction);
export type IntakeCorrection = z.infer<typeof IntakeCorrectionSchema>;
export const PerspectiveAnalysisCorrectionSchema =
  PerspectiveAnalysisInputSchema.safeExtend(correction);
export type PerspectiveAnalysisCorrection = z.infer<typeof PerspectiveAnalysisCorrectionSchema>;
export const ContactCorrectionSchema = ContactInputSchema.safeExtend(correction);
export type ContactCorrection = z.infer<typeof ContactCorrectionSchema>;

/** An earlier version of a corrected record, as it was before the correction. */
export const RecordVersionSchema = z.object({
  version: z.number().int(),
  /** When this version was replaced, by whom and why. */
  replacedAt: z.iso.datetime(),
  replacedByName: z.string().nullable(),
  reason: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type RecordVersion = z.infer<typeof RecordVersionSchema>;
