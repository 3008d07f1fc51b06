import {
  addressOneLine,
  INTAKE_MODE_LABELS,
  intakePlace,
  LEGAL_FORM_LABELS,
  PARTNER_INCOME_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_STATUS_LABELS,
  ROUTE_TYPE_LABELS,
  TOZO_LABELS,
  CONTACT_CHANNEL_LABELS,
  type CaseDetail,
  DOCUMENT_TYPE_LABELS,
  type Attachment,
} from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
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
import { Dialog } from '../../components/Dialog.tsx';
import { TextArea } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { useRemoveDocument } from '../../api/letters.ts';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { DataList } from './data-list.tsx';
import { BsnRevealDialog } from './dialogs.tsx';
import { CoachingUpdateForm, RecommendedRoutesForm, RouteEndForm } from './forms.tsx';
import { recordRows } from './record-fields.ts';
import {
  AnalysisCorrectionForm,
  ContactCorrectionForm,
  IntakeCorrectionForm,
  RecordHistory,
} from './records.tsx';

export { DataList };

/** What every panel with record actions needs from the page. */
export interface PanelProps {
  detail: CaseDetail;
  view: CaseView;
  /** Whether records may be changed: the user may write and the case is open. */
  canChange: boolean;
  onDone: (message: string) => void;
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

/**
 * A button on a card that opens one form, named in the address (so only one form is open
 * on the page, and a new login reopens it).
 */
function CardAction({
  id,
  view,
  label,
  visible,
  form,
}: {
  id: string;
  view: CaseView;
  label: string;
  visible: boolean;
  form: () => ReactNode;
}) {
  if (!visible) return null;
  if (view.form === id) return <div className="app-card__form">{form()}</div>;
  return (
    <Button appearance="secondary-action" onClick={() => view.openForm(id)}>
      {label}
    </Button>
  );
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
  const [asking, setAsking] = useState(false);
  return (
    <>
      {asking && (
        <BsnRevealDialog
          detail={detail}
          onRevealed={(revealed) => {
            setAsking(false);
            setBsn(revealed);
          }}
          onCancel={() => setAsking(false)}
        />
      )}
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
          ['Adres', addressOneLine(e) || null],
          [
            'BSN',
            e.bsnMasked ? (
              <>
                {bsn ?? e.bsnMasked}{' '}
                {canReveal && !bsn && (
                  <Button appearance="subtle" onClick={() => setAsking(true)}>
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

export function IntakePanel({ detail, view, canChange, onDone }: PanelProps) {
  const intake = useIntake(detail.id, detail.hasIntake);
  const analyses = useAnalyses(detail.id);
  const cancel = view.closeForm;
  return (
    <>
      {detail.intakeScheduledAt && !detail.hasIntake && (
        <Paragraph>
          Intake gepland op {formatDateTime(detail.intakeScheduledAt)}
          {detail.intakeMode ? `, ${INTAKE_MODE_LABELS[detail.intakeMode].toLowerCase()}` : ''}
          {intakePlace(detail) ? ` (${intakePlace(detail)})` : ''}
          {detail.advisorName ? `, met ${detail.advisorName}` : ''}.
        </Paragraph>
      )}
      {!detail.hasIntake ? (
        <Paragraph>Er is nog geen intake vastgelegd.</Paragraph>
      ) : (
        <Loading query={intake}>
          {(i) => (
            <div className="app-card">
              <DataList rows={recordRows('intake', i)} />
              <CardAction
                id={cardForm('correctIntake', i.id)}
                view={view}
                label="Intake corrigeren"
                visible={canChange}
                form={() => (
                  <IntakeCorrectionForm
                    caseId={detail.id}
                    intake={i}
                    onDone={onDone}
                    onCancel={cancel}
                  />
                )}
              />
              <RecordHistory caseId={detail.id} kind="intake" recordId={i.id} version={i.version} />
            </div>
          )}
        </Loading>
      )}
      <h3 className="utrecht-heading-3">Analyse perspectief</h3>
      <Loading query={analyses}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>Geen analyse perspectief.</Paragraph>
          ) : (
            <ul className="app-cards">
              {list.map((a) => (
                <li key={a.id} className="app-card">
                  <strong>
                    {formatDate(a.date)}, {a.provider}
                  </strong>
                  <div>{a.conclusion}</div>
                  {a.reportAttachmentId && (
                    <a
                      className="utrecht-link"
                      href={`/api/v1/cases/${detail.id}/attachments/${a.reportAttachmentId}/content`}
                    >
                      Rapport
                    </a>
                  )}
                  <CardAction
                    id={cardForm('correctAnalysis', a.id)}
                    view={view}
                    label="Analyse corrigeren"
                    visible={canChange}
                    form={() => (
                      <AnalysisCorrectionForm
                        caseId={detail.id}
                        analysis={a}
                        onDone={onDone}
                        onCancel={cancel}
                      />
                    )}
                  />
                  <RecordHistory
                    caseId={detail.id}
                    kind="perspective-analysis"
                    recordId={a.id}
                    version={a.version}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </>
  );
}

/** The intake's recommended routes that do not run yet, to start in one step. */
function RecommendedRoutes({ detail, view, canChange, onDone }: PanelProps) {
  const intake = useIntake(detail.id, detail.hasIntake);
  const routes = useRoutes(detail.id);
  if (!canChange || !intake.data || !routes.data) return null;
  const running = new Set(routes.data.filter((r) => r.status === 'active').map((r) => r.type));
  const waiting = intake.data.recommendedRoutes.filter((t) => !running.has(t));
  if (waiting.length === 0) return null;
  return (
    <div className="app-card">
      <CardAction
        id="recommendedRoutes"
        view={view}
        label={`Aanbevolen routes starten: ${waiting.map((t) => ROUTE_TYPE_LABELS[t]).join(', ')}`}
        visible
        form={() => (
          <RecommendedRoutesForm
            caseId={detail.id}
            types={waiting}
            keepsOn={CARD_KEEPS_ON}
            onDone={onDone}
            onCancel={view.closeForm}
          />
        )}
      />
    </div>
  );
}

export function RoutesPanel(props: PanelProps) {
  const { detail, view, canChange, onDone } = props;
  const routes = useRoutes(detail.id);
  return (
    <Loading query={routes}>
      {(list) =>
        list.length === 0 ? (
          <>
            <RecommendedRoutes {...props} />
            <Paragraph>Er lopen nog geen routes.</Paragraph>
          </>
        ) : (
          <>
            <RecommendedRoutes {...props} />
            <ul className="app-cards">
              {list.map((r) => (
                <li key={r.id} className="app-card">
                  <strong>{ROUTE_TYPE_LABELS[r.type]}</strong>
                  <div>
                    {ROUTE_STATUS_LABELS[r.status]} · gestart {formatDate(r.startDate)}
                    {r.endDate ? ` · beëindigd ${formatDate(r.endDate)}` : ''}
                    {r.outcome ? ` · ${ROUTE_OUTCOME_LABELS[r.outcome] ?? r.outcome}` : ''}
                  </div>
                  {(r.startNote || r.endNote) && (
                    <DataList
                      rows={[
                        ['Toelichting bij de start', r.startNote],
                        ...(r.status === 'active'
                          ? []
                          : ([['Toelichting bij het einde', r.endNote]] as [
                              string,
                              string | null,
                            ][])),
                      ]}
                    />
                  )}
                  <CardAction
                    id={cardForm('endRoute', r.id)}
                    view={view}
                    label="Route beëindigen"
                    visible={canChange && r.status === 'active'}
                    form={() => (
                      <RouteEndForm
                        caseId={detail.id}
                        route={r}
                        keepsOn={CARD_KEEPS_ON}
                        onDone={onDone}
                        onCancel={view.closeForm}
                      />
                    )}
                  />
                </li>
              ))}
            </ul>
          </>
        )
      }
    </Loading>
  );
}

export function CoachingPanel({ detail, view, canChange, onDone }: PanelProps) {
  const coachings = useCoachings(detail.id);
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
                  {c.endDate ? ` tot ${formatDate(c.endDate)}` : ' · loopt'} · {c.sessions} gesprek
                  {c.sessions === 1 ? '' : 'ken'}
                </div>
                <CardAction
                  id={cardForm('updateCoaching', c.id)}
                  view={view}
                  label="Bijwerken"
                  visible={canChange}
                  form={() => (
                    <CoachingUpdateForm
                      caseId={detail.id}
                      coaching={c}
                      keepsOn={CARD_KEEPS_ON}
                      onDone={onDone}
                      onCancel={view.closeForm}
                    />
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

export function ContactsPanel({ detail, view, canChange, onDone }: PanelProps) {
  const contacts = useContacts(detail.id);
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
                  {formatDateTime(c.occurredAt)} · {CONTACT_CHANNEL_LABELS[c.channel]}
                </strong>
                <div>{c.summary}</div>
                <small>{c.userName}</small>
                <CardAction
                  id={cardForm('correctContact', c.id)}
                  view={view}
                  label="Contact corrigeren"
                  visible={canChange}
                  form={() => (
                    <ContactCorrectionForm
                      caseId={detail.id}
                      contact={c}
                      onDone={onDone}
                      onCancel={view.closeForm}
                    />
                  )}
                />
                <RecordHistory
                  caseId={detail.id}
                  kind="contact"
                  recordId={c.id}
                  version={c.version}
                />
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg'];

function RemoveDocumentDialog({
  caseId,
  document,
  onDone,
  onCancel,
}: {
  caseId: string;
  document: Attachment;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={`${document.filename} verwijderen`} onClose={onCancel}>
      <ActionForm
        draft={[caseId, `removeDocument.${document.id}`]}
        mutation={useRemoveDocument()}
        params={{ caseId, attachmentId: document.id }}
        initial={{}}
        intro={
          <Paragraph>
            Het bestand wordt gewist en is daarna niet meer te openen. Op de tijdlijn blijft staan
            welk document is verwijderd, door wie en waarom.
          </Paragraph>
        }
        submitLabel="Document verwijderen"
        success={`${document.filename} is verwijderd.`}
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => (
          <TextArea
            form={form}
            name="reason"
            label="Waarom wordt het verwijderd? *"
            description="Bijvoorbeeld: bij het verkeerde dossier gezet."
          />
        )}
      </ActionForm>
    </Dialog>
  );
}

/** A PDF or image shown in the page; anything else is only downloaded. */
function DocumentPreview({ caseId, document }: { caseId: string; document: Attachment }) {
  const src = `/api/v1/cases/${caseId}/attachments/${document.id}/content?inline=true`;
  return (
    <figure className="app-document-preview">
      {document.contentType === 'application/pdf' ? (
        <iframe src={src} title={`Voorbeeld van ${document.filename}`} />
      ) : (
        <img src={src} alt={document.description ?? document.filename} />
      )}
      <figcaption>{document.filename}</figcaption>
    </figure>
  );
}

function PreviewDialog({
  caseId,
  document,
  onClose,
}: {
  caseId: string;
  /** Gone when it was removed meanwhile: then there is nothing to show. */
  document: Attachment | undefined;
  onClose: () => void;
}) {
  if (!document) return null;
  return (
    <Dialog title={`Voorbeeld: ${document.description ?? document.filename}`} onClose={onClose}>
      <DocumentPreview caseId={caseId} document={document} />
      <Button appearance="secondary-action" onClick={onClose}>
        Sluiten
      </Button>
    </Dialog>
  );
}

export function DocumentsPanel({
  caseId,
  canRemove,
  onDone,
}: {
  caseId: string;
  canRemove: boolean;
  onDone: (message: string) => void;
}) {
  const documents = useAttachments(caseId);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  return (
    <Loading query={documents}>
      {(list) =>
        list.length === 0 ? (
          <Paragraph>Geen documenten.</Paragraph>
        ) : (
          <>
            <DataTable
              caption={
                list.length === 1
                  ? '1 document, nieuwste eerst'
                  : `${list.length} documenten, nieuwste eerst`
              }
              columns={['Document', 'Soort', 'Toegevoegd', 'Door', 'Acties']}
              rows={list.map((d) => ({
                key: d.id,
                cells: [
                  <span key="file">
                    <a
                      className="utrecht-link"
                      href={`/api/v1/cases/${caseId}/attachments/${d.id}/content`}
                    >
                      {d.description ?? d.filename}
                    </a>
                    <br />
                    <small className="app-muted">
                      {d.filename} ({Math.ceil(d.sizeBytes / 1024)} kB)
                    </small>
                  </span>,
                  DOCUMENT_TYPE_LABELS[d.documentType],
                  formatDateTime(d.createdAt),
                  d.uploadedBy,
                  <span key="actions" className="utrecht-button-group">
                    {PREVIEWABLE.includes(d.contentType) && (
                      <Button
                        appearance="subtle"
                        aria-haspopup="dialog"
                        onClick={() => setPreviewId(d.id)}
                      >
                        Bekijken
                        <span className="app-visually-hidden"> {d.filename}</span>
                      </Button>
                    )}
                    {canRemove && (
                      <Button appearance="subtle" onClick={() => setRemoving(d)}>
                        Verwijderen<span className="app-visually-hidden"> {d.filename}</span>
                      </Button>
                    )}
                  </span>,
                ],
              }))}
            />
            {previewId && (
              <PreviewDialog
                caseId={caseId}
                document={list.find((d) => d.id === previewId)}
                onClose={() => setPreviewId(null)}
              />
            )}
            {removing && (
              <RemoveDocumentDialog
                caseId={caseId}
                document={removing}
                onCancel={() => setRemoving(null)}
                onDone={(message) => {
                  if (previewId === removing.id) setPreviewId(null);
                  setRemoving(null);
                  onDone(message);
                }}
              />
            )}
          </>
        )
      }
    </Loading>
  );
}
