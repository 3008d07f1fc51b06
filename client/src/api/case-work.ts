import {
  type AgendaEntry,
  ActionCompletionSchema,
  ActionInputSchema,
  ActionPostponementSchema,
  ActionSchema,
  BsnSearchSchema,
  NoteCorrectionSchema,
  NoteInputSchema,
  NoteSchema,
  ReassignmentSchema,
  SearchHitSchema,
  type Note,
  type NextAction,
  type SearchHit,
} from '@herorientatie/domain';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, type ApiError } from './client.ts';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export type ActionScope = 'mine' | 'team';
export type ActionWhen = 'today' | 'overdue' | 'upcoming';

export interface ActionCounts {
  mineToday: number;
  mineOverdue: number;
  teamToday: number;
  teamOverdue: number;
}

/** The next actions of one case, the planned intake among them. */
export const useCaseActions = createQueryHook<NextAction[], [string]>(
  'case',
  (id) => `cases/${id}/actions`,
);
/** Actions across cases: mine or the team's, of today, overdue or upcoming. */
export const useActionWorklist = createQueryHook<NextAction[], [ActionScope, ActionWhen]>(
  'actions',
  (scope, when) => `actions?scope=${scope}&when=${when}`,
);
export const useActionCounts = createQueryHook<ActionCounts>(
  'action-counts',
  () => 'action-counts',
);
export const useNotes = createQueryHook<Note[], [string]>('case', (id) => `cases/${id}/notes`);

/** Search as you type: only from two characters on. */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery<SearchHit[], ApiError>({
    queryKey: ['search', text],
    queryFn: () => apiFetch<SearchHit[]>(`search?q=${encodeURIComponent(text)}`),
    enabled: text.length >= 2,
  });
}

type OfCase = { caseId: string };
type OfAction = OfCase & { actionId: string };

export const useAddAction = createMutation({
  method: 'POST',
  path: ({ caseId }: OfCase) => `cases/${caseId}/actions`,
  input: ActionInputSchema,
  output: ActionSchema,
  invalidates: STALE_AFTER.actionChange,
  idempotent: true,
});
export const useCompleteAction = createMutation({
  method: 'POST',
  path: ({ caseId, actionId }: OfAction) => `cases/${caseId}/actions/${actionId}/completion`,
  input: ActionCompletionSchema,
  output: ActionSchema,
  invalidates: STALE_AFTER.actionChange,
});
export const usePostponeAction = createMutation({
  method: 'POST',
  path: ({ caseId, actionId }: OfAction) => `cases/${caseId}/actions/${actionId}/postponement`,
  input: ActionPostponementSchema,
  output: ActionSchema,
  invalidates: STALE_AFTER.actionChange,
});
export const useAddNote = createMutation({
  method: 'POST',
  path: ({ caseId }: OfCase) => `cases/${caseId}/notes`,
  input: NoteInputSchema,
  output: z.array(NoteSchema),
  invalidates: STALE_AFTER.noteChange,
  idempotent: true,
});
export const useCorrectNote = createMutation({
  method: 'PUT',
  path: ({ caseId, noteId }: OfCase & { noteId: string }) => `cases/${caseId}/notes/${noteId}`,
  input: NoteCorrectionSchema,
  output: z.array(NoteSchema),
  invalidates: STALE_AFTER.noteChange,
});
/** Searching by BSN is recorded with its reason; it changes nothing. */
export const useBsnSearch = createMutation({
  method: 'POST',
  path: () => 'search/bsn',
  input: BsnSearchSchema,
  output: z.array(SearchHitSchema),
  invalidates: STALE_AFTER.nothing,
});
export const useReassign = createMutation({
  method: 'POST',
  path: () => 'cases/reassignment',
  input: ReassignmentSchema,
  output: z.object({ reassigned: z.number().int() }),
  invalidates: STALE_AFTER.reassignment,
});

/** The planned intakes of the week starting on `week` (a Monday): mine or the team's. */
export const useIntakeAgenda = createQueryHook<AgendaEntry[], [string, 'mine' | 'team']>(
  'intake-agenda',
  (week, scope) => `intake-agenda?week=${week}&scope=${scope}`,
);
