import {
  can,
  CASE_LIST_COLUMNS,
  dutchDay,
  firstContactText,
  sourceText,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  INTENSITY_LABELS,
  ROUTE_TYPE_LABELS,
  URGENCY_LABELS,
  type Me,
} from '@herorientatie/domain';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useCaseList, useStaff, useUpdateCase, type CaseFilters } from '../api/cases.ts';
import { formatDate, StatusBadge } from '../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../components/ui.tsx';
import { usePageTitle } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { HandoverBar } from './HandoverBar.tsx';

export const WORKLIST_LABELS = {
  mine: 'Mijn dossiers',
  unassigned: 'Nieuw, nog niet toegewezen',
  waitingForIntake: 'Wacht langer dan 7 dagen op intake',
  noRecentContact: 'Al 30 dagen geen contact',
  acute: 'Acuut, nog niet toegewezen',
  firstContactOverdue: 'Eerste contact te laat',
} as const;

/** The queue of new cases is worked most urgent first, then longest waiting. */
const URGENT_FIRST: readonly string[] = ['unassigned', 'acute', 'firstContactOverdue'];

/** "wacht 12 dagen": whole days since the registration. */
export function daysWaiting(registeredAt: string, now = new Date()): string {
  const days = Math.floor((now.getTime() - new Date(registeredAt).getTime()) / 86_400_000);
  return days === 1 ? 'wacht 1 dag' : `wacht ${days} dagen`;
}

const FILTER_KEYS = [
  'q',
  'status',
  'route',
  'source',
  'urgency',
  'advisorId',
  'worklist',
  'sort',
] as const;

/** The export of the list with the filters on screen (the same columns, every page). */
export function exportUrl(format: 'csv' | 'xlsx', filters: CaseFilters): string {
  const query = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const search = query.toString();
  return `/api/v1/cases/export.${format}${search ? `?${search}` : ''}`;
}

/**
 * "Aan mij toewijzen": one click takes a new case. The case then leaves the queue, so the
 * message with "Ongedaan maken" stands above the list, not in the row.
 */
function TakeButton({
  caseId,
  reference,
  userId,
  onTaken,
}: {
  caseId: string;
  reference: string;
  userId: string;
  onTaken: (taken: { caseId: string; reference: string }) => void;
}) {
  const update = useUpdateCase();
  const [error, setError] = useState<string | null>(null);
  const take = async () => {
    setError(null);
    try {
      await update.mutateAsync({ caseId, body: { caseworkerId: userId } });
      onTaken({ caseId, reference });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Toewijzen lukte niet.');
    }
  };
  return (
    <span className="app-block">
      <Button appearance="secondary-action" disabled={update.isPending} onClick={() => void take()}>
        Aan mij toewijzen<span className="app-visually-hidden"> ({reference})</span>
      </Button>
      {error && (
        <span className="app-inline-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** The message after taking a case, with one click to give it back to the queue. */
function Taken({
  taken,
  onDone,
}: {
  taken: { caseId: string; reference: string };
  onDone: () => void;
}) {
  const update = useUpdateCase();
  const [undone, setUndone] = useState(false);
  const undo = async () => {
    await update.mutateAsync({ caseId: taken.caseId, body: { caseworkerId: null } });
    setUndone(true);
  };
  return (
    <Alert type="ok">
      {undone ? (
        <>Dossier {taken.reference} staat weer bij de nieuwe, niet toegewezen dossiers. </>
      ) : (
        <>
          Dossier{' '}
          <Link className="utrecht-link" to={`/dossiers/${taken.caseId}`}>
            {taken.reference}
          </Link>{' '}
          is aan u toegewezen.{' '}
          <Button appearance="subtle" disabled={update.isPending} onClick={() => void undo()}>
            Ongedaan maken
          </Button>{' '}
        </>
      )}
      <Button appearance="subtle" onClick={onDone}>
        Sluiten
      </Button>
    </Alert>
  );
}

export function CaseListPage({ me }: { me: Me }) {
  // Someone without access to cases (partner staff) gets their own start page.
  if (!can(principalOf(me), 'case:read')) return <Navigate to="/" replace />;
  return <CaseListContent me={me} />;
}

function CaseListContent({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const filters: CaseFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  if (!filters.sort && filters.worklist && URGENT_FIRST.includes(filters.worklist))
    filters.sort = 'urgency';
  const [q, setQ] = useState(filters.q ?? '');
  const mayAssign = can(principalOf(me), 'case:assign');
  const mayTake = mayAssign && me.roles.includes('caseworker');
  const [taken, setTaken] = useState<{ caseId: string; reference: string } | null>(null);
  const today = dutchDay();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const list = useCaseList(filters);
  const advisors = useStaff('advisor');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const title = filters.worklist ? WORKLIST_LABELS[filters.worklist] : 'Dossiers';
  usePageTitle(title);

  const update = (key: (typeof FILTER_KEYS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update('q', q.trim());
  };
  const select = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    options: Record<string, string>,
    allLabel: string | null = 'Alle',
  ) => (
    <div className="utrecht-form-field app-filter">
      <label className="utrecht-form-label" htmlFor={`filter-${key}`}>
        {label}
      </label>
      <select
        id={`filter-${key}`}
        className="utrecht-select utrecht-select--html-select"
        value={params.get(key) ?? (key === 'sort' ? (filters.sort ?? '') : '')}
        onChange={(e) => update(key, e.target.value)}
      >
        {allLabel !== null && <option value="">{allLabel}</option>}
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <div className="app-title-row">
        <Heading level={1}>{title}</Heading>
        {can(principalOf(me), 'case:register') && (
          <Link
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            to="/dossiers/nieuw"
          >
            Ondernemer aanmelden
          </Link>
        )}
      </div>
      <form role="search" onSubmit={onSearch} className="app-search">
        <label className="utrecht-form-label" htmlFor="case-search">
          Zoek op naam, bedrijfsnaam, KvK-nummer, dossiernummer, postcode, e-mail of telefoon
        </label>
        <div className="app-search__row">
          <input
            id="case-search"
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <Button type="submit">Zoeken</Button>
        </div>
      </form>
      <div className="app-filters">
        {select('worklist', 'Werklijst', WORKLIST_LABELS)}
        {select('status', 'Status', CASE_STATUS_LABELS)}
        {select('route', 'Lopende route', ROUTE_TYPE_LABELS)}
        {select('source', 'Binnengekomen via', CASE_SOURCE_LABELS)}
        {select('urgency', 'Urgentie', URGENCY_LABELS)}
        {select(
          'advisorId',
          'Bedrijfsadviseur',
          Object.fromEntries((advisors.data ?? []).map((a) => [a.id, a.name])),
        )}
        {select(
          'sort',
          'Volgorde',
          {
            '-registeredAt': 'Nieuwste aanmelding eerst',
            registeredAt: 'Oudste aanmelding eerst',
            '-updatedAt': 'Laatst gewijzigd eerst',
            urgency: 'Meest urgent eerst, dan langst wachtend',
          },
          null,
        )}
      </div>
      {mayAssign && (
        <HandoverBar
          // Only what is shown: a case ticked under another filter is not handed over unseen.
          caseIds={items.filter((c) => selected.has(c.id)).map((c) => c.id)}
          onHandedOver={() => setSelected(new Set())}
        />
      )}
      {items.length > 0 && (
        <p className="app-export-links">
          Exporteren met deze filters:{' '}
          <a className="utrecht-link" href={exportUrl('csv', filters)} download>
            CSV
          </a>{' '}
          of{' '}
          <a className="utrecht-link" href={exportUrl('xlsx', filters)} download>
            Excel
          </a>{' '}
          (zonder BSN; alle dossiers die aan de filters voldoen, ook die nog niet geladen zijn)
        </p>
      )}
      <div aria-live="polite">
        {taken && <Taken key={taken.caseId} taken={taken} onDone={() => setTaken(null)} />}
      </div>
      {list.isError && <Alert type="error">{list.error.message}</Alert>}
      {list.isPending ? (
        <Paragraph>Dossiers laden…</Paragraph>
      ) : items.length === 0 ? (
        <Paragraph>Geen dossiers gevonden met deze filters.</Paragraph>
      ) : (
        <div className="utrecht-table-container app-card-table">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption">
              {items.length} dossier{items.length === 1 ? '' : 's'}
              {list.hasNextPage ? ' (meer beschikbaar)' : ''}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {mayAssign && (
                  <th className="utrecht-table__header-cell" scope="col">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      aria-label="Alle getoonde dossiers kiezen"
                      checked={items.length > 0 && items.every((c) => selected.has(c.id))}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())
                      }
                    />
                  </th>
                )}
                {CASE_LIST_COLUMNS.map(({ label }) => (
                  <th key={label} className="utrecht-table__header-cell" scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((c) => (
                <tr key={c.id} className="utrecht-table__row">
                  {mayAssign && (
                    <td className="utrecht-table__cell" data-label="Kiezen">
                      <input
                        type="checkbox"
                        className="utrecht-checkbox utrecht-checkbox--html-input"
                        aria-label={`Kies dossier ${c.reference}`}
                        checked={selected.has(c.id)}
                        onChange={() => toggle(c.id)}
                      />
                    </td>
                  )}
                  <td className="utrecht-table__cell" data-label="Dossier">
                    <Link className="utrecht-link" to={`/dossiers/${c.id}`}>
                      {c.reference}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell" data-label="Ondernemer">
                    {c.entrepreneurName}
                    <br />
                    <small>{c.businessName}</small>
                  </td>
                  <td className="utrecht-table__cell" data-label="Status">
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="utrecht-table__cell" data-label="Urgentie">
                    {URGENCY_LABELS[c.urgency]}
                  </td>
                  <td className="utrecht-table__cell" data-label="Intensiteit">
                    {INTENSITY_LABELS[c.intensity]}
                  </td>
                  <td className="utrecht-table__cell" data-label="Routes">
                    {c.activeRoutes
                      .map(
                        (r) => ROUTE_TYPE_LABELS[r as keyof typeof ROUTE_TYPE_LABELS].split(':')[0],
                      )
                      .join(', ') || '—'}
                  </td>
                  <td className="utrecht-table__cell" data-label="Herkomst">
                    {sourceText(c)}
                  </td>
                  <td className="utrecht-table__cell" data-label="Adviseur">
                    {c.advisorName ?? '—'}
                  </td>
                  <td className="utrecht-table__cell" data-label="Aangemeld">
                    {formatDate(c.registeredAt)}
                    <br />
                    <span className="app-footnote">{daysWaiting(c.registeredAt)}</span>
                  </td>
                  <td className="utrecht-table__cell" data-label="Eerste contact">
                    <span
                      className={
                        c.firstContactDue && c.firstContactDue < today ? 'app-overdue' : undefined
                      }
                    >
                      {firstContactText(c.firstContactDue, today)}
                    </span>
                    {!c.caseworkerId && mayTake && (
                      <TakeButton
                        caseId={c.id}
                        reference={c.reference}
                        userId={me.id}
                        onTaken={setTaken}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <Button
          appearance="secondary-action"
          onClick={() => list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Laden…' : 'Meer dossiers laden'}
        </Button>
      )}
    </>
  );
}
