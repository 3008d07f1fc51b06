import {
  DATA_CATEGORY_LABELS,
  ReferralInputSchema,
  ROUTE_TYPE_LABELS,
  type Partner,
  type Referral,
} from '@herorientatie/domain';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useRoutes } from '../../api/cases.ts';
import { useConsents, useCreateReferral, usePartners } from '../../api/referrals.ts';
import {
  CheckboxGroup,
  ErrorSummary,
  RadioGroup,
  SelectField,
  SubmitBar,
  TextArea,
  TextField,
} from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { useForm } from '../../forms/use-form.ts';
import {
  consentedCategories,
  daysAfter,
  missingCategories,
  preselectedCategories,
  validConsents,
} from '../referrals/referral-helpers.ts';
import { CARD_KEEPS_ON } from './case-view.ts';
import { categoryList, ConsentCard, RecordConsentForm } from './consents.tsx';
import { today } from './forms.tsx';

export const MODE_LABELS: Record<Referral['mode'], string> = {
  by_us: 'Wij melden de ondernemer aan, met toestemming',
  self: 'De ondernemer meldt zich zelf aan',
};

const ChoiceSchema = ReferralInputSchema.pick({ partnerId: true, mode: true });
type Choice = { partnerId: string; mode: Referral['mode'] };
type Step = 'partner' | 'consent' | 'details';
const STEP_TITLES: Record<Step, string> = {
  partner: 'Partner en aanmelding',
  consent: 'Toestemming',
  details: 'Gegevens en opvolging',
};

/**
 * A step's heading takes the focus when the step appears (the button that opened the
 * wizard is gone), so keyboard and screen reader users start at the step.
 */
function StepHeading({ step, steps }: { step: Step; steps: Step[] }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [step]);
  return (
    <h3 ref={ref} tabIndex={-1} className="utrecht-heading-3 app-wizard-step">
      Verwijzen, stap {steps.indexOf(step) + 1} van {steps.length}: {STEP_TITLES[step]}
    </h3>
  );
}

function PartnerStep({
  partners,
  choice,
  onNext,
  onCancel,
}: {
  partners: Partner[];
  choice: Partial<Choice>;
  onNext: (choice: Choice) => void;
  onCancel: () => void;
}) {
  const form = useForm(ChoiceSchema, choice);
  const chosen = partners.find((p) => p.id === form.values.partnerId);
  return (
    <form noValidate onSubmit={form.submit(async (value) => onNext(value))}>
      <ErrorSummary form={form} />
      <RadioGroup
        form={form}
        name="partnerId"
        label="Naar welke partner verwijst u? *"
        options={Object.fromEntries(partners.map((p) => [p.id, p.name]))}
      />
      {chosen && (
        <Paragraph>
          {chosen.name}: {chosen.services} Contact: {chosen.contactChannel}.
          {chosen.requiredCategories.length > 0 &&
            ` Heeft nodig: ${categoryList(chosen.requiredCategories).toLowerCase()}.`}
        </Paragraph>
      )}
      <RadioGroup form={form} name="mode" label="Wie doet de aanmelding? *" options={MODE_LABELS} />
      <SubmitBar busy={false} label="Volgende" onCancel={onCancel} />
    </form>
  );
}

function ConsentStep({
  caseId,
  partner,
  onBack,
  onNext,
}: {
  caseId: string;
  partner: Partner;
  onBack: () => void;
  onNext: () => void;
}) {
  const consents = useConsents(caseId);
  const [recording, setRecording] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);
  if (consents.isPending) return <Paragraph>Laden…</Paragraph>;
  if (consents.error) return <Alert type="error">{consents.error.message}</Alert>;
  const valid = validConsents(consents.data, partner.id);
  const missing = missingCategories(partner, consents.data, partner.id);
  const showForm = recording ?? valid.length === 0;
  return (
    <>
      <div aria-live="polite">{notice && <Alert type="ok">{notice}</Alert>}</div>
      {problem && valid.length === 0 && (
        <Alert type="error">
          Zonder geldige toestemming kunt u geen gegevens delen. Leg de toestemming vast, of ga
          terug en kies dat de ondernemer zich zelf aanmeldt.
        </Alert>
      )}
      {valid.length === 0 ? (
        <Paragraph>
          Er is nog geen geldige toestemming om gegevens met {partner.name} te delen. Leg die eerst
          vast.
        </Paragraph>
      ) : (
        <>
          <Paragraph>Geldige toestemming voor {partner.name}:</Paragraph>
          <ul className="app-cards">
            {valid.map((c) => (
              <ConsentCard key={c.id} caseId={caseId} consent={c} />
            ))}
          </ul>
          {missing.length > 0 && (
            <Alert type="warning">
              {partner.name} vraagt ook om: {categoryList(missing).toLowerCase()}. Daarvoor is nog
              geen toestemming.
            </Alert>
          )}
        </>
      )}
      {showForm ? (
        <div className="app-form-panel">
          <RecordConsentForm
            caseId={caseId}
            partnerId={partner.id}
            categories={missing.length > 0 ? missing : partner.requiredCategories}
            headingLevel={3}
            onDone={(message) => {
              setRecording(false);
              setNotice(message);
            }}
            onCancel={() => setRecording(false)}
          />
        </div>
      ) : (
        <Button appearance="secondary-action" onClick={() => setRecording(true)}>
          Nieuwe toestemming vastleggen
        </Button>
      )}
      <div className="utrecht-button-group app-submit-bar">
        <Button
          onClick={() => {
            if (valid.length > 0) onNext();
            else setProblem(true);
          }}
        >
          Volgende
        </Button>
        <Button appearance="secondary-action" onClick={onBack}>
          Vorige stap
        </Button>
      </div>
    </>
  );
}

function DetailsStep({
  caseId,
  partner,
  mode,
  onBack,
  onSaved,
  onCancel,
}: {
  caseId: string;
  partner: Partner;
  mode: Referral['mode'];
  onBack: () => void;
  onSaved: (referral: Referral, send: boolean) => void;
  onCancel: () => void;
}) {
  const consents = useConsents(caseId);
  const routes = useRoutes(caseId);
  // A running route of the case this partner serves, to link the referral to.
  const partnerRoutes = (routes.data ?? []).filter(
    (r) => r.status === 'active' && partner.routes.includes(r.type),
  );
  const [sendNow, setSendNow] = useState(true);
  const consented = consentedCategories(consents.data ?? [], partner.id);
  const byUs = mode === 'by_us';
  return (
    <ActionForm
      draft={[caseId, `referral.${partner.id}.${mode}`]}
      mutation={useCreateReferral()}
      params={{ caseId }}
      initial={{
        partnerId: partner.id,
        mode,
        categories: byUs ? preselectedCategories(partner, consents.data ?? [], partner.id) : [],
        followUpOn: daysAfter(today(), 14),
      }}
      keepsOn={CARD_KEEPS_ON}
      intro={
        <Button appearance="subtle" onClick={onBack}>
          Vorige stap
        </Button>
      }
      submitLabel={
        byUs
          ? sendNow
            ? 'Opslaan en versturen'
            : 'Opslaan als concept'
          : 'Zelfaanmelding vastleggen'
      }
      success={
        byUs
          ? `De verwijzing naar ${partner.name} is opgeslagen.`
          : `Vastgelegd dat de ondernemer zich zelf aanmeldt bij ${partner.name}.`
      }
      onDone={(_message, referral) => onSaved(referral, !byUs || sendNow)}
      onCancel={onCancel}
    >
      {(form) => (
        <>
          {byUs ? (
            <CheckboxGroup
              form={form}
              name="categories"
              label={`Welke gegevens krijgt ${partner.name}? *`}
              options={Object.fromEntries(consented.map((c) => [c, DATA_CATEGORY_LABELS[c]]))}
            />
          ) : (
            <Paragraph>
              Er gaan geen gegevens naar {partner.name}: de ondernemer meldt zich zelf aan. U volgt
              op of dat gelukt is.
            </Paragraph>
          )}
          {partnerRoutes.length > 0 && (
            <SelectField
              form={form}
              name="routeId"
              label="Hoort bij de route"
              placeholder="Bij geen route"
              options={Object.fromEntries(
                partnerRoutes.map((r) => [
                  r.id,
                  `${ROUTE_TYPE_LABELS[r.type]}, gestart ${formatDate(r.startDate)}`,
                ]),
              )}
            />
          )}
          <TextField
            form={form}
            name="followUpOn"
            label="Opvolgen op *"
            type="date"
            description="Wanneer u nagaat hoe het staat. Daarna komt de verwijzing op de lijst zonder voortgang."
          />
          <TextArea form={form} name="note" label="Toelichting voor de partner en het dossier" />
          {byUs && (
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id={`send-now-${partner.id}`}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={sendNow}
                onChange={(event) => setSendNow(event.target.checked)}
              />
              <label
                className="utrecht-form-label utrecht-form-label--checkbox"
                htmlFor={`send-now-${partner.id}`}
              >
                Direct versturen naar {partner.name}
              </label>
            </div>
          )}
        </>
      )}
    </ActionForm>
  );
}

/**
 * A referral in steps: the partner and who registers, the consent (shown, or recorded
 * here), then which data and when to follow up. Saving makes a draft; sending follows
 * at once unless the caseworker keeps it as a draft.
 */
export function ReferralWizard({
  caseId,
  onSaved,
  onCancel,
}: {
  caseId: string;
  onSaved: (referral: Referral, send: boolean) => void;
  onCancel: () => void;
}): ReactNode {
  const partners = usePartners();
  const [choice, setChoice] = useState<Partial<Choice>>({ mode: 'by_us' });
  const [step, setStep] = useState<Step>('partner');
  if (partners.isPending) return <Paragraph>Laden…</Paragraph>;
  if (partners.error) return <Alert type="error">{partners.error.message}</Alert>;
  const partner = partners.data.find((p) => p.id === choice.partnerId);
  const steps: Step[] =
    choice.mode === 'self' ? ['partner', 'details'] : ['partner', 'consent', 'details'];
  return (
    <section aria-label="Verwijzen" className="app-form-panel">
      <StepHeading step={step} steps={steps} />
      {step === 'partner' || !partner ? (
        <PartnerStep
          partners={partners.data}
          choice={choice}
          onCancel={onCancel}
          onNext={(next) => {
            setChoice(next);
            setStep(next.mode === 'self' ? 'details' : 'consent');
          }}
        />
      ) : step === 'consent' ? (
        <ConsentStep
          caseId={caseId}
          partner={partner}
          onBack={() => setStep('partner')}
          onNext={() => setStep('details')}
        />
      ) : (
        <DetailsStep
          caseId={caseId}
          partner={partner}
          mode={choice.mode ?? 'by_us'}
          onBack={() => setStep(choice.mode === 'self' ? 'partner' : 'consent')}
          onSaved={onSaved}
          onCancel={onCancel}
        />
      )}
    </section>
  );
}
