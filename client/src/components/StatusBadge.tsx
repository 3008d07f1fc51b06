import { CASE_STATUS_LABELS, type CaseStatus } from '@herorientatie/domain';

const TONE: Record<CaseStatus, string> = {
  registered: 'neutral',
  intake_scheduled: 'warning',
  intake_done: 'active',
  in_progress: 'active',
  closed: 'success',
  withdrawn: 'inactive',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`utrecht-status-badge utrecht-status-badge--${TONE[status]}`}>
      {CASE_STATUS_LABELS[status]}
    </span>
  );
}

export const formatDate = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'short', year: 'numeric' })
    : '—';

export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';
