import type { Table } from '../../http/tabular.ts';
import {
  protectionText,
  BBZ_REQUEST_KIND_LABELS,
  CASE_SOURCE_LABELS,
  CLOSING_OUTCOME_LABELS,
  CONTACT_MODE_LABELS,
  DECISION_LABELS,
  FIGURE_MEASURE_LABELS,
  formatEuro,
  NOT_REALISED_LABELS,
  OUTREACH_CHANNEL_LABELS,
  rateOf,
  ROUTE_TYPE_LABELS,
  SERVICE_TYPE_LABELS,
  type RegionalCosts,
  type RegionalFigures,
  formatDateTimeNl,
} from '@herorientatie/domain';
import { FONT, FONT_BOLD, pdfDocument, PdfLayout } from '../../pdf.ts';

/** What the plan expected, where the source names it (Wijchen, council proposal 2021). */
export interface ReportRow {
  label: string;
  value: string;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
}

const DIMENSION_LABELS: Record<string, Record<string, string>> = {
  registered: CASE_SOURCE_LABELS,
  intake: CONTACT_MODE_LABELS,
  route_started: ROUTE_TYPE_LABELS,
  closed: CLOSING_OUTCOME_LABELS,
  approached: OUTREACH_CHANNEL_LABELS,
  responded: OUTREACH_CHANNEL_LABELS,
  referral_not_realised: NOT_REALISED_LABELS,
  tonk_application: DECISION_LABELS,
  bbz_request: BBZ_REQUEST_KIND_LABELS,
};

const cell = (value: number | null, suppressed: boolean) =>
  suppressed || value === null ? 'verborgen' : value.toLocaleString('nl-NL');

/** The figures of one municipality (or the region) arranged as the report's sections. */
export function reportSections(figures: RegionalFigures, scope: string | null): ReportSection[] {
  const rows = figures.rows.filter((r) => r.municipalityCode === scope);
  const sum = (measure: string) => rows.filter((r) => r.measure === measure && r.dimension !== '*');
  // The total of a measure is a figure of its own (dimension '*'), suppressed on its own.
  const total = (measure: string) => {
    const row = rows.find((r) => r.measure === measure && r.dimension === '*');
    return row ? { value: row.value, suppressed: row.suppressed } : { value: 0, suppressed: false };
  };
  const detail = (measure: string) =>
    sum(measure)
      .filter((r) => r.dimension !== '')
      .map((r) => ({
        label: `   ${DIMENSION_LABELS[measure]?.[r.dimension] ?? (r.dimension || 'Totaal')}`,
        value: cell(r.value, r.suppressed),
      }));
  // The response rate counts people (not letters) by the date they responded.
  const approached = total('approached_person');
  const responded = total('responded_person');
  const rate =
    approached.value &&
    responded.value !== null &&
    !approached.suppressed &&
    !responded.suppressed &&
    approached.value >= figures.threshold
      ? `${((100 * responded.value) / approached.value).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`
      : 'niet te tonen (te kleine aantallen)';
  const line = (measure: keyof typeof FIGURE_MEASURE_LABELS) => {
    const t = total(measure);
    return { label: FIGURE_MEASURE_LABELS[measure], value: cell(t.value, t.suppressed) };
  };
  const durations = figures.durations.find((d) => d.municipalityCode === scope);
  const days = (v: number | null | undefined) =>
    v === null || v === undefined
      ? 'geen of te weinig gegevens'
      : `${v.toLocaleString('nl-NL')} dagen`;
  return [
    {
      title: 'Bereik',
      rows: [
        line('approached'),
        ...detail('approached'),
        line('responded'),
        line('approached_person'),
        line('responded_person'),
        { label: 'Respons (per ondernemer, naar datum van reactie)', value: rate },
      ],
    },
    { title: 'Aanmeldingen naar herkomst', rows: [line('registered'), ...detail('registered')] },
    {
      title: 'Dienstverlening',
      rows: [
        line('intake'),
        ...detail('intake'),
        line('analysis'),
        line('route_started'),
        ...detail('route_started'),
        line('coaching_started'),
        ...(durations
          ? [
              {
                label: 'Mediaan dagen van aanmelding tot intake',
                value: days(durations.toIntakeDays),
              },
              {
                label: 'Mediaan dagen van intake tot eerste route',
                value: days(durations.toRouteDays),
              },
            ]
          : []),
      ],
    },
    { title: 'Uitkomsten', rows: [line('closed'), ...detail('closed'), line('withdrawn')] },
    {
      title: 'Verwijzingen, TONK en Bbz',
      rows: [
        line('referral_sent'),
        line('referral_started'),
        {
          label: 'Gestart van de verwijzingen verstuurd in de periode',
          value: percent(
            rateOf(
              total('referral_realised_partner'),
              total('referral_sent_partner'),
              figures.threshold,
            ),
          ),
        },
        {
          label: 'Mediaan dagen van verstuurd tot gestart',
          value: days(figures.referralDurations.find((d) => d.municipalityCode === scope)?.days),
        },
        line('referral_not_realised'),
        ...detail('referral_not_realised'),
        line('tonk_application'),
        ...detail('tonk_application'),
        line('bbz_request'),
        ...detail('bbz_request'),
      ],
    },
  ];
}

const percent = (rate: number | null) =>
  rate === null ? 'niet te tonen (te kleine aantallen)' : `${rate}%`;

const euro = (cents: number | null, suppressed: boolean) =>
  suppressed || cents === null ? 'verborgen' : formatEuro(cents);

/**
 * The region's costs in the report: the cost per client per service type and the budget
 * realised against planned, for the report's municipality (when it has one) beside the
 * region. Built from the same suppressed figures as the screen: no amount where the
 * number of clients behind it is hidden.
 */
export function costSection(costs: RegionalCosts, scope: string | null): ReportSection | null {
  const services = [...new Set(costs.costs.map((c) => c.serviceType))];
  const budgetOf = (code: string | null) => costs.budget.find((b) => b.municipalityCode === code);
  const rows: ReportRow[] = [];
  const perClient = (code: string | null, service: string) => {
    const c = costs.costs.find((x) => x.municipalityCode === code && x.serviceType === service);
    if (!c) return 'geen';
    return c.suppressed || c.perClientCents === null ? 'verborgen' : formatEuro(c.perClientCents);
  };
  if (services.length > 0) {
    rows.push({ label: 'Kosten per cliënt', value: scope === null ? 'regio' : 'gemeente (regio)' });
    for (const service of services) {
      const label = SERVICE_TYPE_LABELS[service as keyof typeof SERVICE_TYPE_LABELS] ?? service;
      rows.push({
        label: `   ${label}`,
        value:
          scope === null
            ? perClient(null, service)
            : `${perClient(scope, service)} (${perClient(null, service)})`,
      });
    }
  }
  if (costs.year !== null) {
    const line = (label: string, b: ReturnType<typeof budgetOf>) =>
      b && {
        label,
        value: `${euro(b.realisedCents, b.suppressed)} van ${
          b.plannedCents === null ? 'geen begroting' : formatEuro(b.plannedCents)
        }`,
      };
    const own =
      scope === null
        ? undefined
        : line(
            'Gerealiseerd van begroot voor diensten (intake, analyse, coaching, schuldsanering)',
            budgetOf(scope),
          );
    const region = line('Regio: gerealiseerd van begroot voor diensten', budgetOf(null));
    if (own) rows.push(own);
    if (region) rows.push(region);
  }
  if (rows.length === 0) return null;
  return {
    title: `Kosten in de regio${costs.year === null ? '' : ` ${costs.year}`}`,
    rows,
  };
}

/**
 * A short summary in plain Dutch, generated from the figures of the report's scope (a
 * municipality's code, or null for the region): reach, intakes, routes, referrals and
 * closed cases, with hidden counts said as "minder dan 5".
 */
export function narrative(figures: RegionalFigures, code: string | null, name: string): string {
  const total = (measure: string): number | null => {
    const row = figures.rows.find(
      (r) => r.municipalityCode === code && r.measure === measure && r.dimension === '*',
    );
    if (!row) return 0;
    return row.suppressed ? null : row.value;
  };
  const n = (v: number | null) =>
    v === null ? `minder dan ${figures.threshold}` : v.toLocaleString('nl-NL');
  const period = `${monthLabel(figures.from)} t/m ${monthLabel(figures.to)}`;
  const sentences = [
    `Van ${period} benaderde ${name} ${n(total('approached'))} Tozo-ondernemers; ${n(
      total('responded'),
    )} reageerden.`,
    `${n(total('registered'))} ondernemers meldden zich aan, ${n(total('intake'))} hadden een intake en er startten ${n(
      total('route_started'),
    )} routes.`,
    `Er gingen ${n(total('referral_sent'))} verwijzingen naar partners, waarvan ${n(
      total('referral_started'),
    )} echt gestart. ${n(total('closed'))} dossiers zijn afgesloten.`,
  ];
  return sentences.join(' ').replace(/^./, (c) => c.toUpperCase());
}

const monthLabel = (m: string) =>
  new Date(`${m}-15T12:00:00Z`).toLocaleDateString('nl-NL', { month: 'long', year: 'numeric' });

/**
 * The evaluation report as a PDF for a council letter: key figures, a chart of the
 * registrations by source, and the plan's expectations beside what happened.
 */
export function evaluationPdf(input: {
  title: string;
  figures: RegionalFigures;
  sections: ReportSection[];
  chart: { label: string; value: number | null }[];
  expectations: { label: string; value: string }[];
  exact: boolean;
  summary: string;
}): Promise<Buffer> {
  const { doc, done } = pdfDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: input.title },
  });
  const layout = new PdfLayout(doc);
  const width = layout.width;

  doc.font(FONT_BOLD).fontSize(18).text(input.title);
  doc
    .font(FONT)
    .fontSize(10)
    .fillColor('#444')
    .text(
      `Heroriëntatie zelfstandig ondernemers · ${monthLabel(input.figures.from)} t/m ${monthLabel(input.figures.to)}`,
    );
  doc.fillColor('black').moveDown(0.5);
  doc.font(FONT_BOLD).fontSize(12).text('Samenvatting');
  doc.font(FONT).fontSize(10).text(input.summary, { width });
  doc.moveDown(0.5);
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(
      input.exact
        ? 'Cijfers van de eigen gemeente: exacte aantallen.'
        : `${protectionText(input.figures.protection, input.figures.threshold)} De volledige uitleg staat in Heroriëntatie bij Regionaal overzicht → ‘Lees hoe we de cijfers beschermen’.`,
    );
  doc.fillColor('black').moveDown();

  if (input.expectations.length > 0) {
    doc.font(FONT_BOLD).fontSize(12).text('Verwachting uit het plan');
    doc.font(FONT).fontSize(10);
    for (const e of input.expectations) doc.text(`${e.label}: ${e.value}`);
    doc.moveDown();
  }

  // Bar chart: registrations by source.
  // A hidden value is drawn as the word "verborgen", never as an empty bar.
  const bars = input.chart.filter((b) => b.value === null || b.value > 0);
  if (bars.length > 0) {
    doc.font(FONT_BOLD).fontSize(12).text('Aanmeldingen naar herkomst');
    const top = doc.y + 6;
    const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
    const labelWidth = 190;
    bars.forEach((b, i) => {
      const y = top + i * 20;
      doc
        .font(FONT)
        .fontSize(9)
        .fillColor('black')
        .text(b.label, 56, y + 3, { width: labelWidth - 8 });
      if (b.value === null) {
        doc
          .fillColor('#444')
          .text(`verborgen (minder dan ${input.figures.threshold})`, 56 + labelWidth, y + 3);
        return;
      }
      const w = ((width - labelWidth - 40) * b.value) / max;
      doc.rect(56 + labelWidth, y, Math.max(w, 1), 14).fill('#1f5f8b');
      doc.fillColor('black').text(b.value.toLocaleString('nl-NL'), 56 + labelWidth + w + 6, y + 3);
    });
    doc.x = 56;
    doc.y = top + bars.length * 20 + 10;
    doc.moveDown();
  }

  for (const section of input.sections) {
    layout.heading(section.title);
    for (const row of section.rows)
      layout.row(row.label.trim(), row.value, { indent: row.label.startsWith('   ') });
    layout.endSection();
  }
  layout.paragraph(
    `Bron: Heroriëntatie, stand ${input.figures.refreshedAt ? formatDateTimeNl(input.figures.refreshedAt) : 'onbekend'}.`,
    { size: 8, color: '#666' },
  );
  layout.finish(input.title);
  doc.end();
  return done;
}

/** The same sections as one table (for CSV). */
export function evaluationTable(sections: ReportSection[]): Table {
  return {
    title: 'Evaluatie',
    header: ['Onderdeel', 'Cijfer', 'Waarde'],
    rows: sections.flatMap((s) => s.rows.map((r) => [s.title, r.label.trim(), r.value])),
  };
}
