import {
  BBZ_OPTION_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_MODE_LABELS,
  ROUTE_TYPE_LABELS,
  VIABILITY_LABELS,
  type CorrectableRecord,
} from '@herorientatie/domain';
import { formatDate, formatDateTime } from '../../components/StatusBadge.tsx';

type Row = [label: string, value: string | null];
type Format = (value: unknown) => string | null;

const text: Format = (v) => (typeof v === 'string' && v !== '' ? v : null);
const date: Format = (v) => (typeof v === 'string' ? formatDate(v) : null);
const dateTime: Format = (v) => (typeof v === 'string' ? formatDateTime(v) : null);
const label =
  (labels: Record<string, string>): Format =>
  (v) =>
    typeof v === 'string' ? (labels[v] ?? v) : null;
const list =
  (labels: Record<string, string>): Format =>
  (v) =>
    Array.isArray(v) && v.length > 0
      ? v.map((item) => labels[String(item)] ?? String(item)).join(', ')
      : null;

/** The fields of each correctable record, as a caseworker reads them. */
const FIELDS: Record<CorrectableRecord, [key: string, label: string, format: Format][]> = {
  intake: [
    ['date', 'Datum', date],
    ['mode', 'Vorm', label(CONTACT_MODE_LABELS)],
    ['advisorName', 'Bedrijfsadviseur', text],
    ['viability', 'Levensvatbaarheid', label(VIABILITY_LABELS)],
    ['sectorProspects', 'Vooruitzichten branche', text],
    ['bbzOptions', 'Bbz', list(BBZ_OPTION_LABELS)],
    ['bbzNotEligibleReason', 'Geen recht op Bbz omdat', text],
    ['recommendedRoutes', 'Aanbevolen routes', list(ROUTE_TYPE_LABELS)],
    ['findings', 'Bevindingen', text],
  ],
  'perspective-analysis': [
    ['provider', 'Aanbieder', text],
    ['date', 'Datum', date],
    ['conclusion', 'Conclusie', text],
  ],
  contact: [
    ['occurredAt', 'Wanneer', dateTime],
    ['channel', 'Kanaal', label(CONTACT_CHANNEL_LABELS)],
    ['summary', 'Samenvatting', text],
  ],
  note: [['text', 'Notitie', text]],
};

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A record (or an earlier version of it) as rows of label and readable value. Earlier
 * versions may name their fields as the database does (`occurred_at`); both are read.
 */
export function recordRows(kind: CorrectableRecord, data: Record<string, unknown>): Row[] {
  return FIELDS[kind]
    .map(([key, name, format]) => [key in data ? key : snakeCase(key), name, format] as const)
    .filter(([key]) => key in data)
    .map(([key, name, format]) => [name, format(data[key])]);
}
