import {
  protectionText,
  RegionalFiguresQuerySchema,
  type Me,
  type RegionalCosts,
  type RegionalFigures,
} from '@herorientatie/domain';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useRegionalCosts, useRegionalFigures } from '../../api/regional.ts';
import { BarFigure, FIGURE_COLOURS } from '../../components/charts.tsx';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { EvaluationDownloads } from './evaluation.tsx';
import { FigureTableView } from './figure-table.tsx';
import {
  budgetTable,
  clientsTable,
  costPerClientTable,
  durationTable,
  funnelTable,
  hasHidden,
  municipalitiesOf,
  NOT_SHOWN_TEXT,
  outcomeTable,
  partnerRateTable,
  referralCountTable,
  referralDurationTable,
  routeRateTable,
  routeTable,
  sourceTable,
  tablesToCsv,
  tonkBbzTable,
  type FigureTable,
} from './figure-tables.ts';
import { MunicipalityFilter, PeriodForm } from './filters.tsx';
import { FunnelCharts } from './funnel-chart.tsx';
import { lastTwelveMonths, periodText, thisYear } from './period.ts';

/** The period and the shown municipalities live in the address: a view can be shared. */
function useView() {
  const [params, setParams] = useSearchParams();
  const fallback = lastTwelveMonths();
  const asked = RegionalFiguresQuerySchema.safeParse({
    from: params.get('van') ?? fallback.from,
    to: params.get('tot') ?? fallback.to,
  });
  const period = asked.success ? asked.data : fallback;
  // Kept in the page as well: a checkbox must change when it is clicked, not after the
  // router has caught up with the address.
  const [chosen, setChosen] = useState<string[] | null>(() => {
    const codes = params.get('gemeenten');
    return codes === null ? null : codes.split(',').filter(Boolean);
  });
  const update = (changes: Record<string, string | null>, replace: boolean) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace },
    );
  return {
    period,
    /** The chosen municipality codes; `null`: all of them. */
    chosen,
    // Another period is a step Back can undo; ticking a municipality is not.
    setPeriod: (p: { from: string; to: string }) => update({ van: p.from, tot: p.to }, false),
    setChosen: (codes: string[] | null) => {
      setChosen(codes);
      update({ gemeenten: codes === null ? null : codes.join(',') }, true);
    },
  };
}

function hiddenNote(figures: { threshold: number }, table: FigureTable): string | null {
  if (!hasHidden(table)) return null;
  if (table.note) return table.note;
  return table.hiddenText === NOT_SHOWN_TEXT
    ? `** Niet getoond: in deze periode minder dan ${figures.threshold} intakes of routes, of geen.`
    : `* Verborgen: minder dan ${figures.threshold}. Zo kleine aantallen tonen we niet, zodat niemand te herkennen is; ze tellen wel mee in de totalen.`;
}

function TableSection({
  id,
  title,
  intro,
  table,
  figures,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  table: FigureTable;
  figures: { threshold: number };
  children?: ReactNode;
}) {
  const note = hiddenNote(figures, table);
  return (
    <section aria-labelledby={`${id}-heading`} className="app-section">
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      <FigureTableView table={table} />
      {note && <p className="utrecht-paragraph app-footnote">{note}</p>}
      {children}
    </section>
  );
}

/**
 * Bars per municipality for each column but the last (the total). A hidden count gets no
 * bar: the municipality's name says which route is hidden, so nothing looks like a zero.
 */
function RouteChart({ table }: { table: FigureTable }) {
  const parts = table.columns.slice(1, -1);
  const rows = [...table.rows, ...(table.footer ? [table.footer] : [])];
  if (parts.length === 0 || rows.length === 0) return null;
  const colours = [FIGURE_COLOURS.spent, FIGURE_COLOURS.second, FIGURE_COLOURS.third];
  const name = (r: (typeof rows)[number]) => {
    // "Route 1: versterken eigen bedrijf" → "route 1": short enough for an axis label.
    const hidden = parts
      .filter((_, i) => r.cells[i]!.suppressed)
      .map((label) => label.split(':')[0]!.toLowerCase());
    if (hidden.length === 0) return r.name;
    if (hidden.length === parts.length) return `${r.name} (verborgen)`;
    return `${r.name} (${hidden.join(', ')} verborgen)`;
  };
  return (
    <BarFigure
      caption="Gestarte routes per soort, per gemeente. Een verborgen aantal staat bij de naam van de gemeente."
      data={rows.map((r) =>
        Object.fromEntries([
          ['name', name(r)],
          ...parts.map((_, i) => [
            `part${i}`,
            r.cells[i]!.suppressed ? null : (r.cells[i]!.value ?? 0),
          ]),
        ]),
      )}
      category="name"
      format={(v) => v.toLocaleString('nl-NL')}
      series={parts.map((label, i) => ({
        key: `part${i}`,
        label,
        color: colours[i % colours.length]!,
      }))}
    />
  );
}

const formatThousands = (cents: number) => `€ ${(cents / 100).toLocaleString('nl-NL')}`;

const refreshedText = (figures: RegionalFigures) =>
  figures.refreshedAt
    ? `Stand van ${formatDateTime(figures.refreshedAt)}`
    : 'De cijfers zijn nog niet berekend';

function downloadCsv(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Figures({
  figures,
  costs,
  chosen,
  setChosen,
  setPeriod,
}: {
  figures: RegionalFigures;
  /** The cost figures, once loaded. */
  costs: RegionalCosts | undefined;
  chosen: string[] | null;
  setChosen: (codes: string[] | null) => void;
  setPeriod: (period: { from: string; to: string }) => void;
}) {
  const municipalities = useMemo(() => municipalitiesOf(figures), [figures]);
  const shownCodes = new Set(chosen ?? municipalities.map((m) => m.code));
  const shown = municipalities.filter((m) => shownCodes.has(m.code));
  const tables = {
    funnel: funnelTable(figures, shown),
    routes: routeTable(figures, shown),
    outcomes: outcomeTable(figures, shown),
    sources: sourceTable(figures, shown),
    durations: durationTable(figures, shown),
    referrals: referralCountTable(figures, shown),
    partnerRates: partnerRateTable(figures, shown),
    routeRates: routeRateTable(figures, shown),
    referralDurations: referralDurationTable(figures, shown),
    tonkBbz: tonkBbzTable(figures, shown),
  };
  const costTables = costs && {
    clients: clientsTable(costs, shown),
    perClient: costPerClientTable(costs, shown),
    budget: costs.year === null ? null : budgetTable(costs, shown),
  };
  const period = periodText(figures.from, figures.to);
  const refreshed = refreshedText(figures);
  const exportCsv = () => {
    const all = [
      ...Object.values(tables),
      ...(costTables ? Object.values(costTables) : []).filter((t): t is FigureTable => t !== null),
    ];
    const notes = all.map((t) => hiddenNote(figures, t)).filter((n): n is string => n !== null);
    downloadCsv(
      `regionaal-overzicht-${figures.from}-${figures.to}.csv`,
      tablesToCsv(
        [
          ['Regionaal overzicht', period],
          [refreshed],
          [protectionText(figures.protection, figures.threshold)],
          ...(municipalities.some((m) => m.own)
            ? [['Van uw eigen gemeente staan de aantallen er zoals ze zijn.']]
            : []),
        ],
        all,
        [...new Set(notes)],
      ),
    );
  };
  return (
    <>
      {municipalities.length > 1 && (
        <MunicipalityFilter
          municipalities={municipalities}
          shown={shownCodes}
          onChange={setChosen}
        />
      )}
      {figures.rows.length === 0 && (
        <Alert>In deze maanden is in de regio nog niets geteld: alle aantallen zijn 0.</Alert>
      )}
      <div className="app-actions">
        <Button appearance="secondary-action" onClick={exportCsv}>
          Tabellen downloaden (CSV)
        </Button>{' '}
        <span className="app-footnote">Precies de tabellen en gemeenten die u hier ziet.</span>
      </div>

      <section aria-labelledby="about-heading" className="app-section">
        <Heading level={2} id="about-heading">
          Hoe de cijfers van andere gemeenten beschermd zijn
        </Heading>
        <Paragraph>{protectionText(figures.protection, figures.threshold)}</Paragraph>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            Elk getal van een andere gemeente komt zo altijd hetzelfde uit, in elke tabel, elk
            rapport en elke download. Het verschil tussen twee perioden geeft daarom geen exact
            aantal.
          </li>
          <li className="utrecht-unordered-list__item">
            Een groot aantal wordt nooit verborgen omdat de aantallen ernaast klein zijn.
          </li>
          <li className="utrecht-unordered-list__item">
            Bedragen van andere gemeenten verraden geen aantallen: ze zijn berekend uit de
            beschermde aantallen maal de contractprijs.
          </li>
          {municipalities.some((m) => m.own) && (
            <li className="utrecht-unordered-list__item">
              Van uw eigen gemeente ziet u de aantallen zoals ze zijn, ook van de lopende maand.
            </li>
          )}
        </ul>
        <Paragraph>
          <Link to="/regio/bescherming">Lees hoe we de cijfers beschermen</Link>
        </Paragraph>
      </section>

      <TableSection
        id="funnel"
        title="Van benaderen tot afsluiten"
        intro="Elk aantal telt wat er in de gekozen maanden gebeurde: wie in maart werd benaderd en in april een intake had, telt in maart bij Benaderd en in april bij Intakes. Een ondernemer kan meer dan één route volgen; routes tellen per route."
        table={tables.funnel}
        figures={figures}
      >
        <FunnelCharts table={tables.funnel} />
      </TableSection>
      <TableSection id="routes" title="Routes" table={tables.routes} figures={figures}>
        <RouteChart table={tables.routes} />
      </TableSection>
      <TableSection id="outcomes" title="Uitkomsten" table={tables.outcomes} figures={figures} />
      <TableSection
        id="sources"
        title="Herkomst van aanmeldingen"
        table={tables.sources}
        figures={figures}
      />
      <TableSection
        id="durations"
        title="Doorlooptijden"
        intro={`De mediaan: de helft van de ondernemers was sneller, de helft langzamer. Van andere gemeenten en de regio alleen getoond bij minstens ${figures.threshold} intakes of routes in de periode; een manager ziet ze voor de eigen gemeente altijd.`}
        table={tables.durations}
        figures={figures}
      />
      <TableSection
        id="referrals"
        title="Verwijzingen"
        intro="Verwijzingen naar partnerorganisaties die in de gekozen maanden zijn verstuurd, hoeveel daarvan inmiddels zijn gestart, en de verwijzingen die in die maanden niet doorgingen, per reden."
        table={tables.referrals}
        figures={figures}
      />
      <TableSection
        id="partner-rates"
        title="Realisatie per partnerorganisatie"
        intro={`Het deel van de verstuurde verwijzingen dat is gestart. Alleen getoond bij minstens ${figures.threshold} verstuurde verwijzingen en als beide aantallen zichtbaar zijn; van andere gemeenten berekend uit de beschermde aantallen.`}
        table={tables.partnerRates}
        figures={figures}
      />
      <TableSection
        id="route-rates"
        title="Realisatie per route"
        table={tables.routeRates}
        figures={figures}
      />
      <TableSection
        id="referral-durations"
        title="Van verwijzing tot start"
        intro={`De mediaan van het aantal dagen van versturen tot de start bij de partner, voor de verwijzingen verstuurd in de gekozen maanden. Van andere gemeenten en de regio alleen getoond bij minstens ${figures.threshold} gestarte verwijzingen; een manager ziet ze voor de eigen gemeente altijd.`}
        table={tables.referralDurations}
        figures={figures}
      />
      <TableSection
        id="tonk-bbz"
        title="TONK en Bbz"
        intro="TONK-aanvragen naar de maand van ontvangst en Bbz-aanvragen naar de maand van aanvragen."
        table={tables.tonkBbz}
        figures={figures}
      />
      {costs && costTables && (
        <>
          <TableSection
            id="clients"
            title="Cliënten per dienst"
            intro="Ingekochte diensten in de gekozen maanden, min creditboekingen: elke cliënt telt één keer per dienst."
            table={costTables.clients}
            figures={costs}
          />
          <TableSection
            id="cost-per-client"
            title="Kosten per cliënt"
            intro="Wat een dienst per cliënt kostte. Waar het aantal cliënten verborgen is, zijn de kosten per cliënt dat ook: anders zou het aantal uit het bedrag te berekenen zijn. Van andere gemeenten en de regio in hele euro’s."
            table={costTables.perClient}
            figures={costs}
          />
          {costTables.budget ? (
            <TableSection
              id="budget"
              title={`Begroting ${costs.year}`}
              intro={`Gerealiseerde kosten van ingekochte diensten tegenover het begrote bedrag voor intake, analyse perspectief, coaching en schuldsanering. Gerealiseerde bedragen van andere gemeenten en van de regio zijn berekend uit de beschermde aantallen maal de contractprijs en afgerond op ${formatThousands(costs.moneyRoundingCents)}.`}
              table={costTables.budget}
              figures={costs}
            />
          ) : (
            <section aria-labelledby="budget-heading" className="app-section">
              <Heading level={2} id="budget-heading">
                Begroting
              </Heading>
              <Paragraph>
                Kies maanden binnen één jaar om de gerealiseerde kosten met de begroting te
                vergelijken.{' '}
                <Button appearance="secondary-action" onClick={() => setPeriod(thisYear())}>
                  Dit jaar tonen ({thisYear().from.slice(0, 4)})
                </Button>
              </Paragraph>
            </section>
          )}
        </>
      )}
      <EvaluationDownloads period={figures} municipalities={municipalities} />
    </>
  );
}

/**
 * Reach, service and outcomes per municipality of the region, for a chosen period. The
 * server hides and rounds what the user may not see exactly; this page only arranges it.
 */
export default function RegionalPage({ me }: { me: Me }) {
  usePageTitle('Regionaal overzicht');
  const view = useView();
  const figures = useRegionalFigures(view.period.from, view.period.to);
  const costs = useRegionalCosts(view.period.from, view.period.to);
  return (
    <>
      <Heading level={1}>Regionaal overzicht</Heading>
      <Paragraph lead>
        Bereik, dienstverlening en uitkomsten in de arbeidsmarktregio {me.municipality.regionName},
        per gemeente. U ziet aantallen, nooit personen.
      </Paragraph>
      <PeriodForm period={view.period} onApply={view.setPeriod} />
      <p className="utrecht-paragraph" role="status">
        {figures.isPending
          ? 'Cijfers laden…'
          : figures.data
            ? `${periodText(figures.data.from, figures.data.to)}. ${refreshedText(figures.data)}; de cijfers worden elke minuut bijgewerkt.`
            : ''}
      </p>
      {figures.error && <Alert type="error">{figures.error.message}</Alert>}
      {costs.error && <Alert type="error">{costs.error.message}</Alert>}
      {figures.data && (
        <Figures
          figures={figures.data}
          costs={costs.data}
          chosen={view.chosen}
          setChosen={view.setChosen}
          setPeriod={view.setPeriod}
        />
      )}
    </>
  );
}
