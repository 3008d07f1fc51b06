import { DATA_CATEGORY_LABELS, type Consent, type DataCategory } from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
import { useAttachments } from '../../api/cases.ts';
import {
  usePartners,
  useConsents,
  useRecordConsent,
  useWithdrawConsent,
} from '../../api/referrals.ts';
import { Dialog } from '../../components/Dialog.tsx';
import {
  CheckboxGroup,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/form.tsx';
import { formatDate, formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { CARD_KEEPS_ON, type CaseView } from './case-view.ts';
import { DataList } from './data-list.tsx';
import { today } from './forms.tsx';
import '../referrals/referrals.css';

export const GIVEN_HOW_LABELS: Record<Consent['givenHow'], string> = {
  in_conversation: 'Mondeling, in het gesprek',
  signed_form: 'Met een ondertekend formulier',
};

export const categoryList = (categories: readonly DataCategory[]) =>
  categories.map((c) => DATA_CATEGORY_LABELS[c]).join('; ');

/**
 * Records consent for one partner (fixed when the wizard asks for it) or a partner to
 * choose. A signed form is picked from the case's documents.
 */
export function RecordConsentForm({
  caseId,
  partnerId,
  categories = [],
  headingLevel = 3,
  onDone,
  onCancel,
}: {
  caseId: string;
  partnerId?: string;
  categories?: DataCategory[];
  headingLevel?: 2 | 3;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const partners = usePartners();
  const documents = useAttachments(caseId);
  const partnerName = partners.data?.find((p) => p.id === partnerId)?.name;
  return (
    <ActionForm
      draft={[caseId, `consent.${partnerId ?? 'any'}`]}
      mutation={useRecordConsent()}
      params={{ caseId }}
      initial={{ partnerId, categories, givenHow: 'in_conversation', givenOn: today() }}
      keepsOn={CARD_KEEPS_ON}
      title={partnerName ? `Toestemming vastleggen voor ${partnerName}` : 'Toestemming vastleggen'}
      headingLevel={headingLevel}
      intro={
        <Paragraph>
          Leg vast welke gegevens de ondernemer met de partner laat delen. Alleen deze gegevens gaan
          mee met een verwijzing; de ondernemer kan de toestemming altijd intrekken.
        </Paragraph>
      }
      submitLabel="Toestemming vastleggen"
      success="De toestemming is vastgelegd."
      onDone={onDone}
      onCancel={onCancel}
    >
      {(form) => (
        <>
          {!partnerId && (
            <SelectField
              form={form}
              name="partnerId"
              label="Partnerorganisatie *"
              options={Object.fromEntries((partners.data ?? []).map((p) => [p.id, p.name]))}
            />
          )}
          <CheckboxGroup
            form={form}
            name="categories"
            label="Welke gegevens mogen worden gedeeld? *"
            options={DATA_CATEGORY_LABELS}
          />
          <RadioGroup
            form={form}
            name="givenHow"
            label="Hoe is de toestemming gegeven? *"
            options={GIVEN_HOW_LABELS}
          />
          <TextField form={form} name="givenOn" label="Datum van de toestemming *" type="date" />
          {form.values.givenHow === 'signed_form' && (
            <SelectField
              form={form}
              name="documentId"
              label="Ondertekend formulier *"
              description="Voeg het formulier eerst toe bij Documenten als het er nog niet staat."
              placeholder={
                documents.data?.length === 0 ? 'Dit dossier heeft nog geen documenten' : undefined
              }
              options={Object.fromEntries((documents.data ?? []).map((d) => [d.id, d.filename]))}
            />
          )}
          <TextArea form={form} name="note" label="Toelichting" />
        </>
      )}
    </ActionForm>
  );
}

function WithdrawConsentDialog({
  caseId,
  consent,
  onDone,
  onCancel,
}: {
  caseId: string;
  consent: Consent;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={`Toestemming voor ${consent.partnerName} intrekken`} onClose={onCancel}>
      <ActionForm
        draft={[caseId, `withdrawConsent.${consent.id}`]}
        mutation={useWithdrawConsent()}
        params={{ caseId, consentId: consent.id }}
        initial={{}}
        intro={
          <Paragraph>
            Na het intrekken worden er geen gegevens meer met {consent.partnerName} gedeeld. Wat al
            is gedeeld, blijft bij de partner. De reden komt op de tijdlijn.
          </Paragraph>
        }
        submitLabel="Toestemming intrekken"
        success={`De toestemming voor ${consent.partnerName} is ingetrokken.`}
        onDone={onDone}
        onCancel={onCancel}
      >
        {(form) => <TextArea form={form} name="reason" label="Reden van intrekken *" />}
      </ActionForm>
    </Dialog>
  );
}

/** One consent as a card: what, how, when, and whether it still holds. */
export function ConsentCard({
  caseId,
  consent,
  action,
}: {
  caseId: string;
  consent: Consent;
  action?: ReactNode;
}) {
  const withdrawn = consent.withdrawnAt !== null;
  return (
    <li className={`app-card${withdrawn ? ' app-card--inactive' : ''}`}>
      <strong>{consent.partnerName}</strong>{' '}
      <span className={`app-tag app-tag--${withdrawn ? 'inactive' : 'ok'}`}>
        {withdrawn ? 'Ingetrokken' : 'Geldig'}
      </span>
      <DataList
        rows={[
          ['Gegevens', categoryList(consent.categories)],
          ['Gegeven', `${GIVEN_HOW_LABELS[consent.givenHow]}, ${formatDate(consent.givenOn)}`],
          [
            'Formulier',
            consent.documentId ? (
              <a
                className="utrecht-link"
                href={`/api/v1/cases/${caseId}/attachments/${consent.documentId}/content`}
              >
                Ondertekend formulier
              </a>
            ) : null,
          ],
          ['Vastgelegd door', consent.recordedByName],
          ...(withdrawn
            ? ([
                ['Ingetrokken op', formatDateTime(consent.withdrawnAt)],
                ['Reden', consent.withdrawnReason],
              ] as [string, string | null][])
            : []),
        ]}
      />
      {action}
    </li>
  );
}

/** The entrepreneur's consents: the valid ones first, then the withdrawn ones. */
export function ConsentsPanel({
  caseId,
  view,
  canWrite,
  onDone,
}: {
  caseId: string;
  view: CaseView;
  canWrite: boolean;
  /** Not needed: consent can be recorded and withdrawn on a closed case too. */
  caseOpen?: boolean;
  onDone: (message: string) => void;
}) {
  const consents = useConsents(caseId);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  if (consents.isPending) return <Paragraph>Laden…</Paragraph>;
  if (consents.error) return <Alert type="error">{consents.error.message}</Alert>;
  const valid = consents.data.filter((c) => c.withdrawnAt === null);
  const withdrawn = consents.data.filter((c) => c.withdrawnAt !== null);
  return (
    <>
      {withdrawing && (
        <WithdrawConsentDialog
          caseId={caseId}
          consent={withdrawing}
          onCancel={() => setWithdrawing(null)}
          onDone={(message) => {
            setWithdrawing(null);
            onDone(message);
          }}
        />
      )}
      {canWrite &&
        (view.form === 'consent' ? (
          <div className="app-form-panel">
            <RecordConsentForm caseId={caseId} onDone={onDone} onCancel={view.closeForm} />
          </div>
        ) : (
          <Button appearance="secondary-action" onClick={() => view.openForm('consent')}>
            Toestemming vastleggen
          </Button>
        ))}
      <Heading level={3}>Geldige toestemmingen</Heading>
      {valid.length === 0 ? (
        <Paragraph>
          De ondernemer heeft nog geen toestemming gegeven om gegevens te delen.
        </Paragraph>
      ) : (
        <ul className="app-cards">
          {valid.map((c) => (
            <ConsentCard
              key={c.id}
              caseId={caseId}
              consent={c}
              action={
                canWrite && (
                  <Button
                    appearance="secondary-action"
                    aria-haspopup="dialog"
                    onClick={() => setWithdrawing(c)}
                  >
                    Intrekken
                    <span className="app-visually-hidden">: toestemming voor {c.partnerName}</span>
                  </Button>
                )
              }
            />
          ))}
        </ul>
      )}
      {withdrawn.length > 0 && (
        <>
          <Heading level={3}>Ingetrokken toestemmingen</Heading>
          <ul className="app-cards">
            {withdrawn.map((c) => (
              <ConsentCard key={c.id} caseId={caseId} consent={c} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
