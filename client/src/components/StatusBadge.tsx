import { CASE_STATUS_LABELS, type CaseStatus } from '@herorientatie/domain';

/**
 * A status as a badge. Colours per status are set in styles.css (`.app-status-badge--*`),
 * each with text that contrasts at least 4.5:1; a test checks every status.
 */
export function StatusBadge({ status }: { status: CaseStatus }) {
  return (
    <span className={`utrecht-status-badge app-status-badge app-status-badge--${status}`}>
      {CASE_STATUS_LABELS[status]}
    </span>
  );
}

/** Dates and times as the municipality reads them: Dutch, in Dutch time, whatever the device. */
const ZONE = 'Europe/Amsterdam';

export const formatDate = (iso: string | null | undefined) =>
  iso
    ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: ZONE,
      })
    : '—';

export const formatDateTime = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('nl-NL', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: ZONE,
      })
    : '—';
