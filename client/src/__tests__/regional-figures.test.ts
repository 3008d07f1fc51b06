import type { RegionalCosts, RegionalFigures } from '@herorientatie/domain';
import { expect } from 'chai';
import {
  budgetTable,
  cellText,
  costPerClientTable,
  durationTable,
  partnerRateTable,
  referralDurationTable,
  funnelTable,
  hasHidden,
  municipalitiesOf,
  routeTable,
  tablesToCsv,
} from '../pages/regional/figure-tables.ts';
import { lastTwelveMonths, periodText, thisYear } from '../pages/regional/period.ts';

type Row = RegionalFigures['rows'][number];
const row = (
  code: string | null,
  measure: Row['measure'],
  dimension: string,
  value: number | null,
  exact = false,
): Row => ({
  municipalityCode: code,
  municipalityName: code === null ? 'Regio' : code === 'GM0268' ? 'Nijmegen' : 'Wijchen',
  measure,
  dimension,
  value,
  suppressed: value === null,
  exact,
});

const figures: RegionalFigures = {
  from: '2021-01',
  to: '2021-12',
  threshold: 5,
  protection: { method: 'cell-key', maxNoise: 2, publishedThrough: '2021-12' },
  refreshedAt: '2021-12-31T12:00:00.000Z',
  rows: [
    row('GM0296', 'registered', '*', 13, true),
    row('GM0268', 'registered', '*', 30),
    row(null, 'registered', '*', 45),
    row('GM0296', 'route_started', 'employment', 3, true),
    row('GM0268', 'route_started', 'employment', null),
    row(null, 'route_started', 'employment', 10),
    row('GM0296', 'route_started', 'strengthen_business', 6, true),
    row('GM0268', 'route_started', 'strengthen_business', 20),
    row(null, 'route_started', 'strengthen_business', 25),
    row('GM0296', 'route_started', '*', 9, true),
    row('GM0268', 'route_started', '*', 25),
    row(null, 'route_started', '*', 35),
  ],
  durations: [
    {
      municipalityCode: 'GM0268',
      municipalityName: 'Nijmegen',
      toIntakeDays: 12,
      toRouteDays: null,
    },
  ],
  referralDurations: [],
  partners: [],
};

describe('regional figure tables', () => {
  const all = municipalitiesOf(figures);

  it('lists the municipalities by name and marks the own one', () => {
    expect(all).to.deep.equal([
      { code: 'GM0268', name: 'Nijmegen', own: false },
      { code: 'GM0296', name: 'Wijchen', own: true },
    ]);
  });

  it('shows only the chosen municipalities, with the whole region as the last row', () => {
    const table = funnelTable(figures, all.slice(0, 1));
    expect(table.rows.map((r) => r.name)).to.deep.equal(['Nijmegen']);
    expect(table.footer!.name).to.equal('Hele regio');
    // Registered is the third step; a measure without rows happened nowhere: zero.
    expect(table.rows[0]!.cells.map((c) => c.value)).to.deep.equal([0, 0, 30, 0, 25, 0]);
    expect(table.footer!.cells[2]).to.deep.equal({ value: 45, suppressed: false });
  });

  it('gives a column per route that occurred, in the order of the labels, and the total', () => {
    const table = routeTable(figures, all);
    expect(table.columns).to.deep.equal([
      'Gemeente',
      'Route 1: versterken eigen bedrijf',
      'Route 3: (bij)baan in loondienst',
      'Alle routes',
    ]);
    expect(table.rows[1]!.name).to.equal('Wijchen (uw gemeente)');
    expect(hasHidden(table)).to.equal(true);
  });

  it('does not show a median without its base', () => {
    const table = durationTable(figures, all);
    expect(table.rows[0]!.cells).to.deep.equal([
      { value: 12, suppressed: false },
      { value: null, suppressed: true },
    ]);
    expect(table.footer).to.equal(undefined);
  });

  it('exports what is shown as ;-separated UTF-8 with a byte order mark', () => {
    const csv = tablesToCsv(
      [['Regionaal overzicht', 'januari 2021 t/m december 2021']],
      [routeTable(figures, all.slice(0, 1))],
      ['* Verborgen; zie de uitleg'],
    );
    expect(csv.startsWith('\uFEFFRegionaal overzicht;januari 2021')).to.equal(true);
    expect(csv.split('\r\n')).to.deep.equal([
      '\uFEFFRegionaal overzicht;januari 2021 t/m december 2021',
      '',
      'Gestarte routes per soort route, per gemeente',
      'Gemeente;Route 1: versterken eigen bedrijf;Route 3: (bij)baan in loondienst;Alle routes',
      'Nijmegen;20;verborgen*;25',
      'Hele regio;25;10;35',
      '',
      '"* Verborgen; zie de uitleg"',
      '',
    ]);
  });
});

describe('regional referral and cost tables', () => {
  const referrals: RegionalFigures = {
    ...figures,
    rows: [
      row('GM0296', 'referral_sent_partner', 'leerwerkloket', 10, true),
      row('GM0296', 'referral_realised_partner', 'leerwerkloket', 6, true),
      row('GM0268', 'referral_sent_partner', 'leerwerkloket', 20),
      row('GM0268', 'referral_realised_partner', 'leerwerkloket', 15),
      row(null, 'referral_sent_partner', 'leerwerkloket', 30),
      row(null, 'referral_realised_partner', 'leerwerkloket', null),
      row('GM0296', 'referral_sent_partner', '*', 10, true),
      row('GM0296', 'referral_realised_partner', '*', 6, true),
      row('GM0268', 'referral_sent_partner', '*', 20),
      row('GM0268', 'referral_realised_partner', '*', 15),
      row(null, 'referral_sent_partner', '*', 30),
      row(null, 'referral_realised_partner', '*', null),
    ],
    referralDurations: [
      { municipalityCode: 'GM0268', municipalityName: 'Nijmegen', days: 10 },
      { municipalityCode: null, municipalityName: 'Regio', days: null },
    ],
    partners: [{ code: 'leerwerkloket', name: 'Leerwerkloket Rijk van Nijmegen' }],
  };
  const all = municipalitiesOf(figures);

  it('shows the realisation rate per partner only where both counts are shown', () => {
    const table = partnerRateTable(referrals, all);
    expect(table.columns).to.deep.equal([
      'Gemeente',
      'Leerwerkloket Rijk van Nijmegen',
      'Alle partners',
    ]);
    expect(table.rows.map((r) => r.cells.map((c) => cellText(table, c)))).to.deep.equal([
      ['75%', '75%'],
      ['60%', '60%'],
    ]);
    // The region's started count is hidden: no rate.
    expect(table.footer!.cells.map((c) => cellText(table, c))).to.deep.equal([
      'niet getoond**',
      'niet getoond**',
    ]);
    expect(table.note).to.match(/minder dan 5 verwijzingen verstuurd/);
  });

  it('shows the median days to start with the region', () => {
    const table = referralDurationTable(referrals, all);
    expect(table.rows.map((r) => r.cells[0]!.value)).to.deep.equal([10, null]);
    expect(table.footer!.cells[0]).to.deep.equal({ value: null, suppressed: true });
  });

  const costs: RegionalCosts = {
    from: '2021-01',
    to: '2021-12',
    threshold: 5,
    protection: { method: 'cell-key', maxNoise: 2, publishedThrough: '2021-12' },
    moneyRoundingCents: 100_000,
    refreshedAt: null,
    year: 2021,
    costs: [
      {
        municipalityCode: 'GM0296',
        municipalityName: 'Wijchen',
        serviceType: 'intake',
        clients: 8,
        perClientCents: 15_000,
        suppressed: false,
        exact: true,
      },
      {
        municipalityCode: 'GM0268',
        municipalityName: 'Nijmegen',
        serviceType: 'intake',
        clients: null,
        perClientCents: null,
        suppressed: true,
        exact: false,
      },
      {
        municipalityCode: null,
        municipalityName: 'Regio',
        serviceType: 'intake',
        clients: 35,
        perClientCents: 15_500,
        suppressed: false,
        exact: false,
      },
    ],
    budget: [
      {
        municipalityCode: 'GM0296',
        municipalityName: 'Wijchen',
        plannedCents: 8_340_000,
        realisedCents: 120_000,
        suppressed: false,
        exact: true,
      },
      {
        municipalityCode: 'GM0268',
        municipalityName: 'Nijmegen',
        plannedCents: null,
        realisedCents: null,
        suppressed: true,
        exact: false,
      },
      {
        municipalityCode: null,
        municipalityName: 'Regio',
        plannedCents: 8_340_000,
        realisedCents: 1_000_000,
        suppressed: false,
        exact: false,
      },
    ],
  };

  it('hides the cost per client with its number of clients', () => {
    const table = costPerClientTable(costs, all);
    expect(table.columns).to.deep.equal(['Gemeente', 'Intake']);
    expect(table.rows.map((r) => cellText(table, r.cells[0]!))).to.deep.equal([
      'verborgen*',
      '€ 150,00',
    ]);
    expect(cellText(table, table.footer!.cells[0]!)).to.equal('€ 155,00');
  });

  it('compares realised with planned, hidden where the services are', () => {
    const table = budgetTable(costs, all);
    const text = (cells: (typeof table.rows)[number]['cells']) =>
      cells.map((c) => cellText(table, c));
    expect(text(table.rows[0]!.cells)).to.deep.equal([
      'geen begroting',
      'verborgen*',
      'verborgen*',
    ]);
    expect(text(table.rows[1]!.cells)).to.deep.equal(['€ 83.400,00', '€ 1.200,00', '1%']);
    expect(text(table.footer!.cells)).to.deep.equal(['€ 83.400,00', '€ 10.000,00', '12%']);
  });
});

describe('periods of the regional figures', () => {
  it('defaults to the last twelve months, this month included', () => {
    expect(lastTwelveMonths(new Date(2026, 10, 27))).to.deep.equal({
      from: '2025-12',
      to: '2026-11',
    });
    expect(lastTwelveMonths(new Date(2026, 0, 5))).to.deep.equal({
      from: '2025-02',
      to: '2026-01',
    });
    expect(thisYear(new Date(2026, 10, 27))).to.deep.equal({ from: '2026-01', to: '2026-11' });
  });

  it('names a period in Dutch', () => {
    expect(periodText('2021-01', '2021-12')).to.equal('januari 2021 t/m december 2021');
    expect(periodText('2021-03', '2021-03')).to.equal('maart 2021');
  });
});
