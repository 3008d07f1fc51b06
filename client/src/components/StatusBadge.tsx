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

/** Dates and times as the municipality reads them: Dutch, in Dutch time, on every device. */
export {
  formatDateNl as formatDate,
  formatDateTimeNl as formatDateTime,
} from '@herorientatie/domain';
