import { ACTION_LIST_COLUMNS, can, type Me } from '@herorientatie/domain';
import { Link, useSearchParams } from 'react-router';
import { useActionWorklist, type ActionScope, type ActionWhen } from '../../api/case-work.ts';
import { DataTable } from '../../components/table.tsx';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { dueText } from '../case/next-actions.tsx';

export const ACTION_LIST_TITLES: Record<ActionScope, Record<ActionWhen, string>> = {
  mine: {
    today: 'Mijn acties van vandaag',
    overdue: 'Mijn acties die te laat zijn',
    upcoming: 'Mijn geplande acties',
  },
  team: {
    today: 'Acties van het team van vandaag',
    overdue: 'Acties van het team die te laat zijn',
    upcoming: 'Geplande acties van het team',
  },
};

const SCOPE_LABELS: Record<ActionScope, string> = { mine: 'Van mij', team: 'Van het team' };
const WHEN_LABELS: Record<ActionWhen, string> = {
  overdue: 'Te laat',
  today: 'Vandaag',
  upcoming: 'Gepland',
};

export const actionsHref = (scope: ActionScope, when: ActionWhen) =>
  `/acties?wie=${scope}&wanneer=${when}`;

const isScope = (v: string | null): v is ActionScope => v === 'mine' || v === 'team';
const isWhen = (v: string | null): v is ActionWhen =>
  v === 'today' || v === 'overdue' || v === 'upcoming';

/** The actions worklist across cases: mine or the team's, today, overdue or upcoming. */
export function ActionsPage({ me }: { me: Me }) {
  const [params] = useSearchParams();
  const mayOwn = can(principalOf(me), 'case:write');
  const wanted = params.get('wie');
  const scope: ActionScope =
    isScope(wanted) && (wanted === 'team' || mayOwn) ? wanted : mayOwn ? 'mine' : 'team';
  const whenParam = params.get('wanneer');
  const when: ActionWhen = isWhen(whenParam) ? whenParam : 'today';
  const title = ACTION_LIST_TITLES[scope][when];
  usePageTitle(title);
  const list = useActionWorklist(scope, when);
  const rows = [...(list.data ?? [])].sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  const choice = (s: ActionScope, w: ActionWhen, label: string) => {
    const current = s === scope && w === when;
    return (
      <li key={`${s}-${w}`} className="utrecht-nav-list__item">
        <Link
          to={actionsHref(s, w)}
          className="utrecht-nav-list__link"
          aria-current={current ? 'page' : undefined}
        >
          {label}
        </Link>
      </li>
    );
  };

  return (
    <>
      <Heading level={1}>{title}</Heading>
      <nav aria-label="Kies een actielijst" className="app-action-lists">
        {(mayOwn ? (['mine', 'team'] as const) : (['team'] as const)).map((s) => (
          <div key={s}>
            <span className="app-action-lists__label">{SCOPE_LABELS[s]}:</span>
            <ul className="utrecht-nav-list app-action-lists__list">
              {(['overdue', 'today', 'upcoming'] as const).map((w) => choice(s, w, WHEN_LABELS[w]))}
            </ul>
          </div>
        ))}
      </nav>
      {rows.length > 0 && (
        <p className="app-export-links">
          Deze lijst exporteren:{' '}
          <a
            className="utrecht-link"
            href={`/api/v1/actions/export.csv?scope=${scope}&when=${when}`}
            download
          >
            CSV
          </a>{' '}
          of{' '}
          <a
            className="utrecht-link"
            href={`/api/v1/actions/export.xlsx?scope=${scope}&when=${when}`}
            download
          >
            Excel
          </a>
        </p>
      )}
      {list.isError && <Alert type="error">{list.error.message}</Alert>}
      {list.isPending ? (
        <Paragraph>Acties laden…</Paragraph>
      ) : rows.length === 0 ? (
        <Paragraph>Geen acties in deze lijst.</Paragraph>
      ) : (
        <DataTable
          caption={`${rows.length} actie${rows.length === 1 ? '' : 's'}, oudste eerst`}
          columns={ACTION_LIST_COLUMNS.map((c) => c.label)}
          rows={rows.map((a) => ({
            key: a.id,
            cells: [
              a.kind === 'intake' ? a.title.replace(/^Intake/, 'Geplande intake') : a.title,
              dueText(a),
              <Link key="case" className="utrecht-link" to={`/dossiers/${a.caseId}?tab=actions`}>
                {a.caseReference}
              </Link>,
              a.entrepreneurName,
              a.ownerName ?? '—',
            ],
          }))}
        />
      )}
    </>
  );
}
