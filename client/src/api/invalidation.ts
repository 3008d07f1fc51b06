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
    // Scheduling or recording the intake changes the planned intake among the actions.
    ['actions'],
    ['action-counts'],
    ['intake-agenda'],
    // Closing withdraws running referrals.
    ['referrals-stalled'],
  ],
  /** A next action: the case's own views, the action worklists and their counts. */
  actionChange: ({ caseId }: { caseId: string }): QueryKey[] => [
    ['case', caseId],
    ['actions'],
    ['action-counts'],
  ],
  /** A note: the case's views and searches (notes are searched). */
  noteChange: ({ caseId }: { caseId: string }): QueryKey[] => [['case', caseId], ['search']],
  /** Cases handed over: every case view, the lists, the worklists and the actions. */
  reassignment: (): QueryKey[] => [
    ['case'],
    ['cases'],
    ['worklist-counts'],
    ['actions'],
    ['action-counts'],
  ],
  /** A document: only the case's own views (list rows do not show documents). */
  caseDocument: ({ caseId }: { caseId: string }): QueryKey[] => [['case', caseId]],
  /** An entrepreneur appears on every case of theirs, in the lists and in searches. */
  entrepreneurChange: (): QueryKey[] => [['case'], ['cases'], ['entrepreneurs']],
  registration: (): QueryKey[] => [['cases'], ['worklist-counts'], ['entrepreneurs']],
  /** An import changes the recipients that waves choose from, and the import history. */
  outreachImport: (): QueryKey[] => [['outreach-imports'], ['outreach']],
  /** A wave, a response or sent e-mails: the waves, their contacts and the response rates. */
  outreachChange: (): QueryKey[] => [['outreach']],
  /** An interested contact registered as a case: the wave and the case lists. */
  outreachRegistration: (): QueryKey[] => [['outreach'], ['cases'], ['worklist-counts']],
  /**
   * Anything about a campaign: the budgets on the overview, its detail and the attribution
   * (cost per sign-up follows what was spent).
   */
  campaignChange: (): QueryKey[] => [['campaigns']],
  announcementChange: (): QueryKey[] => [['announcements']],
  /**
   * Consent or a referral: the case's views (its tabs and timeline) and the worklist of
   * stalled referrals, which the home page counts.
   */
  referralChange: ({ caseId }: { caseId: string }): QueryKey[] => [
    ['case', caseId],
    ['referrals-stalled'],
  ],
  /** A partner changed a referral: its own list (the case is another municipality's). */
  partnerReferralChange: (): QueryKey[] => [['partner-referrals']],
  /** Contracts, budgets and statements: every finance view (prices feed the forecast). */
  financeChange: (): QueryKey[] => [['finance']],
  /** A credited cost line: the case's costs and every finance total. */
  costLineCredit: ({ caseId }: { caseId: string }): QueryKey[] => [['case', caseId], ['finance']],
  /**
   * A TONK application or its decision: the TONK list, and the case it belongs to (its
   * TONK and Bbz tab), when it has one.
   */
  tonkChange: ({ caseId }: { caseId?: string | null }): QueryKey[] => [
    ['tonk'],
    ...(caseId ? [['case', caseId]] : []),
  ],
  /** A case opened from a TONK application: the TONK list (its link), the case lists and counts. */
  tonkCaseOpened: (): QueryKey[] => [['tonk'], ['cases'], ['worklist-counts']],
  /** A Bbz request or its decision: the case's views (its tab and timeline). */
  bbzChange: ({ caseId }: { caseId: string }): QueryKey[] => [['case', caseId]],
  /** Reading a full BSN, or logging out (the browser leaves for the provider). */
  nothing: (): QueryKey[] => [],
} as const;
