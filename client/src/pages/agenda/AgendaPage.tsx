import {
  can,
  dutchDay,
  INTAKE_MODE_LABELS,
  intakePlace,
  mondayOf,
  type AgendaEntry,
  type Me,
} from '@herorientatie/domain';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useIntakeAgenda } from '../../api/case-work.ts';
import { Alert, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';

const addDays = (day: string, n: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
};

const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('nl-NL', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });

function Entry({ e, team }: { e: AgendaEntry; team: boolean }) {
  const place = intakePlace({
    intakeMode: e.mode,
    intakeLocation: e.location,
    intakeVideoLink: e.videoLink,
  });
  return (
    <li className="app-card">
      <strong>{timeOf(e.scheduledAt)}</strong>{' '}
      <Link className="utrecht-link" to={`/dossiers/${e.caseId}`}>
        {e.entrepreneurName}, {e.businessName}
      </Link>{' '}
      <span className="app-muted">({e.caseReference})</span>
      <br />
      {e.mode ? INTAKE_MODE_LABELS[e.mode] : 'Vorm nog niet bekend'}
      {place ? `: ${place}` : ''}
      {team && (
        <>
          <br />
          Adviseur: {e.advisorName ?? 'nog niemand'}
        </>
      )}
    </li>
  );
}

/**
 * The intakes of a week, per day: an advisor sees their own appointments, a caseworker can
 * switch to the whole team. Times are Dutch time on every device.
 */
export function AgendaPage({ me }: { me: Me }) {
  if (!can(principalOf(me), 'case:read')) return <Navigate to="/" replace />;
  return <AgendaContent me={me} />;
}

function AgendaContent({ me }: { me: Me }) {
  const [params, setParams] = useSearchParams();
  const week = mondayOf(params.get('week') ?? dutchDay());
  const advisorOnly = me.roles.includes('advisor') && !me.roles.includes('caseworker');
  const scope = advisorOnly ? 'mine' : params.get('wie') === 'mine' ? 'mine' : 'team';
  const agenda = useIntakeAgenda(week, scope);
  const title = scope === 'mine' ? 'Mijn intakes' : 'Intakes van het team';
  usePageTitle(title);
  const go = (next: Record<string, string>) =>
    setParams({ ...Object.fromEntries(params), ...next });
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <nav aria-label="Week" className="app-week-nav">
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => go({ week: addDays(week, -7) })}
        >
          Vorige week
        </button>
        <span>
          Week van {dayLabel(week)} tot en met {dayLabel(addDays(week, 6))}
        </span>
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => go({ week: addDays(week, 7) })}
        >
          Volgende week
        </button>
        {!advisorOnly && (
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => go({ wie: scope === 'mine' ? 'team' : 'mine' })}
          >
            {scope === 'mine' ? 'Toon het hele team' : 'Toon alleen mijn intakes'}
          </button>
        )}
      </nav>
      {agenda.isError && <Alert type="error">{agenda.error.message}</Alert>}
      {agenda.isPending ? (
        <Paragraph>Agenda laden…</Paragraph>
      ) : agenda.data && agenda.data.length === 0 ? (
        <Paragraph>Geen geplande intakes in deze week.</Paragraph>
      ) : (
        days.map((day) => {
          const entries = (agenda.data ?? []).filter((e) => dutchDay(e.scheduledAt) === day);
          if (entries.length === 0) return null;
          return (
            <section key={day} aria-labelledby={`day-${day}`} className="app-section">
              <Heading level={2} id={`day-${day}`}>
                {dayLabel(day)}
              </Heading>
              <ul className="app-cards">
                {entries.map((e) => (
                  <Entry key={e.caseId} e={e} team={scope === 'team'} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </>
  );
}
