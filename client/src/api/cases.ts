import type {
  Attachment,
  CaseDetail,
  Coaching,
  Contact,
  Intake,
  PerspectiveAnalysis,
  Route,
  StaffMember,
  CaseListQuery,
  CasePage,
  Entrepreneur,
  TimelineEvent,
  WorklistCounts,
} from '@herorientatie/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ApiError } from './client.ts';
import { createQueryHook } from './hooks.ts';

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

/**
 * A change to a case: sends it (with an Idempotency-Key for creates) and refreshes every
 * view of that case, the lists and the worklist counts.
 */
export function useCaseAction<Body>(
  method: 'POST' | 'PUT' | 'PATCH',
  subPath: (caseId: string) => string,
) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, { caseId: string; body?: Body; idempotencyKey?: string }>({
    mutationFn: ({ caseId, body, idempotencyKey }) =>
      apiFetch(subPath(caseId), {
        method,
        body: body ?? {},
        headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
      }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['case'] }),
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['worklist-counts'] }),
      ]),
  });
}

export function useRegisterCase() {
  const client = useQueryClient();
  return useMutation<CaseDetail, ApiError, { body: unknown; idempotencyKey: string }>({
    mutationFn: ({ body, idempotencyKey }) =>
      apiFetch<CaseDetail>('cases', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['cases'] }),
        client.invalidateQueries({ queryKey: ['worklist-counts'] }),
      ]),
  });
}

export function useUploadAttachment() {
  const client = useQueryClient();
  return useMutation<Attachment, ApiError, { caseId: string; file: File }>({
    mutationFn: ({ caseId, file }) => {
      const body = new FormData();
      body.append('file', file);
      return apiFetch<Attachment>(`cases/${caseId}/attachments`, {
        method: 'POST',
        formData: body,
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['case'] }),
  });
}
