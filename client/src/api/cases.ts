import {
  BsnRevealAnswerSchema,
  BsnRevealSchema,
  CaseDetailSchema,
  CaseRegistrationSchema,
  CaseUpdateSchema,
  CloseCaseSchema,
  CoachingInputSchema,
  CoachingSchema,
  ContactCorrectionSchema,
  ContactInputSchema,
  ContactSchema,
  EntrepreneurInputSchema,
  EntrepreneurSchema,
  IntakeCorrectionSchema,
  IntakeInputSchema,
  IntakeSchema,
  PerspectiveAnalysisCorrectionSchema,
  PerspectiveAnalysisInputSchema,
  PerspectiveAnalysisSchema,
  ReopenCaseSchema,
  RouteEndSchema,
  RouteSchema,
  RecommendedRoutesStartSchema,
  RouteStartSchema,
  ScheduleIntakeSchema,
  WithdrawCaseSchema,
  type Attachment,
  type CaseDetail,
  type CaseListQuery,
  type CasePage,
  type Coaching,
  type Contact,
  type CorrectableRecord,
  type DuplicateCandidate,
  type Entrepreneur,
  type Intake,
  type PerspectiveAnalysis,
  type RecordVersion,
  type Route,
  type StaffMember,
  type TimelineEvent,
  type WorklistCounts,
} from '@herorientatie/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, type ApiError } from './client.ts';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export type CaseFilters = Partial<Omit<CaseListQuery, 'cursor' | 'pageSize'>>;

function listPath(filters: CaseFilters, cursor?: string) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  params.set('pageSize', '25');
  if (cursor) params.set('cursor', cursor);
  return `cases?${params}`;
}

export function useCaseList(filters: CaseFilters) {
  return useInfiniteQuery<CasePage, ApiError>({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam }) =>
      apiFetch<CasePage>(listPath(filters, pageParam as string | undefined)),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useCase = createQueryHook<CaseDetail, [string]>('case', (id) => `cases/${id}`);
export const useTimeline = createQueryHook<TimelineEvent[], [string]>(
  'case',
  (id) => `cases/${id}/timeline`,
);
export const useRoutes = createQueryHook<Route[], [string]>('case', (id) => `cases/${id}/routes`);
export const useContacts = createQueryHook<Contact[], [string]>(
  'case',
  (id) => `cases/${id}/contacts`,
);
export const useCoachings = createQueryHook<Coaching[], [string]>(
  'case',
  (id) => `cases/${id}/coachings`,
);
export const useAnalyses = createQueryHook<PerspectiveAnalysis[], [string]>(
  'case',
  (id) => `cases/${id}/perspective-analyses`,
);
export const useAttachments = createQueryHook<Attachment[], [string]>(
  'case',
  (id) => `cases/${id}/attachments`,
);
/** Earlier versions of a corrected record, newest first. */
export const useRecordHistory = createQueryHook<
  RecordVersion[],
  [string, CorrectableRecord, string]
>('case', (id, kind, recordId) => `cases/${id}/record-history/${kind}/${recordId}`);
export const useWorklistCounts = createQueryHook<WorklistCounts>(
  'worklist-counts',
  () => 'worklist-counts',
);
export const useStaff = createQueryHook<StaffMember[], [string]>(
  'staff',
  (role) => `staff?role=${role}`,
  {
    staleTime: 5 * 60_000,
  },
);
/** Known entrepreneurs at this postcode with a similar name; only asked for a usable pair. */
export function usePossibleDuplicates(name: string, postcode: string | null) {
  return useQuery<DuplicateCandidate[], ApiError>({
    queryKey: ['entrepreneurs', 'duplicates', name, postcode],
    queryFn: () =>
      apiFetch<DuplicateCandidate[]>(
        `entrepreneurs/possible-duplicates?name=${encodeURIComponent(name)}&postcode=${encodeURIComponent(postcode ?? '')}`,
      ),
    enabled: name.trim().length >= 2 && postcode !== null,
  });
}

export function useEntrepreneurSearch(q: string) {
  return useQuery<Entrepreneur[], ApiError>({
    queryKey: ['entrepreneurs', q],
    queryFn: () => apiFetch<Entrepreneur[]>(`entrepreneurs?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= 2,
  });
}

export function useIntake(id: string, enabled: boolean) {
  return useQuery<Intake, ApiError>({
    queryKey: ['case', id, 'intake'],
    queryFn: () => apiFetch<Intake>(`cases/${id}/intake`),
    enabled,
  });
}

// Every change the client can make. What each makes stale comes from STALE_AFTER.

type OfCase = { caseId: string };
const caseChange = <In extends z.ZodType, Out extends z.ZodType, P extends OfCase = OfCase>(
  method: 'POST' | 'PUT' | 'PATCH',
  path: (params: P) => string,
  input: In,
  output: Out,
  idempotent = false,
) =>
  createMutation({ method, path, input, output, invalidates: STALE_AFTER.caseChange, idempotent });

export const useRegisterCase = createMutation({
  method: 'POST',
  path: () => 'cases',
  input: CaseRegistrationSchema,
  output: CaseDetailSchema,
  invalidates: STALE_AFTER.registration,
  idempotent: true,
});
export const useUpdateCase = caseChange(
  'PATCH',
  ({ caseId }) => `cases/${caseId}`,
  CaseUpdateSchema,
  CaseDetailSchema,
);
export const useScheduleIntake = caseChange(
  'PUT',
  ({ caseId }) => `cases/${caseId}/intake-appointment`,
  ScheduleIntakeSchema,
  CaseDetailSchema,
);
export const useRecordIntake = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/intake`,
  IntakeInputSchema,
  IntakeSchema,
  true,
);
export const useCorrectIntake = caseChange(
  'PUT',
  ({ caseId }) => `cases/${caseId}/intake`,
  IntakeCorrectionSchema,
  IntakeSchema,
);
export const useRecordAnalysis = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/perspective-analyses`,
  PerspectiveAnalysisInputSchema,
  PerspectiveAnalysisSchema,
  true,
);
export const useCorrectAnalysis = caseChange(
  'PUT',
  ({ caseId, recordId }: OfCase & { recordId: string }) =>
    `cases/${caseId}/perspective-analyses/${recordId}`,
  PerspectiveAnalysisCorrectionSchema,
  PerspectiveAnalysisSchema,
);
export const useStartRoute = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/routes`,
  RouteStartSchema,
  RouteSchema,
  true,
);
export const useStartRecommendedRoutes = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/recommended-routes`,
  RecommendedRoutesStartSchema,
  z.array(RouteSchema),
  true,
);
export const useEndRoute = caseChange(
  'PATCH',
  ({ caseId, routeId }: OfCase & { routeId: string }) => `cases/${caseId}/routes/${routeId}`,
  RouteEndSchema,
  RouteSchema,
);
export const useRecordCoaching = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/coachings`,
  CoachingInputSchema,
  CoachingSchema,
  true,
);
export const useUpdateCoaching = caseChange(
  'PUT',
  ({ caseId, coachingId }: OfCase & { coachingId: string }) =>
    `cases/${caseId}/coachings/${coachingId}`,
  CoachingInputSchema,
  CoachingSchema,
);
export const useLogContact = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/contacts`,
  ContactInputSchema,
  ContactSchema,
  true,
);
export const useCorrectContact = caseChange(
  'PUT',
  ({ caseId, recordId }: OfCase & { recordId: string }) => `cases/${caseId}/contacts/${recordId}`,
  ContactCorrectionSchema,
  ContactSchema,
);
export const useCloseCase = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/closure`,
  CloseCaseSchema,
  CaseDetailSchema,
);
export const useWithdrawCase = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/withdrawal`,
  WithdrawCaseSchema,
  CaseDetailSchema,
);
export const useReopenCase = caseChange(
  'POST',
  ({ caseId }) => `cases/${caseId}/reopening`,
  ReopenCaseSchema,
  CaseDetailSchema,
);

export const useUpdateEntrepreneur = createMutation({
  method: 'PUT',
  path: ({ entrepreneurId }: { entrepreneurId: string }) => `entrepreneurs/${entrepreneurId}`,
  input: EntrepreneurInputSchema,
  output: EntrepreneurSchema,
  invalidates: STALE_AFTER.entrepreneurChange,
});

/** Shows the full BSN: an audited read, with the reason given. */
export const useRevealBsn = createMutation({
  method: 'POST',
  path: ({ entrepreneurId }: { entrepreneurId: string }) =>
    `entrepreneurs/${entrepreneurId}/bsn-reveal`,
  input: BsnRevealSchema,
  output: BsnRevealAnswerSchema,
  invalidates: STALE_AFTER.nothing,
});

/** A document goes as multipart form data, so it has no JSON schema to check. */
export function useUploadAttachment() {
  const client = useQueryClient();
  return useMutation<
    Attachment,
    ApiError,
    { caseId: string; file: File; documentType: string; description?: string }
  >({
    mutationFn: ({ caseId, file, documentType, description }) => {
      const body = new FormData();
      body.append('documentType', documentType);
      if (description) body.append('description', description);
      body.append('file', file);
      return apiFetch<Attachment>(`cases/${caseId}/attachments`, {
        method: 'POST',
        formData: body,
      });
    },
    onSuccess: (_result, variables) =>
      Promise.all(
        STALE_AFTER.caseDocument(variables).map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
