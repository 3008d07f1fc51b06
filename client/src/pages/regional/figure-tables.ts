import {
  CASE_SOURCE_LABELS,
  CLOSING_OUTCOME_LABELS,
  FIGURE_MEASURE_LABELS,
  ROUTE_TYPE_LABELS,
  type FigureMeasure,
  type RegionalFigures,
} from '@herorientatie/domain';

/**
 * The regional figures arranged as the tables the page shows. The page renders these
 * tables, draws its charts from them and exports them as CSV, so all three always show
 * the same numbers.
 */

/** A count as the server sent it: hidden counts have no value. */
export interface FigureCell {
  value: number | null;
  suppressed: boolean;
}

export interface FigureRow {
  key: string;
  name: string;
  cells: FigureCell[];
}

export interface FigureTable {
  caption: string;
  /** The header of the first column (what each row is), then one per value column. */
  columns: string[];
  rows: FigureRow[];
  /** The region as a whole; durations have none. */
  footer?: FigureRow;
  /** What a cell without a value says (and its footnote mark). */
  hiddenText: string;
}

export interface Municipality {
  code: string;
  name: string;
  /** The user's own municipality, whose counts are exact. */
  own: boolean;
}

export const HIDDEN_TEXT = 'verborgen*';
export const NOT_SHOWN_TEXT = 'niet getoond**';
export const REGION_ROW = 'Hele regio';

/** The municipalities in the figures, by name; for a manager only the own one. */
export function municipalitiesOf(figures: RegionalFigures): Municipality[] {
  const byCode = new Map<string, Municipality>();
  for (const row of figures.rows) {
    if (row.municipalityCode === null) continue;
    const known = byCode.get(row.municipalityCode);
    byCode.set(row.municipalityCode, {
      code: row.municipalityCode,
      name: row.municipalityName,
      own: (known?.own ?? false) || row.exact,
    });
  }
  for (const d of figures.durations) {
    if (!byCode.has(d.municipalityCode)) {
      byCode.set(d.municipalityCode, {
        code: d.municipalityCode,
        name: d.municipalityName,
        own: false,
      });
    }
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * One count. A measure and dimension the region has no rows for did not happen in the
 * period at all, so it is zero everywhere.
 */
export function cellOf(
  figures: RegionalFigures,
  code: string | null,
  measure: FigureMeasure,
  dimension = '*',
): FigureCell {
  const row = figures.rows.find(
    (r) => r.municipalityCode === code && r.measure === measure && r.dimension === dimension,
  );
  return row ? { value: row.value, suppressed: row.suppressed } : { value: 0, suppressed: false };
}

interface ColumnSpec {
  label: string;
  measure: FigureMeasure;
  dimension?: string;
}

const rowName = (m: Municipality) => (m.own ? `${m.name} (uw gemeente)` : m.name);

function countTable(
  figures: RegionalFigures,
  shown: Municipality[],
  caption: string,
  columns: ColumnSpec[],
): FigureTable {
  const cells = (code: string | null) =>
    columns.map((c) => cellOf(figures, code, c.measure, c.dimension));
  return {
    caption,
    columns: ['Gemeente', ...columns.map((c) => c.label)],
    rows: shown.map((m) => ({ key: m.code, name: rowName(m), cells: cells(m.code) })),
    footer: { key: 'regio', name: REGION_ROW, cells: cells(null) },
    hiddenText: HIDDEN_TEXT,
  };
}

/** The dimensions of a measure that occur in the period, in the order of their labels. */
function dimensionsOf(
  figures: RegionalFigures,
  measure: FigureMeasure,
  labels: Record<string, string>,
): ColumnSpec[] {
  const present = new Set(
    figures.rows
      .filter((r) => r.measure === measure && r.dimension !== '*')
      .map((r) => r.dimension),
  );
  const known = Object.keys(labels).filter((d) => present.has(d));
  const unknown = [...present].filter((d) => !(d in labels)).sort();
  return [...known, ...unknown].map((dimension) => ({
    label: labels[dimension] ?? dimension,
    measure,
    dimension,
  }));
}

/** The steps from first approach to closing, in order. */
export const FUNNEL: FigureMeasure[] = [
  'approached',
  'responded',
  'registered',
  'intake',
  'route_started',
  'closed',
];

export function funnelTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(
    figures,
    shown,
    'Van benaderen tot afsluiten, per gemeente',
    FUNNEL.map((measure) => ({ label: FIGURE_MEASURE_LABELS[measure], measure })),
  );
}

export function routeTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(figures, shown, 'Gestarte routes per soort route, per gemeente', [
    ...dimensionsOf(figures, 'route_started', ROUTE_TYPE_LABELS),
    { label: 'Alle routes', measure: 'route_started' },
  ]);
}

export function outcomeTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(figures, shown, 'Afgesloten dossiers per uitkomst, en teruggetrokken', [
    ...dimensionsOf(figures, 'closed', CLOSING_OUTCOME_LABELS),
    { label: 'Afgesloten', measure: 'closed' },
    { label: FIGURE_MEASURE_LABELS.withdrawn, measure: 'withdrawn' },
  ]);
}

export function sourceTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(figures, shown, 'Aanmeldingen per herkomst, per gemeente', [
    ...dimensionsOf(figures, 'registered', CASE_SOURCE_LABELS),
    { label: 'Alle aanmeldingen', measure: 'registered' },
  ]);
}

export function durationTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  const days = (value: number | null): FigureCell => ({ value, suppressed: value === null });
  return {
    caption: 'Doorlooptijden in dagen (mediaan), per gemeente',
    columns: ['Gemeente', 'Van aanmelding tot intake', 'Van intake tot eerste route'],
    rows: shown.map((m) => {
      const d = figures.durations.find((x) => x.municipalityCode === m.code);
      return {
        key: m.code,
        name: rowName(m),
        cells: [days(d?.toIntakeDays ?? null), days(d?.toRouteDays ?? null)],
      };
    }),
    hiddenText: NOT_SHOWN_TEXT,
  };
}

/** Whether a table has a cell without a value, which then needs its footnote. */
export const hasHidden = (table: FigureTable) =>
  [...table.rows, ...(table.footer ? [table.footer] : [])].some((r) =>
    r.cells.some((c) => c.suppressed),
  );

/** A cell as the page shows it (numbers in Dutch notation). */
export const cellText = (table: FigureTable, cell: FigureCell) =>
  cell.suppressed || cell.value === null ? table.hiddenText : cell.value.toLocaleString('nl-NL');

const csvField = (text: string) =>
  /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
const csvLine = (fields: string[]) => fields.map(csvField).join(';');

/**
 * The shown tables as one CSV file for a spreadsheet: `;`-separated (what Dutch Excel
 * expects), with a byte order mark so that Excel reads it as UTF-8 ("Heroriëntatie").
 * Each table starts with its caption; cells say what the page says, hidden ones included.
 */
export function tablesToCsv(heading: string[][], tables: FigureTable[], notes: string[]): string {
  const lines: string[] = heading.map(csvLine);
  for (const table of tables) {
    lines.push('', csvLine([table.caption]), csvLine(table.columns));
    for (const row of [...table.rows, ...(table.footer ? [table.footer] : [])]) {
      lines.push(csvLine([row.name, ...row.cells.map((c) => cellText(table, c))]));
    }
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => csvLine([n])));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
