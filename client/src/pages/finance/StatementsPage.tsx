import type { STATEMENT_STATUSES } from '@herorientatie/domain';
import { formatEuro, SERVICE_TYPE_LABELS, StatementQuerySchema } from '@herorientatie/domain';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import {
  statementFileUrl,
  useContracts,
  useSetStatementStatus,
  useStatement,
} from '../../api/finance.ts';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';

export const STATUS_LABELS: Record<(typeof STATEMENT_STATUSES)[number], string> = {
  open: 'Open',
  invoiced: 'Gefactureerd',
  paid: 'Betaald',
};

const thisMonth = () => new Date().toISOString().slice(0, 7);

function Statement({ provider, month }: { provider: string; month: string }) {
  const statement = useStatement(provider, month);
  const setStatus = useSetStatementStatus();
  const [message, setMessage] = useState<string>();
  if (statement.error) return <Alert type="error">{statement.error.message}</Alert>;
  if (!statement.data) return <Paragraph>Specificatie laden…</Paragraph>;
  const s = statement.data;
  const mark = (status: 'invoiced' | 'paid') =>
    setStatus.mutate(
      { provider, month, body: { status } },
      {
        onSuccess: () =>
          setMessage(`De specificatie is gemarkeerd als ${STATUS_LABELS[status].toLowerCase()}.`),
      },
    );
  return (
    <section aria-labelledby="specificatie" className="app-finance-section">
      <Heading level={2} id="specificatie">
        {`Specificatie ${s.provider}, ${s.month}`}
      </Heading>
      <Paragraph>
        Status: <strong>{STATUS_LABELS[s.status]}</strong>. Cliënten staan er met een
        gepseudonimiseerde verwijzing in, zonder namen.
      </Paragraph>
      {message && <Alert type="ok">{message}</Alert>}
      {setStatus.error && <Alert type="error">{setStatus.error.message}</Alert>}
      {s.lines.length === 0 ? (
        <Paragraph>Er zijn in deze maand geen kosten bij deze aanbieder.</Paragraph>
      ) : (
        <DataTable
          caption={`Kostenregels van ${s.provider} in ${s.month}`}
          columns={['Cliënt', 'Dienst', 'Datum', { label: 'Bedrag', numeric: true }]}
          rows={s.lines.map((line, index) => ({
            key: `${index}`,
            cells: [
              line.clientReference,
              SERVICE_TYPE_LABELS[line.serviceType],
              formatDate(line.occurredOn),
              formatEuro(line.amountCents),
            ],
          }))}
          footer={['Totaal', '', '', formatEuro(s.totalCents)]}
        />
      )}
      <div className="utrecht-button-group">
        <a className="utrecht-link" href={statementFileUrl(provider, month, 'csv')} download>
          Download als CSV
        </a>
        <a className="utrecht-link" href={statementFileUrl(provider, month, 'pdf')} download>
          Download als PDF
        </a>
      </div>
      <div className="utrecht-button-group app-submit-bar">
        {s.status === 'open' && (
          <Button disabled={setStatus.isPending} onClick={() => mark('invoiced')}>
            Markeren als gefactureerd
          </Button>
        )}
        {s.status !== 'paid' && (
          <Button
            appearance="secondary-action"
            disabled={setStatus.isPending}
            onClick={() => mark('paid')}
          >
            Markeren als betaald
          </Button>
        )}
      </div>
    </section>
  );
}

/** What a provider is paid for a month: the lines, the total, the files and the status. */
export default function StatementsPage() {
  usePageTitle('Specificaties');
  const contracts = useContracts();
  const [params, setParams] = useSearchParams();
  const provider = params.get('aanbieder') ?? '';
  const month = params.get('maand') ?? '';
  const [draft, setDraft] = useState({ provider, month: month || thisMonth() });
  const [error, setError] = useState<Record<string, string>>({});
  const providers = [...new Set(contracts.data?.map((c) => c.provider) ?? [])].sort();
  const chosen = StatementQuerySchema.safeParse({ provider, month }).success;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = StatementQuerySchema.safeParse(draft);
    if (!parsed.success) {
      setError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setError({});
    setParams({ aanbieder: parsed.data.provider, maand: parsed.data.month });
  };

  return (
    <>
      <Heading level={1}>Specificaties</Heading>
      <Paragraph>
        Kies een aanbieder en een maand voor de specificatie van wat de gemeente die aanbieder
        betaalt. U downloadt haar als CSV of PDF en markeert haar als gefactureerd of betaald.
      </Paragraph>
      <form onSubmit={onSubmit} noValidate className="app-statement-query">
        <div
          className={`utrecht-form-field${error.provider ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="statement-provider">
              Aanbieder
            </label>
          </div>
          {error.provider && (
            <div className="utrecht-form-field-error-message" id="statement-provider-error">
              {error.provider}
            </div>
          )}
          <select
            id="statement-provider"
            className="utrecht-select utrecht-select--html-select"
            value={draft.provider}
            aria-invalid={error.provider ? true : undefined}
            aria-describedby={error.provider ? 'statement-provider-error' : undefined}
            onChange={(e) => setDraft({ ...draft, provider: e.target.value })}
          >
            <option value="">Maak een keuze</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className={`utrecht-form-field${error.month ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="statement-month">
              Maand
            </label>
          </div>
          <div className="utrecht-form-field-description" id="statement-month-description">
            Als jjjj-mm, bijvoorbeeld 2021-03
          </div>
          {error.month && (
            <div className="utrecht-form-field-error-message" id="statement-month-error">
              {error.month}
            </div>
          )}
          <input
            id="statement-month"
            className="utrecht-textbox utrecht-textbox--html-input"
            type="month"
            value={draft.month}
            aria-invalid={error.month ? true : undefined}
            aria-describedby={`statement-month-description${error.month ? ' statement-month-error' : ''}`}
            onChange={(e) => setDraft({ ...draft, month: e.target.value })}
          />
        </div>
        <div className="utrecht-button-group app-submit-bar">
          <Button type="submit">Specificatie tonen</Button>
        </div>
      </form>
      {chosen && <Statement key={`${provider}|${month}`} provider={provider} month={month} />}
    </>
  );
}
