import {
  CASE_SOURCE_LABELS,
  CLOSING_OUTCOME_LABELS,
  INTENSITY_LABELS,
  OTHER_SUPPORT_LABELS,
  URGENCY_LABELS,
  type CaseAction,
  type Me,
} from '@herorientatie/domain';
import { useState, type ComponentType } from 'react';
import { Link, useParams } from 'react-router';
import { useCase } from '../../api/cases.ts';
import { formatDate, formatDateTime, StatusBadge } from '../../components/StatusBadge.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import {
  AnalysisForm,
  CaseSettingsForm,
  CloseForm,
  EntrepreneurForm,
  CoachingForm,
  ContactForm,
  IntakeForm,
  ReopenButton,
  RouteStartForm,
  ScheduleIntakeForm,
  UploadForm,
  WithdrawForm,
  type FormProps,
} from './forms.tsx';
import {
  CoachingPanel,
  ContactsPanel,
  DataList,
  DocumentsPanel,
  EntrepreneurPanel,
  IntakePanel,
  RoutesPanel,
  TimelinePanel,
} from './panels.tsx';

type FormKey = 'settings' | 'entrepreneur' | RecordFormKey;
type RecordFormKey =
  | 'scheduleIntake'
  | 'recordIntake'
  | 'startRoute'
  | 'contact'
  | 'coaching'
  | 'analysis'
  | 'document'
  | 'close'
  | 'withdraw';

const FORMS: Record<
  RecordFormKey,
  { label: string; component: ComponentType<FormProps>; action?: CaseAction; needsIntake?: boolean }
> = {
  scheduleIntake: {
    label: 'Intake plannen',
    component: ScheduleIntakeForm,
    action: 'scheduleIntake',
  },
  recordIntake: { label: 'Intake vastleggen', component: IntakeForm, action: 'recordIntake' },
  startRoute: { label: 'Route starten', component: RouteStartForm, action: 'startRoute' },
  contact: { label: 'Contact vastleggen', component: ContactForm },
  analysis: { label: 'Analyse perspectief', component: AnalysisForm, needsIntake: true },
  coaching: { label: 'Coaching', component: CoachingForm, needsIntake: true },
  document: { label: 'Document toevoegen', component: UploadForm },
  close: { label: 'Afsluiten', component: CloseForm, action: 'close' },
  withdraw: { label: 'Terugtrekken', component: WithdrawForm, action: 'withdraw' },
};

export function CaseDetailPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const query = useCase(id);
  const [tab, setTab] = useState('timeline');
  const [open, setOpen] = useState<FormKey | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canWrite = me.roles.includes('caseworker') || me.roles.includes('advisor');

  if (query.isPending) return <Paragraph>Dossier laden…</Paragraph>;
  if (query.error) {
    return (
      <>
        <Heading level={1}>Dossier niet beschikbaar</Heading>
        <Alert type="error">{query.error.message}</Alert>
        <Link to="/dossiers">Terug naar de dossiers</Link>
      </>
    );
  }
  const detail = query.data;
  const isOpen = !['closed', 'withdrawn'].includes(detail.status);
  const available = (Object.keys(FORMS) as (keyof typeof FORMS)[]).filter((key) => {
    const f = FORMS[key];
    if (f.action) return detail.allowedActions.includes(f.action);
    if (f.needsIntake) return isOpen && detail.hasIntake;
    return isOpen;
  });
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
  };
  const OpenForm =
    open && open !== 'settings' && open !== 'entrepreneur' ? FORMS[open].component : null;
  const toggle = (key: FormKey) => {
    setMessage(null);
    setOpen(open === key ? null : key);
  };

  return (
    <>
      <p className="app-breadcrumb">
        <Link to="/dossiers">Dossiers</Link> › {detail.reference}
      </p>
      <div className="app-title-row">
        <Heading level={1}>
          {detail.entrepreneurName} <small className="app-subtitle">{detail.businessName}</small>
        </Heading>
        <StatusBadge status={detail.status} />
      </div>
      <DataList
        rows={[
          ['Dossiernummer', detail.reference],
          [
            'Binnengekomen via',
            `${CASE_SOURCE_LABELS[detail.source]}${detail.sourceDetail ? ` (${detail.sourceDetail})` : ''}`,
          ],
          ['Urgentie', URGENCY_LABELS[detail.urgency]],
          ['Andere steun', OTHER_SUPPORT_LABELS[detail.otherSupport]],
          ['Intensiteit begeleiding', INTENSITY_LABELS[detail.intensity]],
          ['Consulent', detail.caseworkerName],
          ['Bedrijfsadviseur', detail.advisorName],
          ['Aangemeld', formatDate(detail.registeredAt)],
          ['Laatste contact', formatDateTime(detail.lastContactAt)],
          ...(detail.outcome
            ? ([
                [
                  'Uitkomst',
                  `${CLOSING_OUTCOME_LABELS[detail.outcome]}${detail.outcomeNote ? `: ${detail.outcomeNote}` : ''}`,
                ],
              ] as [string, string][])
            : []),
          ...(detail.withdrawnReason
            ? ([['Reden terugtrekken', detail.withdrawnReason]] as [string, string][])
            : []),
        ]}
      />
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {canWrite && (
        <section aria-labelledby="actions-heading" className="app-actions">
          <h2 id="actions-heading" className="utrecht-heading-2">
            Wat wilt u doen?
          </h2>
          <div className="utrecht-button-group">
            {available.map((key) => (
              <Button
                key={key}
                appearance={open === key ? 'primary-action' : 'secondary-action'}
                aria-expanded={open === key}
                onClick={() => toggle(key)}
              >
                {FORMS[key].label}
              </Button>
            ))}
            {detail.allowedActions.includes('reopen') && (
              <ReopenButton caseId={detail.id} onDone={done} />
            )}
            {isOpen && (
              <Button
                appearance="subtle"
                aria-expanded={open === 'settings'}
                onClick={() => toggle('settings')}
              >
                Dossier wijzigen
              </Button>
            )}
            {me.roles.includes('caseworker') && (
              <Button
                appearance="subtle"
                aria-expanded={open === 'entrepreneur'}
                onClick={() => toggle('entrepreneur')}
              >
                Gegevens ondernemer wijzigen
              </Button>
            )}
          </div>
          {open === 'settings' && (
            <div className="app-form-panel">
              <CaseSettingsForm
                caseId={detail.id}
                detail={detail}
                canAssign={me.roles.includes('caseworker')}
                onDone={done}
                onCancel={() => setOpen(null)}
              />
            </div>
          )}
          {open === 'entrepreneur' && (
            <div className="app-form-panel">
              <EntrepreneurForm
                caseId={detail.id}
                detail={detail}
                onDone={done}
                onCancel={() => setOpen(null)}
              />
            </div>
          )}
          {OpenForm && (
            <div className="app-form-panel">
              <OpenForm caseId={detail.id} onDone={done} onCancel={() => setOpen(null)} />
            </div>
          )}
        </section>
      )}
      <Tabs
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'timeline', label: 'Tijdlijn', content: <TimelinePanel caseId={detail.id} /> },
          {
            id: 'entrepreneur',
            label: 'Ondernemer',
            content: (
              <EntrepreneurPanel detail={detail} canReveal={me.roles.includes('caseworker')} />
            ),
          },
          { id: 'intake', label: 'Intake en analyse', content: <IntakePanel detail={detail} /> },
          {
            id: 'routes',
            label: 'Routes',
            content: <RoutesPanel caseId={detail.id} canWrite={canWrite && isOpen} onDone={done} />,
          },
          {
            id: 'coaching',
            label: 'Coaching',
            content: (
              <CoachingPanel caseId={detail.id} canWrite={canWrite && isOpen} onDone={done} />
            ),
          },
          { id: 'contacts', label: 'Contacten', content: <ContactsPanel caseId={detail.id} /> },
          { id: 'documents', label: 'Documenten', content: <DocumentsPanel caseId={detail.id} /> },
        ]}
      />
    </>
  );
}
