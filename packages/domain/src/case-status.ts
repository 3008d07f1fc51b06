import { z } from 'zod';

/** The life of a case (traject). Defined once; the server enforces it, the client shows it. */
export const CASE_STATUSES = [
  'registered',
  'intake_scheduled',
  'intake_done',
  'in_progress',
  'closed',
  'withdrawn',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: 'Aangemeld',
  intake_scheduled: 'Intake gepland',
  intake_done: 'Intake gedaan',
  in_progress: 'Routes lopen',
  closed: 'Afgesloten',
  withdrawn: 'Teruggetrokken',
};

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'registered',
  'intake_scheduled',
  'intake_done',
  'in_progress',
];
export const isOpen = (status: CaseStatus) => OPEN_STATUSES.includes(status);

export const CASE_ACTIONS = [
  'scheduleIntake',
  'recordIntake',
  'startRoute',
  'close',
  'withdraw',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the machine needs to know besides the status. */
export interface CaseFacts {
  hasIntake: boolean;
  /** Routes that have started and not ended. */
  hasActiveRoutes: boolean;
}

export type TransitionResult = { ok: true; status: CaseStatus } | { ok: false; reason: string };

const NOT_OPEN = 'Het dossier is afgesloten of teruggetrokken. Heropen het eerst.';

/**
 * The status machine: registered → intake scheduled → intake done → in progress (routes
 * active) → closed; withdrawn from any open state; closed or withdrawn can be reopened.
 */
export function transition(
  status: CaseStatus,
  action: CaseAction,
  facts: CaseFacts,
): TransitionResult {
  const open = isOpen(status);
  switch (action) {
    case 'scheduleIntake':
      if (status === 'registered' || status === 'intake_scheduled')
        return { ok: true, status: 'intake_scheduled' };
      return {
        ok: false,
        reason: open ? 'De intake is al gedaan; er valt geen intake meer te plannen.' : NOT_OPEN,
      };
    case 'recordIntake':
      if (status === 'registered' || status === 'intake_scheduled')
        return { ok: true, status: 'intake_done' };
      return {
        ok: false,
        reason: open ? 'Voor dit dossier is de intake al vastgelegd.' : NOT_OPEN,
      };
    case 'startRoute':
      if (status === 'intake_done' || status === 'in_progress')
        return { ok: true, status: 'in_progress' };
      return {
        ok: false,
        reason: open ? 'Een route start pas na de intake. Leg eerst de intake vast.' : NOT_OPEN,
      };
    case 'close':
      if (status === 'intake_done' || status === 'in_progress')
        return { ok: true, status: 'closed' };
      return {
        ok: false,
        reason: open
          ? 'Een dossier kan pas worden afgesloten na de intake. Trek het dossier anders terug.'
          : 'Het dossier is al afgesloten of teruggetrokken.',
      };
    case 'withdraw':
      if (open) return { ok: true, status: 'withdrawn' };
      return { ok: false, reason: 'Het dossier is al afgesloten of teruggetrokken.' };
    case 'reopen':
      if (open) return { ok: false, reason: 'Het dossier is nog open; heropenen is niet nodig.' };
      return {
        ok: true,
        status: facts.hasActiveRoutes
          ? 'in_progress'
          : facts.hasIntake
            ? 'intake_done'
            : 'registered',
      };
  }
}

/** Actions allowed now, for showing only the buttons that can work. */
export function allowedActions(status: CaseStatus, facts: CaseFacts): CaseAction[] {
  return CASE_ACTIONS.filter((action) => transition(status, action, facts).ok);
}

/**
 * The status that matches what runs: "routes running" only while a route runs, so a case
 * whose last route has ended is back at "intake done" until it is closed or a route starts.
 */
export function settledStatus(status: CaseStatus, facts: CaseFacts): CaseStatus {
  if (status === 'in_progress' && !facts.hasActiveRoutes) return 'intake_done';
  return status;
}
