import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  formatEuro,
  SERVICE_TYPE_LABELS,
  type BudgetOverview,
} from '@herorientatie/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useBudget, useCostWarnings, useSaveBudget } from '../../api/finance.ts';
import { BarFigure, euroRounded, FIGURE_COLOURS } from '../../components/charts.tsx';
import { MoneyField, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import type { FormApi, Values } from '../../forms/use-form.ts';
import { usePageTitle } from '../../page-focus.ts';

const YEAR_PARAM = 'jaar';
const FORM_PARAM = 'formulier';
const thisYear = () => new Date().getFullYear();

/** A year from the address, or this year when it holds none. */
export function yearFrom(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear();
}

const Negative = ({ cents }: { cents: number }) => (
  <span className={cents < 0 ? 'app-negative' : undefined}>{formatEuro(cents)}</span>
);

function Figures({ overview }: { overview: BudgetOverview }) {
  const { total, forecast } = overview;
  return (
    <>
      <DataTable
        caption={`Begroting ${overview.year} per onderdeel`}
        columns={[
          'Onderdeel',
          { label: 'Gepland', numeric: true },
          { label: 'Verplicht', numeric: true },
          { label: 'Gerealiseerd', numeric: true },
          { label: 'Resterend', numeric: true },
          { label: 'Prognose', numeric: true },
        ]}
        rows={overview.categories.map((c) => ({
          key: c.category,
          cells: [
            BUDGET_CATEGORY_LABELS[c.category],
            formatEuro(c.plannedCents),
            formatEuro(c.committedCents),
            formatEuro(c.realisedCents),
            <Negative key="remaining" cents={c.remainingCents} />,
            formatEuro(c.forecastCents),
          ],
        }))}
        footer={[
          'Totaal',
          formatEuro(total.plannedCents),
          formatEuro(total.committedCents),
          formatEuro(total.realisedCents),
          <Negative key="remaining" cents={total.remainingCents} />,
          formatEuro(total.forecastCents),
        ]}
      />
      <BarFigure
        caption={`Gepland, verplicht, gerealiseerd en prognose per onderdeel in ${overview.year}.`}
        data={overview.categories.map((c) => ({
          name: BUDGET_CATEGORY_LABELS[c.category],
          planned: c.plannedCents,
          committed: c.committedCents,
          realised: c.realisedCents,
          forecast: c.forecastCents,
        }))}
        category="name"
        format={euroRounded}
        series={[
          { key: 'planned', label: 'Gepland', color: FIGURE_COLOURS.budget },
          { key: 'committed', label: 'Verplicht', color: FIGURE_COLOURS.third },
          { key: 'realised', label: 'Gerealiseerd', color: FIGURE_COLOURS.spent },
          { key: 'forecast', label: 'Prognose', color: FIGURE_COLOURS.second },
        ]}
      />
      <Heading level={2}>Dekking</Heading>
      <DataTable
        caption={`Dekkingsbronnen ${overview.year}`}
        columns={['Bron', { label: 'Bedrag', numeric: true }]}
        rows={overview.coverage.map((c, index) => ({
          key: `${index}`,
          cells: [c.source, formatEuro(c.amountCents)],
        }))}
        footer={['Totale dekking', formatEuro(overview.coverageCents)]}
      />
      <dl className="app-facts">
        <dt>Dekking over na gerealiseerd en verplicht</dt>
        <dd>
          <Negative cents={forecast.coverageLeftCents} />
        </dd>
        <dt>Verwachte kosten van de cliënten die nog komen</dt>
        <dd>{formatEuro(forecast.expectedCostCents)}</dd>
        <dt>Wat er na de prognose over is</dt>
        <dd>
          <Negative cents={forecast.coverageLeftCents - forecast.expectedCostCents} />
        </dd>
      </dl>
    </>
  );
}

function Forecast({ overview }: { overview: BudgetOverview }) {
  const { forecast } = overview;
  const a = forecast.assumptions;
  return (
    <section aria-labelledby="prognose">
      <Heading level={2} id="prognose">
        Prognose en aannames
      </Heading>
      <dl className="app-facts">
        <dt>Nog niet benaderde Tozo-ontvangers</dt>
        <dd>
          {forecast.remainingRecipients}
          {a.remainingRecipients === undefined ? ' (uit de benadering)' : ' (ingevuld)'}
        </dd>
        <dt>Verwachte respons</dt>
        <dd>{a.responseRatePercent}%</dd>
        <dt>Verwachte aanmeldingen via campagnes</dt>
        <dd>{a.expectedCampaignSignUps}</dd>
        <dt>Deel dat een analyse perspectief krijgt</dt>
        <dd>{a.analysisSharePercent}%</dd>
        <dt>Deel dat coaching krijgt</dt>
        <dd>{a.coachingSharePercent}%</dd>
        <dt>Verwachte cliënten</dt>
        <dd>{forecast.expectedClients}</dd>
        <dt>Verwachte kosten</dt>
        <dd>{formatEuro(forecast.expectedCostCents)}</dd>
      </dl>
    </section>
  );
}

function Warnings({ overview }: { overview: BudgetOverview }) {
  const lines = useCostWarnings();
  return (
    <section aria-labelledby="signalen" className="app-finance-section">
      <Heading level={2} id="signalen">
        Signalen
      </Heading>
      {overview.warnings.length === 0 && (lines.data?.length ?? 0) === 0 && (
        <Paragraph>Er zijn geen signalen.</Paragraph>
      )}
      {overview.warnings.map((warning) => (
        <Alert key={warning} type="warning">
          {warning}
        </Alert>
      ))}
      {lines.data && lines.data.length > 0 && (
        <DataTable
          caption="Kostenregels zonder geldig contract of boven het maximum"
          columns={['Dossier', 'Dienst', 'Datum', 'Signaal']}
          rows={lines.data.map((line) => ({
            key: line.id,
            cells: [
              <Link key="case" className="utrecht-link" to={`/dossiers/${line.caseId}?tab=costs`}>
                {line.caseReference}
              </Link>,
              SERVICE_TYPE_LABELS[line.serviceType],
              formatDate(line.occurredOn),
              line.warning === 'over_maximum'
                ? 'Meer cliënten dan het contract toestaat'
                : 'Geen geldig contract op deze datum',
            ],
          }))}
        />
      )}
    </section>
  );
}

/** Dotted paths into arrays too ("coverage.0.source"), for the rows of coverage. */
export function setIn(values: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(values)) {
    const copy = [...values];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy;
  }
  const object = (values ?? {}) as Values;
  return { ...object, [head]: setIn(object[head], rest, value) };
}

function CoverageFields({ form }: { form: FormApi }) {
  const rows = (form.values.coverage as unknown[] | undefined) ?? [];
  const rowForm: FormApi = {
    ...form,
    set: (path, value) => form.setValues((v) => setIn(v, path.split('.'), value) as Values),
  };
  return (
    <fieldset className="utrecht-form-fieldset app-fieldset">
      <legend className="utrecht-form-fieldset__legend">Dekking</legend>
      {rows.map((_row, index) => (
        <div key={index} className="app-coverage-row">
          <TextField form={rowForm} name={`coverage.${index}.source`} label={`Bron ${index + 1}`} />
          <MoneyField
            form={rowForm}
            name={`coverage.${index}.amountCents`}
            label={`Bedrag bron ${index + 1}`}
          />
          <Button
            appearance="subtle"
            onClick={() =>
              form.setValues((v) => ({
                ...v,
                coverage: rows.filter((_r, i) => i !== index),
              }))
            }
          >
            Bron {index + 1} verwijderen
          </Button>
        </div>
      ))}
      <Button
        appearance="secondary-action"
        onClick={() =>
          form.setValues((v) => ({ ...v, coverage: [...rows, { source: '', amountCents: 0 }] }))
        }
      >
        Dekkingsbron toevoegen
      </Button>
    </fieldset>
  );
}

function BudgetForm({
  overview,
  onDone,
  onCancel,
}: {
  overview: BudgetOverview;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const save = useSaveBudget();
  const a = overview.forecast.assumptions;
  return (
    <ActionForm
      draft={[String(overview.year), 'budget']}
      mutation={save}
      params={{ year: overview.year }}
      initial={{
        coverage: overview.coverage,
        planned: Object.fromEntries(overview.categories.map((c) => [c.category, c.plannedCents])),
        assumptions: { ...a },
      }}
      title={`Begroting ${overview.year} wijzigen`}
      submitLabel="Begroting opslaan"
      success={`De begroting van ${overview.year} is opgeslagen.`}
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={[FORM_PARAM, YEAR_PARAM]}
    >
      {(form) => (
        <>
          <CoverageFields form={form} />
          <fieldset className="utrecht-form-fieldset app-fieldset">
            <legend className="utrecht-form-fieldset__legend">Geplande bedragen</legend>
            {BUDGET_CATEGORIES.map((c) => (
              <MoneyField
                key={c}
                form={form}
                name={`planned.${c}`}
                label={BUDGET_CATEGORY_LABELS[c]}
              />
            ))}
          </fieldset>
          <fieldset className="utrecht-form-fieldset app-fieldset">
            <legend className="utrecht-form-fieldset__legend">Aannames van de prognose</legend>
            <TextField
              form={form}
              type="number"
              name="assumptions.responseRatePercent"
              label="Verwachte respons (%)"
            />
            <TextField
              form={form}
              type="number"
              name="assumptions.remainingRecipients"
              label="Nog niet benaderde Tozo-ontvangers"
              description="Leeg: het aantal uit de benadering"
            />
            <TextField
              form={form}
              type="number"
              name="assumptions.expectedCampaignSignUps"
              label="Verwachte aanmeldingen via campagnes"
            />
            <TextField
              form={form}
              type="number"
              name="assumptions.analysisSharePercent"
              label="Deel met analyse perspectief (%)"
            />
            <TextField
              form={form}
              type="number"
              name="assumptions.coachingSharePercent"
              label="Deel met coaching (%)"
            />
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

/** The budget of a year: planned, committed, realised and forecast, with coverage and signals. */
export default function BudgetPage() {
  usePageTitle('Kosten en budget');
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get(YEAR_PARAM));
  const budget = useBudget(year);
  const [message, setMessage] = useState<string>();
  const editing = params.get(FORM_PARAM) === 'begroting';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const years = Array.from({ length: 7 }, (_v, i) => thisYear() - 5 + i);
  if (!years.includes(year)) years.unshift(year);

  return (
    <>
      <Heading level={1}>Kosten en budget</Heading>
      <Paragraph>
        De begroting van het jaar: wat gepland is, wat al verplicht is (lopende trajecten), wat
        gerealiseerd is volgens de kostenregels, en de prognose voor de cliënten die nog komen.
      </Paragraph>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="budget-year">
            Jaar
          </label>
        </div>
        <select
          id="budget-year"
          className="utrecht-select utrecht-select--html-select"
          value={year}
          onChange={(e) => setParam(YEAR_PARAM, e.target.value)}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {message && <Alert type="ok">{message}</Alert>}
      {budget.error && <Alert type="error">{budget.error.message}</Alert>}
      {budget.isPending && <Paragraph>Begroting laden…</Paragraph>}
      {budget.data && (
        <>
          <Figures overview={budget.data} />
          <div className="app-finance-columns">
            <div>
              {editing ? (
                <BudgetForm
                  key={year}
                  overview={budget.data}
                  onDone={(text) => {
                    setMessage(text);
                    setParam(FORM_PARAM, null);
                  }}
                  onCancel={() => setParam(FORM_PARAM, null)}
                />
              ) : (
                <>
                  <Heading level={2}>Begroting wijzigen</Heading>
                  <Paragraph>
                    Dekking, geplande bedragen en de aannames van de prognose legt u vast per jaar.
                  </Paragraph>
                  <Button
                    appearance="secondary-action"
                    aria-expanded={false}
                    onClick={() => {
                      setMessage(undefined);
                      setParam(FORM_PARAM, 'begroting');
                    }}
                  >
                    Begroting wijzigen
                  </Button>
                </>
              )}
            </div>
            <Forecast overview={budget.data} />
          </div>
          <Warnings overview={budget.data} />
        </>
      )}
    </>
  );
}
