import { z } from 'zod';
import { INTAKE_MODES } from './cases.ts';
import { DateSchema, longText, optional, required, text } from './text.ts';
import { BsnSchema } from './validators.ts';

/** A next action on a case: what to do, by when, by whom. */
export const ActionInputSchema = z.object({
  title: required('Beschrijf wat er moet gebeuren, bijvoorbeeld "bel terug".', 200),
  dueOn: DateSchema,
  ownerId: optional(z.uuid()),
  note: optional(longText(2000)),
});
export type ActionInput = z.infer<typeof ActionInputSchema>;

export const ActionCompletionSchema = z.object({
  outcome: z.enum(['done', 'dropped'], { error: 'Kies: gedaan of vervallen.' }),
  note: optional(longText(2000)),
});
export const ActionPostponementSchema = z.object({
  dueOn: DateSchema,
  note: optional(longText(2000)),
});

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const ActionSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  entrepreneurName: z.string(),
  title: z.string(),
  kind: z.enum(['action', 'intake', 'first_contact']),
  dueOn: DateSchema,
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  postponements: z.number().int(),
  overdue: z.boolean(),
});
export type NextAction = z.infer<typeof ActionSchema>;

export const ActionListQuerySchema = z.object({
  scope: z.enum(['mine', 'team']).default('mine'),
  when: z.enum(['today', 'overdue', 'upcoming']).default('today'),
});
export const ActionCountsSchema = z.object({
  mineToday: z.number().int(),
  mineOverdue: z.number().int(),
  teamToday: z.number().int(),
  teamOverdue: z.number().int(),
});

/** A free note on a case; a correction keeps the earlier version. */
export const NoteInputSchema = z.object({ text: required('Schrijf de notitie.', 10_000, true) });
export const NoteCorrectionSchema = NoteInputSchema.extend({
  correctionReason: required('Geef aan wat u corrigeert en waarom.', 500),
});
export const NoteSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type Note = z.infer<typeof NoteSchema>;

export const SearchQuerySchema = z.object({
  q: text(100).min(2, { message: 'Typ ten minste twee tekens.' }),
});
export const SearchHitSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  status: z.string(),
  entrepreneurName: z.string(),
  businessName: z.string(),
  /** Where the search text was found, in Dutch (naam, bedrijfsnaam, KvK-nummer, notitie …). */
  matchedOn: z.string(),
  rank: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const BsnSearchSchema = z.object({
  bsn: BsnSchema,
  reason: required('Geef aan waarom u op BSN zoekt.', 300),
});

export const ReassignmentSchema = z
  .object({
    caseIds: z.array(z.uuid()).min(1, { message: 'Kies ten minste één dossier.' }).max(500),
    caseworkerId: optional(z.uuid()),
    advisorId: optional(z.uuid()),
  })
  .refine((v) => v.caseworkerId || v.advisorId, {
    message: 'Kies een consulent of een bedrijfsadviseur.',
    path: ['caseworkerId'],
  });

/** One planned intake in the agenda: when, where, how, with whom, for which case. */
export const AgendaEntrySchema = z.object({
  caseId: z.uuid(),
  caseReference: z.string(),
  entrepreneurName: z.string(),
  businessName: z.string(),
  scheduledAt: z.iso.datetime(),
  mode: z.enum(INTAKE_MODES).nullable(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  advisorId: z.uuid().nullable(),
  advisorName: z.string().nullable(),
});
export type AgendaEntry = z.infer<typeof AgendaEntrySchema>;

/** A week of the agenda: the Monday it starts; the advisor's own unless `team`. */
export const AgendaQuerySchema = z.object({
  week: DateSchema,
  scope: z.enum(['mine', 'team']).default('mine'),
});
