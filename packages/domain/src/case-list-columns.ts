import type { z } from 'zod';
import { ROUTE_TYPE_LABELS } from './case-records.ts';
import type { NextAction } from './case-work.ts';
import { CASE_STATUS_LABELS } from './case-status.ts';
import {
  CASE_SOURCE_LABELS,
  CaseListQuerySchema,
  INTENSITY_LABELS,
  type CaseSummary,
} from './cases.ts';
import { URGENCY_LABELS } from './support.ts';
import { dutchDay, formatDateNl } from './dates.ts';

export interface CaseListColumn {
  label: string;
  /** The cell as text: what the list shows and what an export writes. */
  text: (c: CaseSummary) => string;
}

/** The clock of the promised first contact, in words; `today` in Dutch time. */
export function firstContactText(due: string | null, today: string): string {
  if (!due) return '—';
  if (due < today) return `Te laat (uiterlijk ${formatDateNl(due)})`;
  if (due === today) return 'Vandaag';
  return `Uiterlijk ${formatDateNl(due)}`;
}

/** Where the case came from: the source, with the campaign code when there is one. */
export function sourceText(c: Pick<CaseSummary, 'source' | 'campaignCode'>): string {
  return `${CASE_SOURCE_LABELS[c.source]}${c.campaignCode ? ` (${c.campaignCode})` : ''}`;
}

/**
 * The columns of the case list. The page and the CSV and Excel exports use this one list,
 * so an export has exactly the columns the user sees. The BSN is not among them.
 */
export const CASE_LIST_COLUMNS: readonly CaseListColumn[] = [
  { label: 'Dossier', text: (c) => c.reference },
  { label: 'Ondernemer', text: (c) => `${c.entrepreneurName}, ${c.businessName}` },
  { label: 'Status', text: (c) => CASE_STATUS_LABELS[c.status] },
  { label: 'Urgentie', text: (c) => URGENCY_LABELS[c.urgency] },
  { label: 'Intensiteit', text: (c) => INTENSITY_LABELS[c.intensity] },
  {
    label: 'Routes',
    text: (c) =>
      c.activeRoutes
        .map((r) => ROUTE_TYPE_LABELS[r as keyof typeof ROUTE_TYPE_LABELS]?.split(':')[0] ?? r)
        .join(', ') || '—',
  },
  { label: 'Herkomst', text: sourceText },
  { label: 'Adviseur', text: (c) => c.advisorName ?? '—' },
  { label: 'Aangemeld', text: (c) => formatDateNl(c.registeredAt) },
  { label: 'Eerste contact', text: (c) => firstContactText(c.firstContactDue, dutchDay()) },
];

/** The most cases one export holds; a larger selection asks for narrower filters. */
export const CASE_EXPORT_MAX = 10_000;

/** The filters of an export: those of the list, without paging. */
export const CaseExportQuerySchema = CaseListQuerySchema.omit({ pageSize: true, cursor: true });
export type CaseExportQuery = z.infer<typeof CaseExportQuerySchema>;

/** When an action is due, in words; `today` is the date in the user's time zone. */
export function actionDueText(action: NextAction, today: string): string {
  if (action.status !== 'open') return `Was gepland op ${formatDateNl(action.dueOn)}`;
  if (action.overdue) return `Te laat: moest uiterlijk ${formatDateNl(action.dueOn)}`;
  if (action.dueOn === today) return `Vandaag (${formatDateNl(action.dueOn)})`;
  return `Uiterlijk ${formatDateNl(action.dueOn)}`;
}

export interface ActionListColumn {
  label: string;
  text: (a: NextAction, today: string) => string;
}

/** The columns of the actions list, on the page and in its exports. */
export const ACTION_LIST_COLUMNS: readonly ActionListColumn[] = [
  {
    label: 'Actie',
    text: (a) => (a.kind === 'intake' ? a.title.replace(/^Intake/, 'Geplande intake') : a.title),
  },
  { label: 'Wanneer', text: actionDueText },
  { label: 'Dossier', text: (a) => a.caseReference },
  { label: 'Ondernemer', text: (a) => a.entrepreneurName },
  { label: 'Door', text: (a) => a.ownerName ?? '—' },
];
