import { actionDueText, type NextAction } from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
import {
  useAddAction,
  useCaseActions,
  useCompleteAction,
  usePostponeAction,
} from '../../api/case-work.ts';
import { useStaff } from '../../api/cases.ts';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { today } from './forms.tsx';

export const ACTION_STATUS_LABELS: Record<NextAction['status'], string> = {
  open: 'Open',
  done: 'Gedaan',
  dropped: 'Vervallen',
};

/** When an action is due, in words: overdue is said, not only coloured. */
/** When an action is due, in words, against today's date here. */
export const dueText = (action: NextAction): string => actionDueText(action, today());

interface ActionsPanelProps {
  caseId: string;
  view: CaseView;
  /** Whether actions may be added and handled: the user may write and the case is open. */
  canChange: boolean;
  onDone: (message: string) => void;
}

function Toggle({
  id,
  view,
  label,
  children,
}: {
  id: string;
  view: CaseView;
  label: string;
  children: () => ReactNode;
}) {
  if (view.form === id) return <div className="app-card__form">{children()}</div>;
  return (
    <Button appearance="secondary-action" onClick={() => view.openForm(id)}>
      {label}
    </Button>
  );
}

function AddActionForm({ caseId, view, onDone }: Omit<ActionsPanelProps, 'canChange'>) {
  const caseworkers = useStaff('caseworker');
  const advisors = useStaff('advisor');
  // Anyone who works on cases may own an action: the caseworkers and the advisors.
  const owners = Object.fromEntries([
    ...(caseworkers.data ?? []).map((u) => [u.id, `${u.name} (consulent)`]),
    ...(advisors.data ?? []).map((u) => [u.id, `${u.name} (bedrijfsadviseur)`]),
  ]);
  return (
    <ActionForm
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, 'addAction']}
      mutation={useAddAction()}
      params={{ caseId }}
      initial={{ dueOn: today() }}
      title="Actie toevoegen"
      headingLevel={3}
      submitLabel="Actie toevoegen"
      success={(value) => `De actie "${value.title}" is toegevoegd.`}
      onDone={onDone}
      onCancel={view.closeForm}
    >
      {(form) => (
        <>
          <TextField form={form} name="title" label="Wat moet er gebeuren? *" />
          <TextField form={form} name="dueOn" label="Uiterlijk op *" type="date" />
          <SelectField
            form={form}
            name="ownerId"
            label="Wie doet het?"
            placeholder="Ikzelf"
            options={owners}
          />
          <TextArea form={form} name="note" label="Toelichting" />
        </>
      )}
    </ActionForm>
  );
}

function CompleteForm({
  caseId,
  action,
  view,
  onDone,
}: Omit<ActionsPanelProps, 'canChange'> & { action: NextAction }) {
  return (
    <ActionForm
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `completeAction.${action.id}`]}
      mutation={useCompleteAction()}
      params={{ caseId, actionId: action.id }}
      initial={{ outcome: 'done' }}
      title={`Afhandelen: ${action.title}`}
      headingLevel={3}
      submitLabel="Afhandelen"
      success={(value) =>
        value.outcome === 'done'
          ? `De actie "${action.title}" is gedaan.`
          : `De actie "${action.title}" is vervallen.`
      }
      onDone={onDone}
      onCancel={view.closeForm}
    >
      {(form) => (
        <>
          <RadioGroup
            form={form}
            name="outcome"
            label="Hoe is de actie afgehandeld? *"
            options={{ done: 'Gedaan', dropped: 'Vervallen (niet meer nodig)' }}
          />
          <TextArea form={form} name="note" label="Toelichting" />
        </>
      )}
    </ActionForm>
  );
}

function PostponeForm({
  caseId,
  action,
  view,
  onDone,
}: Omit<ActionsPanelProps, 'canChange'> & { action: NextAction }) {
  return (
    <ActionForm
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `postponeAction.${action.id}`]}
      mutation={usePostponeAction()}
      params={{ caseId, actionId: action.id }}
      initial={{}}
      title={`Uitstellen: ${action.title}`}
      headingLevel={3}
      intro={
        <Paragraph>Nu gepland op {formatDate(action.dueOn)}. Kies een latere datum.</Paragraph>
      }
      submitLabel="Uitstellen"
      success={(value) =>
        `De actie "${action.title}" is uitgesteld tot ${formatDate(value.dueOn)}.`
      }
      onDone={onDone}
      onCancel={view.closeForm}
    >
      {(form) => (
        <>
          <TextField form={form} name="dueOn" label="Nieuwe datum *" type="date" />
          <TextArea form={form} name="note" label="Waarom uitstellen?" />
        </>
      )}
    </ActionForm>
  );
}

function ActionCard({ action, canChange, ...props }: ActionsPanelProps & { action: NextAction }) {
  const { view } = props;
  const handle = canChange && action.status === 'open' && action.kind === 'action';
  return (
    <li className={`app-card${action.overdue ? ' app-card--overdue' : ''}`}>
      <strong>
        {action.kind === 'intake'
          ? action.title.replace(/^Intake/, 'Geplande intake')
          : action.title}
      </strong>
      <div>
        {dueText(action)}
        {action.status !== 'open' && ` · ${ACTION_STATUS_LABELS[action.status]}`}
        {action.postponements > 0 && ` · ${action.postponements} keer uitgesteld`}
      </div>
      {action.ownerName && <small>Door {action.ownerName}</small>}
      {action.note && <div>{action.note}</div>}
      {handle && (
        <div className="utrecht-button-group">
          <Toggle id={cardForm('completeAction', action.id)} view={view} label="Afhandelen">
            {() => <CompleteForm {...props} action={action} />}
          </Toggle>
          <Toggle id={cardForm('postponeAction', action.id)} view={view} label="Uitstellen">
            {() => <PostponeForm {...props} action={action} />}
          </Toggle>
        </div>
      )}
    </li>
  );
}

/** The next actions of a case: open ones first (oldest due first), then the handled ones. */
export function NextActionsPanel(props: ActionsPanelProps) {
  const query = useCaseActions(props.caseId);
  const [showHandled, setShowHandled] = useState(false);
  if (query.isPending) return <Paragraph>Acties laden…</Paragraph>;
  if (query.error) return <Alert type="error">{query.error.message}</Alert>;
  const open = query.data
    .filter((a) => a.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const handled = query.data.filter((a) => a.status !== 'open');
  return (
    <>
      {props.canChange && (
        <Toggle id="addAction" view={props.view} label="Actie toevoegen">
          {() => <AddActionForm {...props} />}
        </Toggle>
      )}
      {open.length === 0 ? (
        <Paragraph>Er staan geen acties open.</Paragraph>
      ) : (
        <ul className="app-cards" aria-label="Open acties">
          {open.map((action) => (
            <ActionCard key={action.id} {...props} action={action} />
          ))}
        </ul>
      )}
      {handled.length > 0 && (
        <>
          <Button
            appearance="subtle"
            aria-expanded={showHandled}
            onClick={() => setShowHandled(!showHandled)}
          >
            {showHandled
              ? 'Verberg afgehandelde acties'
              : `Afgehandelde acties (${handled.length})`}
          </Button>
          {showHandled && (
            <ul className="app-cards" aria-label="Afgehandelde acties">
              {handled.map((action) => (
                <ActionCard key={action.id} {...props} action={action} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
