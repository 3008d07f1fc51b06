import type { QueryKey } from '@tanstack/react-query';

/**
 * Which cached views a change makes stale: the one place that knows what shows what.
 * Every view of a case has a key starting with ['case', caseId]; the lists and the
 * worklist counts summarise cases.
 */
export const STALE_AFTER = {
  /** Anything recorded on a case: its views, the lists (status, routes) and the counts. */
  caseChange: ({ caseId }: { caseId: string }): QueryKey[] => [
    ['case', caseId],
    ['cases'],
    ['worklist-counts'],
  ],
  /** A document: only the case's own views (list rows do not show documents). */
  caseDocument: ({ caseId }: { caseId: string }): QueryKey[] => [['case', caseId]],
  /** An entrepreneur appears on every case of theirs, in the lists and in searches. */
  entrepreneurChange: (): QueryKey[] => [['case'], ['cases'], ['entrepreneurs']],
  registration: (): QueryKey[] => [['cases'], ['worklist-counts'], ['entrepreneurs']],
  /** Reading a full BSN, or logging out (the browser leaves for the provider). */
  nothing: (): QueryKey[] => [],
} as const;
