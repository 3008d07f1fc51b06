import {
  DATA_CATEGORY_LABELS,
  NOT_REALISED_LABELS,
  REFERRAL_STATUS_LABELS,
  type Me,
  type PartnerReferral,
  type ReferralStatus,
} from '@herorientatie/domain';
import { useState } from 'react';
import { usePartnerReferrals, usePartnerReferralStatus } from '../../api/referrals.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextArea } from '../../components/form.tsx';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { DataList } from '../case/data-list.tsx';
import { nextStatuses } from '../referrals/referral-helpers.ts';
import '../referrals/referrals.css';

/** What a partner does next, as the button says it. */
const PARTNER_STEPS: Partial<Record<ReferralStatus, string>> = {
  received: 'Ontvangst bevestigen',
  started: 'Begeleiding gestart',
  completed: 'Afgerond',
};

const GROUPS: { title: string; statuses: ReferralStatus[]; empty: string }[] = [
  { title: 'Nieuw', statuses: ['sent'], empty: 'Er zijn geen nieuwe verwijzingen.' },
  { title: 'Lopend', statuses: ['received', 'started'], empty: 'Er lopen geen verwijzingen.' },
  {
    title: 'Afgesloten',
    statuses: ['completed', 'not_realised'],
    empty: 'Er zijn geen afgesloten verwijzingen.',
  },
];

/** The server names shared fields in lower case ("naam", "KvK-nummer"); a label starts upper case. */
const capitalised = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

const titleOf = (r: PartnerReferral) =>
  `${r.sharedData['naam'] ?? 'Ondernemer'}, gemeente ${r.municipalityName}`;

function NotRealisedDialog({
  referral,
  onDone,
  onCancel,
}: {
  referral: PartnerReferral;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={`Niet gerealiseerd: ${titleOf(referral)}`} onClose={onCancel}>
      <ActionForm
        draft={[referral.id, 'notRealised']}
        mutation={usePartnerReferralStatus()}
        params={{ referralId: referral.id }}
        initial={{ status: 'not_realised' }}
        intro={<Paragraph>De gemeente ziet de reden en uw toelichting bij het dossier.</Paragraph>}
        submitLabel="Vastleggen"
        success={`De verwijzing van ${titleOf(referral)} is vastgelegd als niet gerealiseerd.`}
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => (
          <>
            <SelectField
              form={form}
              name="reason"
              label="Waarom ging de verwijzing niet door? *"
              options={NOT_REALISED_LABELS}
            />
            <TextArea form={form} name="note" label="Toelichting" />
          </>
        )}
      </ActionForm>
    </Dialog>
  );
}

function ReferralCard({
  referral,
  busy,
  onStep,
  onReject,
}: {
  referral: PartnerReferral;
  busy: boolean;
  onStep: (status: ReferralStatus) => void;
  onReject: () => void;
}) {
  const next = nextStatuses(referral.status);
  const shared = Object.entries(referral.sharedData);
  return (
    <li className="app-card">
      <Heading level={3}>{titleOf(referral)}</Heading>
      <span className="app-tag app-tag--status">{REFERRAL_STATUS_LABELS[referral.status]}</span>
      <DataList
        rows={[
          ['Verstuurd op', formatDateTime(referral.sentAt)],
          [
            'Toestemming voor',
            referral.categories.map((c) => DATA_CATEGORY_LABELS[c]).join('; ') ||
              'Geen gegevens: de ondernemer meldt zich zelf aan',
          ],
          ...shared.map(([key, value]) => [capitalised(key), value] as [string, string | null]),
          ['Toelichting van de gemeente', referral.note],
        ]}
      />
      {next.length > 0 && (
        <div className="utrecht-button-group">
          {next
            .filter((s) => PARTNER_STEPS[s])
            .map((s) => (
              <Button key={s} onClick={() => onStep(s)} disabled={busy}>
                {PARTNER_STEPS[s]}
                <span className="app-visually-hidden">: {titleOf(referral)}</span>
              </Button>
            ))}
          {next.includes('not_realised') && (
            <Button appearance="secondary-action" aria-haspopup="dialog" onClick={onReject}>
              Niet gerealiseerd
              <span className="app-visually-hidden">: {titleOf(referral)}</span>
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * The partner portal (its page title is set by the start page that shows it): the referrals addressed to the partner's organisation, with only the
 * data the entrepreneur consented to, and the steps the partner takes.
 */
export function PartnerHomePage({ me }: { me: Me }) {
  const referrals = usePartnerReferrals();
  const change = usePartnerReferralStatus();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<PartnerReferral | null>(null);

  const step = async (referral: PartnerReferral, status: ReferralStatus) => {
    setMessage(null);
    setError(null);
    try {
      await change.mutateAsync({ referralId: referral.id, body: { status } });
      setMessage(
        `De verwijzing van ${titleOf(referral)} staat nu op "${REFERRAL_STATUS_LABELS[status]}".`,
      );
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <>
      <Heading level={1}>Welkom, {me.name}</Heading>
      <Paragraph lead>
        Hier staan de verwijzingen naar uw organisatie. U ziet alleen de gegevens waarvoor de
        ondernemer toestemming gaf. Laat de gemeente weten wanneer u de verwijzing ontvangt, de
        begeleiding start en afrondt, of waarom die niet doorgaat.
      </Paragraph>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {error && <Alert type="error">{error}</Alert>}
      {rejecting && (
        <NotRealisedDialog
          referral={rejecting}
          onCancel={() => setRejecting(null)}
          onDone={(text) => {
            setRejecting(null);
            setMessage(text);
          }}
        />
      )}
      {referrals.isPending ? (
        <Paragraph>Laden…</Paragraph>
      ) : referrals.error ? (
        <Alert type="error">{referrals.error.message}</Alert>
      ) : (
        GROUPS.map((group) => {
          const list = referrals.data.filter((r) => group.statuses.includes(r.status));
          return (
            <section
              key={group.title}
              aria-labelledby={`partner-${group.statuses[0]}`}
              className="app-section"
            >
              <Heading level={2} id={`partner-${group.statuses[0]}`}>
                {group.title} ({list.length})
              </Heading>
              {list.length === 0 ? (
                <Paragraph>{group.empty}</Paragraph>
              ) : (
                <ul className="app-cards">
                  {list.map((r) => (
                    <ReferralCard
                      key={r.id}
                      referral={r}
                      busy={change.isPending}
                      onStep={(status) => void step(r, status)}
                      onReject={() => setRejecting(r)}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </>
  );
}
