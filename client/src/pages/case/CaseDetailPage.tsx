import {
  can,
  CASE_SOURCE_LABELS,
  CLOSING_OUTCOME_LABELS,
  INTENSITY_LABELS,
  isOpen,
  OTHER_SUPPORT_LABELS,
  URGENCY_LABELS,
  type CaseDetail,
  type Me,
} from '@herorientatie/domain';
import { useState, type ComponentType } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useCase } from '../../api/cases.ts';
import { formatDate, formatDateTime, StatusBadge } from '../../components/StatusBadge.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import {
  ACTION_LABELS,
  availableActions,
  canChangeRecords,
  PANEL_FORMS,
  type ActionKey,
  type PanelForm,
} from './case-actions.ts';
import { useCaseView, type CaseView } from './case-view.ts';
import { CloseDialog, ReopenDialog } from './dialogs.tsx';
import { ConsentsPanel } from './consents.tsx';
import { CostsPanel } from './costs.tsx';
import { NextActionsPanel } from './next-actions.tsx';
import { LetterForm } from './letters.tsx';
import { NotesPanel } from './notes.tsx';
import { ReferralsPanel } from './referrals.tsx';
import { SelfCheckPanel } from './self-check.tsx';
import { TonkBbzPanel } from './tonk-bbz.tsx';
import {
  AnalysisForm,
  CaseSettingsForm,
  CoachingForm,
  ContactForm,
  EntrepreneurForm,
  IntakeForm,
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

type Row = [string, string | null];

function caseRows(detail: CaseDetail): Row[] {
  return [
    ['Dossiernummer', detail.reference],
    [
      'Binnengekomen via',
      `${CASE_SOURCE_LABELS[detail.source]}${detail.sourceDetail ? ` (${detail.sourceDetail})` : ''}`,
    ],
    ...(detail.campaignCode ? ([['Campagnecode', detail.campaignCode]] as Row[]) : []),
    ['Urgentie', URGENCY_LABELS[detail.urgency]],
    ['Andere steun', OTHER_SUPPORT_LABELS[detail.otherSupport]],
    ['Intensiteit begeleiding', INTENSITY_LABELS[detail.intensity]],
    ['Consulent', detail.caseworkerName],
    ['Bedrijfsadviseur', detail.advisorName],
    ...(detail.intakeScheduledAt && !detail.hasIntake
      ? ([['Geplande intake', formatDateTime(detail.intakeScheduledAt)]] as Row[])
      : []),
    ['Aangemeld', formatDate(detail.registeredAt)],
    ['Laatste contact', formatDateTime(detail.lastContactAt)],
    ...(detail.closedAt
      ? ([
          [
            detail.status === 'withdrawn' ? 'Teruggetrokken op' : 'Afgesloten op',
            formatDate(detail.closedAt),
          ],
        ] as Row[])
      : []),
    ...(detail.outcome
      ? ([
          [
            'Uitkomst',
            `${CLOSING_OUTCOME_LABELS[detail.outcome]}${detail.outcomeNote ? `: ${detail.outcomeNote}` : ''}`,
          ],
        ] as Row[])
      : []),
    ...(detail.withdrawnReason ? ([['Reden terugtrekken', detail.withdrawnReason]] as Row[]) : []),
  ];
}

/** The panel forms that need nothing but the case id. */
const SIMPLE_FORMS: Partial<Record<PanelForm, ComponentType<FormProps>>> = {
  scheduleIntake: ScheduleIntakeForm,
  recordIntake: IntakeForm,
  startRoute: RouteStartForm,
  contact: ContactForm,
  analysis: AnalysisForm,
  coaching: CoachingForm,
  document: UploadForm,
  letter: LetterForm,
  withdraw: WithdrawForm,
};

function OpenPanelForm({
  form,
  detail,
  me,
  props,
}: {
  form: PanelForm;
  detail: CaseDetail;
  me: Me;
  props: FormProps;
}) {
  if (form === 'settings') {
    return (
      <CaseSettingsForm
        {...props}
        detail={detail}
        canAssign={can(principalOf(me), 'case:assign')}
      />
    );
  }
  if (form === 'entrepreneur') return <EntrepreneurForm {...props} detail={detail} />;
  const Form = SIMPLE_FORMS[form]!;
  return <Form {...props} />;
}

function Actions({
  detail,
  me,
  view,
  actions,
  onDone,
  onChoose,
}: {
  detail: CaseDetail;
  me: Me;
  view: CaseView;
  actions: ActionKey[];
  onDone: (message: string) => void;
  /** Called when the user picks an action, e.g. to clear the last message. */
  onChoose: () => void;
}) {
  const open = actions.find((key) => key === view.form);
  const panelForm = PANEL_FORMS.find((key) => key === open);
  const props: FormProps = { caseId: detail.id, onDone, onCancel: view.closeForm };
  return (
    <section aria-labelledby="actions-heading" className="app-actions">
      <h2 id="actions-heading" className="utrecht-heading-2">
        Wat wilt u doen?
      </h2>
      <div className="utrecht-button-group">
        {actions.map((key) => (
          <Button
            key={key}
            appearance={
              open === key
                ? 'primary-action'
                : key === 'settings' || key === 'entrepreneur'
                  ? 'subtle'
                  : 'secondary-action'
            }
            aria-expanded={key === 'close' || key === 'reopen' ? undefined : open === key}
            aria-haspopup={key === 'close' || key === 'reopen' ? 'dialog' : undefined}
            onClick={() => {
              onChoose();
              if (open === key) view.closeForm();
              else view.openForm(key);
            }}
          >
            {key === 'scheduleIntake' && detail.status === 'intake_scheduled'
              ? 'Intake verzetten'
              : ACTION_LABELS[key]}
          </Button>
        ))}
      </div>
      {panelForm && (
        <div className="app-form-panel">
          <OpenPanelForm key={panelForm} form={panelForm} detail={detail} me={me} props={props} />
        </div>
      )}
      {open === 'close' && <CloseDialog {...props} />}
      {open === 'reopen' && <ReopenDialog {...props} />}
    </section>
  );
}

export function CaseDetailPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const query = useCase(id);
  const view = useCaseView();
  // A page that opened this case (e.g. from a TONK application) may say so here.
  const opened = (useLocation().state as { message?: string } | null)?.message;
  const [message, setMessage] = useState<string | null>(opened ?? null);
  usePageTitle(
    query.data
      ? `Dossier ${query.data.reference}`
      : query.error
        ? 'Dossier niet beschikbaar'
        : 'Dossier',
  );

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
  const user = principalOf(me);
  const actions = availableActions(detail, user);
  const canChange = canChangeRecords(detail, user);
  const done = (text: string) => {
    view.closeForm();
    setMessage(text);
  };
  const panel = { detail, view, canChange, onDone: done };
  const referralPanel = {
    caseId: detail.id,
    view,
    canWrite: can(user, 'referral:write', detail),
    caseOpen: isOpen(detail.status),
    onDone: done,
  };
  const referralTabs = can(user, 'referral:read', detail)
    ? [
        {
          id: 'referrals',
          label: 'Verwijzingen',
          content: <ReferralsPanel {...referralPanel} />,
        },
        {
          id: 'consents',
          label: 'Toestemmingen',
          content: <ConsentsPanel {...referralPanel} />,
        },
      ]
    : [];
  const costTabs = can(user, 'finance:read')
    ? [
        {
          id: 'costs',
          label: 'Kosten',
          content: (
            <CostsPanel
              caseId={detail.id}
              view={view}
              canCredit={can(user, 'finance:manage')}
              onDone={done}
            />
          ),
        },
      ]
    : [];

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
      <DataList rows={caseRows(detail)} />
      <p>
        <a href={`/api/v1/cases/${detail.id}/summary.pdf`} download>
          Dossiersamenvatting downloaden (PDF)
        </a>
      </p>
      <SelfCheckPanel detail={detail} />
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {actions.length > 0 && (
        <Actions
          detail={detail}
          me={me}
          view={view}
          actions={actions}
          onDone={done}
          onChoose={() => setMessage(null)}
        />
      )}
      <Tabs
        active={view.tab}
        onChange={(tab) => {
          setMessage(null);
          view.setTab(tab);
        }}
        tabs={[
          { id: 'timeline', label: 'Tijdlijn', content: <TimelinePanel caseId={detail.id} /> },
          {
            id: 'actions',
            label: 'Acties',
            content: (
              <NextActionsPanel
                caseId={detail.id}
                view={view}
                canChange={canChange}
                onDone={done}
              />
            ),
          },
          {
            id: 'notes',
            label: 'Notities',
            content: (
              <NotesPanel
                caseId={detail.id}
                view={view}
                canChange={can(user, 'case:write', detail)}
                onDone={done}
              />
            ),
          },
          {
            id: 'entrepreneur',
            label: 'Ondernemer',
            content: (
              <EntrepreneurPanel
                detail={detail}
                canReveal={can(user, 'entrepreneur:reveal-bsn', detail)}
              />
            ),
          },
          { id: 'intake', label: 'Intake en analyse', content: <IntakePanel {...panel} /> },
          { id: 'routes', label: 'Routes', content: <RoutesPanel {...panel} /> },
          { id: 'coaching', label: 'Coaching', content: <CoachingPanel {...panel} /> },
          { id: 'contacts', label: 'Contacten', content: <ContactsPanel {...panel} /> },
          ...referralTabs,
          {
            id: 'documents',
            label: 'Documenten',
            content: (
              <DocumentsPanel
                caseId={detail.id}
                canRemove={can(user, 'case:write', detail)}
                onDone={done}
              />
            ),
          },
          ...costTabs,
          {
            id: 'tonk-bbz',
            label: 'TONK en Bbz',
            content: (
              <TonkBbzPanel
                caseId={detail.id}
                view={view}
                canWrite={can(user, 'case:write', detail)}
                caseOpen={isOpen(detail.status)}
                onDone={done}
              />
            ),
          },
        ]}
      />
    </>
  );
}
