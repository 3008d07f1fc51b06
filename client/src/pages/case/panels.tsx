import {
  BBZ_OPTION_LABELS,
  CONTACT_CHANNEL_LABELS,
  CONTACT_MODE_LABELS,
  LEGAL_FORM_LABELS,
  PARTNER_INCOME_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_STATUS_LABELS,
  ROUTE_TYPE_LABELS,
  TOZO_LABELS,
  VIABILITY_LABELS,
  type CaseDetail,
} from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
import { apiFetch } from '../../api/client.ts';
import {
  useAnalyses,
  useAttachments,
  useCoachings,
  useContacts,
  useIntake,
  useRoutes,
  useTimeline,
} from '../../api/cases.ts';
import { formatDate, formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { CoachingForm, RouteEndForm } from './forms.tsx';

export function DataList({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows app-data-list">
      {rows.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value">{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function Loading<T>({
  query,
  children,
}: {
  query: { data?: T; isPending: boolean; error: Error | null };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Paragraph>Laden…</Paragraph>;
  if (query.error) return <Alert type="error">{query.error.message}</Alert>;
  return <>{children(query.data as T)}</>;
}

export function TimelinePanel({ caseId }: { caseId: string }) {
  const timeline = useTimeline(caseId);
  return (
    <Loading query={timeline}>
      {(events) => (
        <ol className="app-timeline">
          {events.map((e) => (
            <li key={e.id} className={`app-timeline__item app-timeline__item--${e.type}`}>
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
              <span className="app-timeline__summary">{e.summary}</span>
              {e.actorName && <span className="app-timeline__actor">{e.actorName}</span>}
            </li>
          ))}
        </ol>
      )}
    </Loading>
  );
}

export function EntrepreneurPanel({
  detail,
  canReveal,
}: {
  detail: CaseDetail;
  canReveal: boolean;
}) {
  const e = detail.entrepreneur;
  const [bsn, setBsn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    const reason = window.prompt('Waarvoor heeft u het volledige BSN nodig? Dit wordt vastgelegd.');
    if (!reason) return;
    try {
      const result = await apiFetch<{ bsn: string | null }>(
        `/api/v1/entrepreneurs/${e.id}/bsn-reveal`,
        {
          method: 'POST',
          body: { reason },
        },
      );
      setBsn(result.bsn);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Tonen is mislukt.');
    }
  };
  return (
    <>
      {error && <Alert type="error">{error}</Alert>}
      <DataList
        rows={[
          ['Naam', e.name],
          ['Bedrijfsnaam', e.businessName],
          ['KvK-nummer', e.kvkNumber],
          ['Rechtsvorm', LEGAL_FORM_LABELS[e.legalForm]],
          ['Sector', e.sbiLabel ? `${e.sbiCode} – ${e.sbiLabel}` : null],
          ['Bedrijf gestart', e.businessStartDate ? formatDate(e.businessStartDate) : null],
          ['Tozo', e.tozoPeriods.map((t) => TOZO_LABELS[t]).join(', ') || 'Geen'],
          ['Inkomen partner', PARTNER_INCOME_LABELS[e.partnerIncome]],
          ['E-mail', e.email],
          ['Telefoon', e.phone],
          ['Adres', [e.postcode, e.houseNumber].filter(Boolean).join(' ') || null],
          [
            'BSN',
            e.bsnMasked ? (
              <>
                {bsn ?? e.bsnMasked}{' '}
                {canReveal && !bsn && (
                  <Button appearance="subtle" onClick={reveal}>
                    Toon BSN
                  </Button>
                )}
              </>
            ) : null,
          ],
        ]}
      />
    </>
  );
}

export function IntakePanel({ detail }: { detail: CaseDetail }) {
  const hasIntake = detail.hasIntake;
  const intake = useIntake(detail.id, hasIntake);
  const analyses = useAnalyses(detail.id);
  return (
    <>
      {detail.intakeScheduledAt && (
        <Paragraph>Intake gepland op {formatDateTime(detail.intakeScheduledAt)}.</Paragraph>
      )}
      {!hasIntake ? (
        <Paragraph>Er is nog geen intake vastgelegd.</Paragraph>
      ) : (
        <Loading query={intake}>
          {(i) => (
            <DataList
              rows={[
                ['Datum', formatDate(i.date)],
                ['Vorm', CONTACT_MODE_LABELS[i.mode as keyof typeof CONTACT_MODE_LABELS]],
                ['Bedrijfsadviseur', i.advisorName],
                [
                  'Levensvatbaarheid',
                  VIABILITY_LABELS[i.viability as keyof typeof VIABILITY_LABELS],
                ],
                ['Vooruitzichten branche', i.sectorProspects],
                [
                  'Bbz',
                  i.bbzOptions
                    .map((o) => BBZ_OPTION_LABELS[o as keyof typeof BBZ_OPTION_LABELS])
                    .join(', '),
                ],
                ['Geen recht op Bbz omdat', i.bbzNotEligibleReason],
                [
                  'Aanbevolen routes',
                  i.recommendedRoutes
                    .map((r) => ROUTE_TYPE_LABELS[r as keyof typeof ROUTE_TYPE_LABELS])
                    .join(', ') || null,
                ],
                ['Bevindingen', i.findings],
              ]}
            />
          )}
        </Loading>
      )}
      <h3 className="utrecht-heading-3">Analyse perspectief</h3>
      <Loading query={analyses}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>Geen analyse perspectief.</Paragraph>
          ) : (
            <ul>
              {list.map((a) => (
                <li key={a.id}>
                  {formatDate(a.date)}, {a.provider}: {a.conclusion}
                  {a.reportAttachmentId && (
                    <>
                      {' '}
                      (
                      <a
                        href={`/api/v1/cases/${detail.id}/attachments/${a.reportAttachmentId}/content`}
                      >
                        rapport
                      </a>
                      )
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}

/** A button on a card that opens one inline form; closing the form reports its message. */
function CardAction({
  id,
  open,
  setOpen,
  label,
  visible,
  onDone,
  form,
}: {
  id: string;
  open: string | null;
  setOpen: (id: string | null) => void;
  label: string;
  visible: boolean;
  onDone: (m: string) => void;
  form: (done: (m: string) => void, cancel: () => void) => ReactNode;
}) {
  if (open === id) {
    return form(
      (m) => {
        setOpen(null);
        onDone(m);
      },
      () => setOpen(null),
    );
  }
  if (!visible) return null;
  return (
    <Button appearance="secondary-action" onClick={() => setOpen(id)}>
      {label}
    </Button>
  );
}

export function RoutesPanel({
  caseId,
  canWrite,
  onDone,
}: {
  caseId: string;
  canWrite: boolean;
  onDone: (m: string) => void;
}) {
  const routes = useRoutes(caseId);
  const [ending, setEnding] = useState<string | null>(null);
  return (
    <Loading query={routes}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>Er lopen nog geen routes.</Paragraph>
        ) : (
          <ul className="app-cards">
            {list.map((r) => (
              <li key={r.id} className="app-card">
                <strong>{ROUTE_TYPE_LABELS[r.type]}</strong>
                <div>
                  {ROUTE_STATUS_LABELS[r.status]} · gestart {formatDate(r.startDate)}
                  {r.endDate ? ` · beëindigd ${formatDate(r.endDate)}` : ''}
                  {r.outcome ? ` · ${ROUTE_OUTCOME_LABELS[r.outcome]}` : ''}
                </div>
                {r.startNote && <div>Bij de start: {r.startNote}</div>}
                {r.endNote && <div>Bij het einde: {r.endNote}</div>}
                <CardAction
                  id={r.id}
                  open={ending}
                  setOpen={setEnding}
                  label="Route beëindigen"
                  visible={canWrite && r.status === 'active'}
                  onDone={onDone}
                  form={(done, cancel) => (
                    <RouteEndForm caseId={caseId} route={r} onDone={done} onCancel={cancel} />
                  )}
                />
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

export function CoachingPanel({
  caseId,
  canWrite,
  onDone,
}: {
  caseId: string;
  canWrite: boolean;
  onDone: (m: string) => void;
}) {
  const coachings = useCoachings(caseId);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Loading query={coachings}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>Geen coaching.</Paragraph>
        ) : (
          <ul className="app-cards">
            {list.map((c) => (
              <li key={c.id} className="app-card">
                <strong>
                  {c.coach} ({c.organisation})
                </strong>
                <div>
                  Vanaf {formatDate(c.startDate)}
                  {c.endDate ? ` tot ${formatDate(c.endDate)}` : ''} · {c.sessions} gesprek
                  {c.sessions === 1 ? '' : 'ken'}
                </div>
                <CardAction
                  id={c.id}
                  open={editing}
                  setOpen={setEditing}
                  label="Bijwerken"
                  visible={canWrite}
                  onDone={onDone}
                  form={(done, cancel) => (
                    <CoachingForm caseId={caseId} existing={c} onDone={done} onCancel={cancel} />
                  )}
                />
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

export function ContactsPanel({ caseId }: { caseId: string }) {
  const contacts = useContacts(caseId);
  return (
    <Loading query={contacts}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>Nog geen contact vastgelegd.</Paragraph>
        ) : (
          <ul className="app-cards">
            {list.map((c) => (
              <li key={c.id} className="app-card">
                <strong>
                  {formatDateTime(c.occurredAt)} ·{' '}
                  {CONTACT_CHANNEL_LABELS[c.channel as keyof typeof CONTACT_CHANNEL_LABELS]}
                </strong>
                <div>{c.summary}</div>
                <small>{c.userName}</small>
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

export function DocumentsPanel({ caseId }: { caseId: string }) {
  const documents = useAttachments(caseId);
  return (
    <Loading query={documents}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>Geen documenten.</Paragraph>
        ) : (
          <ul>
            {list.map((d) => (
              <li key={d.id}>
                <a
                  className="utrecht-link"
                  href={`/api/v1/cases/${caseId}/attachments/${d.id}/content`}
                >
                  {d.filename}
                </a>{' '}
                ({Math.ceil(d.sizeBytes / 1024)} kB, {formatDateTime(d.createdAt)}, {d.uploadedBy})
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}
