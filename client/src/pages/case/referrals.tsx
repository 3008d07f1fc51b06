import {
  DATA_CATEGORY_LABELS,
  NOT_REALISED_LABELS,
  REFERRAL_STATUS_LABELS,
  ROUTE_TYPE_LABELS,
  type Referral,
} from '@herorientatie/domain';
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../../api/client.ts';
import { useRoutes } from '../../api/cases.ts';
import { useChangeReferralStatus, useDiscardReferral, useReferrals } from '../../api/referrals.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { SelectField, TextArea, TextField } from '../../components/form.tsx';
import { formatDate, formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { COST_BEARER_LABELS, nextStatuses } from '../referrals/referral-helpers.ts';
import { cardForm, CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { RecordConsentForm } from './consents.tsx';
import { DataList } from './data-list.tsx';
import { MODE_LABELS, ReferralWizard } from './referral-wizard.tsx';
import '../referrals/referrals.css';

/** A status as words in a tag; a stalled referral says so in words too. */
export function ReferralStatusTag({
  referral,
}: {
  referral: Pick<Referral, 'status' | 'stalled'>;
}) {
  return (
    <>
      <span className="app-tag app-tag--status">{REFERRAL_STATUS_LABELS[referral.status]}</span>
      {referral.stalled && (
        <>
          {' '}
          <span className="app-tag app-tag--warning">Zonder voortgang</span>
        </>
      )}
    </>
  );
}

function StatusForm({
  caseId,
  referral,
  onDone,
  onCancel,
}: {
  caseId: string;
  referral: Referral;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const options = Object.fromEntries(
    nextStatuses(referral.status)
      .filter((s) => s !== 'sent')
      .map((s) => [s, REFERRAL_STATUS_LABELS[s]]),
  );
  return (
    <ActionForm
      draft={[caseId, `referralStatus.${referral.id}`]}
      mutation={useChangeReferralStatus()}
      params={{ caseId, referralId: referral.id }}
      initial={{}}
      keepsOn={CARD_KEEPS_ON}
      title={`Stand wijzigen: verwijzing naar ${referral.partnerName}`}
      headingLevel={3}
      submitLabel="Stand opslaan"
      success={(value) =>
        `De verwijzing naar ${referral.partnerName} staat nu op "${REFERRAL_STATUS_LABELS[value.status]}".`
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      {(form) => (
        <>
          <SelectField form={form} name="status" label="Nieuwe stand *" options={options} />
          {form.values.status === 'not_realised' && (
            <SelectField
              form={form}
              name="reason"
              label="Waarom ging de verwijzing niet door? *"
              options={NOT_REALISED_LABELS}
            />
          )}
          <TextArea form={form} name="note" label="Toelichting" />
          <TextField
            form={form}
            name="followUpOn"
            label="Nieuwe opvolgdatum"
            type="date"
            description={`Nu: ${formatDate(referral.followUpOn)}. Leeg laten houdt die datum.`}
          />
        </>
      )}
    </ActionForm>
  );
}

function ReferralCard({
  caseId,
  referral,
  view,
  canWrite,
  canSend,
  sending,
  onSend,
  onDone,
}: {
  caseId: string;
  referral: Referral;
  view: CaseView;
  canWrite: boolean;
  canSend: boolean;
  sending: boolean;
  onSend: (referral: Referral) => void;
  onDone: (message: string) => void;
}) {
  const formId = cardForm('referralStatus', referral.id);
  const route = useRoutes(caseId).data?.find((r) => r.id === referral.routeId);
  const canMove = nextStatuses(referral.status).some((s) => s !== 'sent');
  return (
    <li className={`app-card${referral.stalled ? ' app-card--stalled' : ''}`}>
      <strong>{referral.partnerName}</strong> <ReferralStatusTag referral={referral} />
      <DataList
        rows={[
          ['Aanmelding', MODE_LABELS[referral.mode]],
          [
            'Gedeelde gegevens',
            referral.mode === 'self'
              ? 'Geen: de ondernemer meldt zich zelf aan'
              : referral.categories.map((c) => DATA_CATEGORY_LABELS[c]).join('; '),
          ],
          ...(route
            ? ([
                [
                  'Route',
                  `${ROUTE_TYPE_LABELS[route.type]}, gestart ${formatDate(route.startDate)}`,
                ],
              ] as [string, string][])
            : []),
          ['Opvolgen op', formatDate(referral.followUpOn)],
          ...(referral.costBearer
            ? ([['Kosten schuldregeling', COST_BEARER_LABELS[referral.costBearer]]] as [
                string,
                string,
              ][])
            : []),
          ...(referral.notRealisedReason
            ? ([['Reden niet gerealiseerd', NOT_REALISED_LABELS[referral.notRealisedReason]]] as [
                string,
                string,
              ][])
            : []),
        ]}
      />
      <details>
        <summary>Geschiedenis ({referral.events.length})</summary>
        <ol className="app-history">
          {referral.events.map((e) => (
            <li key={`${e.at}-${e.status}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>:{' '}
              {REFERRAL_STATUS_LABELS[e.status]} ({e.by}){e.note ? ` – ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
      {canWrite &&
        (view.form === formId ? (
          <div className="app-card__form">
            <StatusForm
              caseId={caseId}
              referral={referral}
              onDone={onDone}
              onCancel={view.closeForm}
            />
          </div>
        ) : (
          <div className="utrecht-button-group">
            {referral.status === 'draft' && canSend && (
              <Button onClick={() => onSend(referral)} disabled={sending} aria-busy={sending}>
                {referral.mode === 'self' ? 'Aanmelding vastleggen' : 'Versturen'}
                <span className="app-visually-hidden"> naar {referral.partnerName}</span>
              </Button>
            )}
            {referral.status === 'draft' && (
              <DiscardButton caseId={caseId} referral={referral} onDone={onDone} />
            )}
            {canMove && (
              <Button appearance="secondary-action" onClick={() => view.openForm(formId)}>
                Stand wijzigen
                <span className="app-visually-hidden">
                  : verwijzing naar {referral.partnerName}
                </span>
              </Button>
            )}
          </div>
        ))}
    </li>
  );
}

/** Throws a draft away after a question; a sent referral has no such button. */
function DiscardButton({
  caseId,
  referral,
  onDone,
}: {
  caseId: string;
  referral: Referral;
  onDone: (message: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  const discard = useDiscardReferral();
  return (
    <>
      <Button
        appearance="subtle"
        aria-haspopup="dialog"
        onClick={() => setAsking(true)}
        disabled={discard.isPending}
      >
        Concept weggooien
        <span className="app-visually-hidden">: verwijzing naar {referral.partnerName}</span>
      </Button>
      {discard.error && <Alert type="error">{discard.error.message}</Alert>}
      {asking && (
        <ConfirmDialog
          title="Concept weggooien"
          cancelLabel="Bewaren"
          confirmLabel="Weggooien"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            // Awaited here, not in a per-call callback: the card (and this button) leaves the
            // page as soon as the list is fetched again, and a callback of an unmounted
            // component is never called.
            discard.mutateAsync({ caseId, referralId: referral.id, body: undefined }).then(
              () => onDone(`De conceptverwijzing naar ${referral.partnerName} is weggegooid.`),
              () => undefined, // shown by discard.error
            );
          }}
        >
          <Paragraph>
            De conceptverwijzing naar {referral.partnerName} is nog niet verstuurd. Weggooien haalt
            haar weg; op de tijdlijn blijft staan dat er een concept was.
          </Paragraph>
        </ConfirmDialog>
      )}
    </>
  );
}

/** Why sending failed; with missing consent, the way to record it. */
interface SendProblem {
  referral: Referral;
  message: string;
  consentMissing: boolean;
}

/**
 * The case's referrals with their status, history and follow-up date, the wizard for a new
 * one, and sending (which the server refuses without consent covering the data).
 */
export function ReferralsPanel({
  caseId,
  view,
  canWrite,
  caseOpen,
  onDone,
}: {
  caseId: string;
  view: CaseView;
  canWrite: boolean;
  /** Referring and sending happen on open cases; the status can still follow after closing. */
  caseOpen: boolean;
  onDone: (message: string) => void;
}) {
  const referrals = useReferrals(caseId);
  const changeStatus = useChangeReferralStatus();
  const [problem, setProblem] = useState<SendProblem | null>(null);
  // When the wizard closes, its button comes back and gets the focus the wizard had.
  const referButton = useId();
  const shownForm = useRef(view.form);
  useEffect(() => {
    if (shownForm.current === 'referral' && view.form !== 'referral')
      document.getElementById(referButton)?.focus();
    shownForm.current = view.form;
  }, [view.form, referButton]);

  const send = async (referral: Referral, savedMessage?: string) => {
    setProblem(null);
    try {
      await changeStatus.mutateAsync({ caseId, referralId: referral.id, body: { status: 'sent' } });
      onDone(
        referral.mode === 'self'
          ? `Vastgelegd dat de ondernemer zich aanmeldt bij ${referral.partnerName}.`
          : `De verwijzing is verstuurd naar ${referral.partnerName}.`,
      );
    } catch (error) {
      const apiError = error as ApiError;
      if (savedMessage) onDone(`${savedMessage} Versturen is niet gelukt.`);
      setProblem({
        referral,
        message: apiError.message,
        consentMissing: apiError.status === 409 && referral.mode === 'by_us',
      });
    }
  };

  if (referrals.isPending) return <Paragraph>Laden…</Paragraph>;
  if (referrals.error) return <Alert type="error">{referrals.error.message}</Alert>;
  const consentForm = problem ? `consent.${problem.referral.partnerId}` : null;
  return (
    <>
      {problem && (
        <Alert type="error">
          <Paragraph>
            De verwijzing naar {problem.referral.partnerName} is niet verstuurd. {problem.message}
          </Paragraph>
          {problem.consentMissing && canWrite && view.form !== consentForm && (
            <Button appearance="secondary-action" onClick={() => view.openForm(consentForm!)}>
              Toestemming vastleggen voor {problem.referral.partnerName}
            </Button>
          )}
        </Alert>
      )}
      {problem && consentForm && view.form === consentForm && (
        <div className="app-form-panel">
          <RecordConsentForm
            caseId={caseId}
            partnerId={problem.referral.partnerId}
            categories={problem.referral.categories}
            onDone={(message) => {
              setProblem(null);
              onDone(`${message} U kunt de verwijzing nu versturen.`);
            }}
            onCancel={view.closeForm}
          />
        </div>
      )}
      {canWrite &&
        caseOpen &&
        (view.form === 'referral' ? (
          <ReferralWizard
            caseId={caseId}
            onCancel={view.closeForm}
            onSaved={(referral, sendNow) => {
              if (sendNow)
                void send(
                  referral,
                  `De verwijzing naar ${referral.partnerName} is opgeslagen als concept.`,
                );
              else onDone(`De verwijzing naar ${referral.partnerName} is opgeslagen als concept.`);
            }}
          />
        ) : (
          <Button id={referButton} onClick={() => view.openForm('referral')}>
            Verwijzen
          </Button>
        ))}
      {referrals.data.length === 0 ? (
        <Paragraph>Er zijn nog geen verwijzingen.</Paragraph>
      ) : (
        <ul className="app-cards">
          {referrals.data.map((r) => (
            <ReferralCard
              key={r.id}
              caseId={caseId}
              referral={r}
              view={view}
              canWrite={canWrite}
              canSend={caseOpen}
              sending={changeStatus.isPending}
              onSend={(referral) => void send(referral)}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
    </>
  );
}
