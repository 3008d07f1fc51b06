import {
  BBZ_REQUEST_KIND_LABELS,
  CASE_SOURCE_LABELS,
  CLOSING_OUTCOME_LABELS,
  DECISION_LABELS,
  FIGURE_MEASURE_LABELS,
  formatEuro,
  NO_ROUTE,
  NOT_REALISED_LABELS,
  rateOf,
  ROUTE_TYPE_LABELS,
  SERVICE_TYPE_LABELS,
  type FigureMeasure,
  type RegionalCosts,
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
  /** How this value reads, where it differs from the table's unit. */
  unit?: FigureTable['unit'];
  /** What a cell without a value that is not hidden says (nothing to count or no budget). */
  empty?: string;
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
  /** How values read: counts (the default), whole percents, days or amounts in cents. */
  unit?: 'count' | 'percent' | 'days' | 'cents';
  /** The footnote under the table when a cell has no value, where it differs from the usual. */
  note?: string;
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

const notShown = (value: number | null): FigureCell => ({ value, suppressed: value === null });

/** The columns of a measure pair (sent and started) per dimension, plus their totals. */
function rateTable(
  figures: RegionalFigures,
  shown: Municipality[],
  caption: string,
  sent: FigureMeasure,
  started: FigureMeasure,
  labels: Record<string, string>,
  totalLabel: string,
): FigureTable {
  const columns = [...dimensionsOf(figures, sent, labels), { label: totalLabel, measure: sent }];
  const cells = (code: string | null) =>
    columns.map((c) =>
      notShown(
        rateOf(
          cellOf(figures, code, started, c.dimension),
          cellOf(figures, code, sent, c.dimension),
          figures.threshold,
        ),
      ),
    );
  return {
    caption,
    columns: ['Gemeente', ...columns.map((c) => c.label)],
    rows: shown.map((m) => ({ key: m.code, name: rowName(m), cells: cells(m.code) })),
    footer: { key: 'regio', name: REGION_ROW, cells: cells(null) },
    hiddenText: NOT_SHOWN_TEXT,
    unit: 'percent',
    note: `** Niet getoond: minder dan ${figures.threshold} verwijzingen verstuurd, of het aantal verstuurde of gestarte verwijzingen is verborgen.`,
  };
}

/** The realisation rate: of the referrals sent in the period, the part that started. */
export function partnerRateTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  const names = Object.fromEntries(figures.partners.map((p) => [p.code, p.name]));
  return rateTable(
    figures,
    shown,
    'Gestart van de verstuurde verwijzingen (%), per partnerorganisatie en gemeente',
    'referral_sent_partner',
    'referral_realised_partner',
    names,
    'Alle partners',
  );
}

export function routeRateTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return rateTable(
    figures,
    shown,
    'Gestart van de verstuurde verwijzingen (%), per route en gemeente',
    'referral_sent_route',
    'referral_realised_route',
    { ...ROUTE_TYPE_LABELS, [NO_ROUTE]: 'Zonder route' },
    'Alle verwijzingen',
  );
}

export function referralCountTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(figures, shown, 'Verwijzingen per gemeente, en waarom ze niet doorgingen', [
    { label: 'Verstuurd', measure: 'referral_sent_partner' },
    { label: 'Daarvan gestart', measure: 'referral_realised_partner' },
    ...dimensionsOf(figures, 'referral_not_realised', NOT_REALISED_LABELS).map((c) => ({
      ...c,
      label: `Niet gerealiseerd: ${c.label.toLowerCase()}`,
    })),
    { label: 'Niet gerealiseerd', measure: 'referral_not_realised' },
  ]);
}

export function tonkBbzTable(figures: RegionalFigures, shown: Municipality[]): FigureTable {
  return countTable(figures, shown, 'TONK-aanvragen per besluit en Bbz-aanvragen per soort', [
    ...dimensionsOf(figures, 'tonk_application', DECISION_LABELS).map((c) => ({
      ...c,
      label: `TONK: ${c.label.toLowerCase()}`,
    })),
    { label: FIGURE_MEASURE_LABELS.tonk_application, measure: 'tonk_application' },
    ...dimensionsOf(figures, 'bbz_request', BBZ_REQUEST_KIND_LABELS).map((c) => ({
      ...c,
      label: `Bbz: ${c.label.toLowerCase()}`,
    })),
    { label: FIGURE_MEASURE_LABELS.bbz_request, measure: 'bbz_request' },
  ]);
}

export function referralDurationTable(
  figures: RegionalFigures,
  shown: Municipality[],
): FigureTable {
  const days = (code: string | null) =>
    notShown(figures.referralDurations.find((d) => d.municipalityCode === code)?.days ?? null);
  return {
    caption: 'Dagen van verstuurd tot gestart (mediaan), per gemeente',
    columns: ['Gemeente', 'Van verstuurd tot gestart'],
    rows: shown.map((m) => ({ key: m.code, name: rowName(m), cells: [days(m.code)] })),
    footer: { key: 'regio', name: REGION_ROW, cells: [days(null)] },
    hiddenText: NOT_SHOWN_TEXT,
    unit: 'days',
    note: `** Niet getoond: in deze periode minder dan ${figures.threshold} gestarte verwijzingen, of geen.`,
  };
}

const serviceLabel = (s: string) => SERVICE_TYPE_LABELS[s as keyof typeof SERVICE_TYPE_LABELS] ?? s;

/** Services in the order of their labels, then any others. */
const servicesOf = (costs: RegionalCosts) => {
  const present = new Set(costs.costs.map((c) => c.serviceType));
  return [
    ...Object.keys(SERVICE_TYPE_LABELS).filter((s) => present.has(s)),
    ...[...present].filter((s) => !(s in SERVICE_TYPE_LABELS)).sort(),
  ];
};

function costTable(
  costs: RegionalCosts,
  shown: Municipality[],
  caption: string,
  pick: (c: RegionalCosts['costs'][number]) => number | null,
  unit: FigureTable['unit'],
): FigureTable {
  const services = servicesOf(costs);
  const cells = (code: string | null) =>
    services.map((s) => {
      const c = costs.costs.find((x) => x.municipalityCode === code && x.serviceType === s);
      if (!c) return { value: unit === 'count' ? 0 : null, suppressed: false, empty: '–' };
      return { value: c.suppressed ? null : pick(c), suppressed: c.suppressed, empty: '–' };
    });
  return {
    caption,
    columns: ['Gemeente', ...services.map(serviceLabel)],
    rows: shown.map((m) => ({ key: m.code, name: rowName(m), cells: cells(m.code) })),
    footer: { key: 'regio', name: REGION_ROW, cells: cells(null) },
    hiddenText: HIDDEN_TEXT,
    unit,
  };
}

/** Clients per service type: the services bought in the period, net of credits. */
export function clientsTable(costs: RegionalCosts, shown: Municipality[]): FigureTable {
  return costTable(
    costs,
    shown,
    'Cliënten per dienst (ingekochte diensten), per gemeente',
    (c) => c.clients,
    'count',
  );
}

/** The cost per client per service type; hidden wherever the number of clients is. */
export function costPerClientTable(costs: RegionalCosts, shown: Municipality[]): FigureTable {
  const table = costTable(
    costs,
    shown,
    'Kosten per cliënt per dienst, per gemeente',
    (c) => c.perClientCents,
    'cents',
  );
  return {
    ...table,
    note: `* Verborgen: minder dan ${costs.threshold} cliënten. Zo kleine aantallen tonen we niet, ook niet via de kosten per cliënt.`,
  };
}

/** Realised against planned for the services, per municipality, for one year. */
export function budgetTable(costs: RegionalCosts, shown: Municipality[]): FigureTable {
  const row = (code: string | null): FigureCell[] => {
    const b = costs.budget.find((x) => x.municipalityCode === code);
    const planned = b?.plannedCents ?? null;
    const realised = b && !b.suppressed ? b.realisedCents : null;
    const hidden = b?.suppressed ?? false;
    return [
      { value: planned, suppressed: false, empty: 'geen begroting' },
      { value: realised, suppressed: hidden, empty: '–' },
      {
        value: realised !== null && planned ? Math.round((100 * realised) / planned) : null,
        suppressed: hidden,
        unit: 'percent',
        empty: '–',
      },
    ];
  };
  return {
    caption: `Gerealiseerd tegenover begroot in ${costs.year}, ingekochte diensten, per gemeente`,
    columns: ['Gemeente', 'Begroot', 'Gerealiseerd', 'Gerealiseerd van begroot (%)'],
    rows: shown.map((m) => ({ key: m.code, name: rowName(m), cells: row(m.code) })),
    footer: { key: 'regio', name: REGION_ROW, cells: row(null) },
    hiddenText: HIDDEN_TEXT,
    unit: 'cents',
    note: `* Verborgen: minder dan ${costs.threshold} ingekochte diensten. Zo kleine aantallen tonen we niet; ze tellen wel mee in het regiototaal.`,
  };
}

/** Whether a table has a cell without a value, which then needs its footnote. */
export const hasHidden = (table: FigureTable) =>
  [...table.rows, ...(table.footer ? [table.footer] : [])].some((r) =>
    r.cells.some((c) => c.suppressed),
  );

/** A cell as the page shows it (numbers in Dutch notation). */
export const cellText = (table: FigureTable, cell: FigureCell) => {
  if (cell.suppressed) return table.hiddenText;
  if (cell.value === null) return cell.empty ?? table.hiddenText;
  const unit = cell.unit ?? table.unit;
  if (unit === 'percent') return `${cell.value.toLocaleString('nl-NL')}%`;
  if (unit === 'cents') return formatEuro(cell.value);
  return cell.value.toLocaleString('nl-NL');
};

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
