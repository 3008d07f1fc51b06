import {
  CLOSING_OUTCOME_LABELS,
  REFERRAL_STATUS_LABELS,
  ROUTE_TYPE_LABELS,
  type CaseDetail,
} from '@herorientatie/domain';
import {
  useCloseCase,
  useCoachings,
  useReopenCase,
  useRevealBsn,
  useRoutes,
} from '../../api/cases.ts';
import { useCaseActions } from '../../api/case-work.ts';
import { useReferrals } from '../../api/referrals.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { CheckboxField, SelectField, TextArea } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { PANEL_KEEPS_ON } from './case-view.ts';
import type { FormProps } from './forms.tsx';

/** What still runs on a case: routes not ended and coaching without an end date. */
function useRunning(caseId: string) {
  const routes = useRoutes(caseId);
  const coachings = useCoachings(caseId);
  const referrals = useReferrals(caseId);
  const actions = useCaseActions(caseId);
  return {
    routes: (routes.data ?? []).filter((r) => r.status === 'active'),
    coachings: (coachings.data ?? []).filter((c) => !c.endDate),
    referrals: (referrals.data ?? []).filter((r) =>
      ['sent', 'received', 'started'].includes(r.status),
    ),
    actions: (actions.data ?? []).filter((a) => a.status === 'open'),
  };
}

/**
 * Closing asks for the outcome in a dialog. What still runs is listed, with the choice to
 * end it on the closing date in the same step; without that choice the server refuses
 * and its reason shows in the dialog.
 */
export function CloseDialog({ caseId, onDone, onCancel }: FormProps) {
  const running = useRunning(caseId);
  const anyRunning =
    running.routes.length + running.coachings.length + running.referrals.length > 0;
  return (
    <Dialog title="Dossier afsluiten" onClose={onCancel}>
      <ActionForm
        draft={[caseId, 'close']}
        mutation={useCloseCase()}
        params={{ caseId }}
        initial={{ endRunning: false }}
        keepsOn={PANEL_KEEPS_ON}
        intro={
          <Paragraph>
            Na het afsluiten kunt u alleen nog contacten en documenten vastleggen. Heropenen kan
            later, met een reden.
          </Paragraph>
        }
        submitLabel="Dossier afsluiten"
        success="Het dossier is afgesloten."
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => (
          <>
            <SelectField
              form={form}
              name="outcome"
              label="Uitkomst *"
              options={CLOSING_OUTCOME_LABELS}
            />
            <TextArea
              form={form}
              name="note"
              label={form.values.outcome === 'other' ? 'Toelichting *' : 'Toelichting'}
              description='Verplicht bij de uitkomst "Anders"'
            />
            {anyRunning && (
              <section aria-labelledby="close-running" className="app-running">
                <Heading level={3} id="close-running">
                  Dit loopt nog
                </Heading>
                <ul>
                  {running.routes.map((route) => (
                    <li key={route.id}>
                      {ROUTE_TYPE_LABELS[route.type]}, gestart {formatDate(route.startDate)}
                    </li>
                  ))}
                  {running.coachings.map((coaching) => (
                    <li key={coaching.id}>
                      Coaching door {coaching.coach} ({coaching.organisation}), sinds{' '}
                      {formatDate(coaching.startDate)}
                    </li>
                  ))}
                  {running.referrals.map((referral) => (
                    <li key={referral.id}>
                      Verwijzing naar {referral.partnerName} (
                      {REFERRAL_STATUS_LABELS[referral.status].toLowerCase()})
                    </li>
                  ))}
                </ul>
                <CheckboxField
                  form={form}
                  name="endRunning"
                  label="Beëindig dit op de afsluitdatum"
                  description="Lopende routes worden gestopt, de coaching krijgt de afsluitdatum als einddatum, en lopende verwijzingen worden ingetrokken: de partner krijgt daar bericht van."
                />
              </section>
            )}
            {running.actions.length > 0 && (
              <section aria-labelledby="close-actions" className="app-running">
                <Heading level={3} id="close-actions">
                  Open acties
                </Heading>
                <ul>
                  {running.actions.map((action) => (
                    <li key={action.id}>
                      {action.title}, uiterlijk {formatDate(action.dueOn)}
                    </li>
                  ))}
                </ul>
                <Paragraph>
                  Deze acties vervallen bij het afsluiten. Ze staan daarna niet meer als te laat op
                  de startpagina.
                </Paragraph>
              </section>
            )}
          </>
        )}
      </ActionForm>
    </Dialog>
  );
}

export function ReopenDialog({ caseId, onDone, onCancel }: FormProps) {
  return (
    <Dialog title="Dossier heropenen" onClose={onCancel}>
      <ActionForm
        draft={[caseId, 'reopen']}
        mutation={useReopenCase()}
        params={{ caseId }}
        initial={{}}
        keepsOn={PANEL_KEEPS_ON}
        intro={
          <Paragraph>
            Het dossier gaat terug naar de fase waarin het was. De reden komt op de tijdlijn.
          </Paragraph>
        }
        submitLabel="Heropenen"
        success="Het dossier is heropend."
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => <TextArea form={form} name="reason" label="Reden voor heropenen *" />}
      </ActionForm>
    </Dialog>
  );
}

/** Asks why the full BSN is needed; the reason is recorded with the read. */
export function BsnRevealDialog({
  detail,
  onRevealed,
  onCancel,
}: {
  detail: CaseDetail;
  onRevealed: (bsn: string | null) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title="Volledig BSN tonen" onClose={onCancel}>
      <ActionForm
        draft={[detail.id, 'revealBsn']}
        mutation={useRevealBsn()}
        params={{ entrepreneurId: detail.entrepreneur.id }}
        initial={{}}
        intro={
          <Paragraph>
            Het tonen van het volledige BSN wordt vastgelegd, met uw naam en de reden.
          </Paragraph>
        }
        submitLabel="BSN tonen"
        success="Het BSN wordt getoond."
        onDone={(_message, result) => onRevealed(result.bsn)}
        onCancel={onCancel}
      >
        {(form) => (
          <TextArea form={form} name="reason" label="Waarvoor heeft u het volledige BSN nodig? *" />
        )}
      </ActionForm>
    </Dialog>
  );
}
