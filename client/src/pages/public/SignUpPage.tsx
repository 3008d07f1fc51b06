import { SELF_CHECK_QUESTIONS, SignUpSchema, type SelfCheck } from '@herorientatie/domain';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { postcodeArea, usePostcodeLookup, useSignUp } from '../../api/public.ts';
import { CheckboxField, ErrorSummary, RadioGroup, TextField } from '../../components/form.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { useForm, type FormApi } from '../../forms/use-form.ts';
import { usePageTitle } from '../../page-focus.ts';

/** A campaign code as the links carry it; anything else is ignored rather than refused. */
const CAMPAIGN_CODE = /^[A-Za-z0-9-]{6,20}$/;

const QUESTION_KEYS = Object.keys(SELF_CHECK_QUESTIONS) as (keyof SelfCheck)[];

/** Where the postcode leads: the municipality, a choice between two, or outside the region. */
function Municipality({ form }: { form: FormApi }) {
  const area = postcodeArea(String(form.values.postcode ?? ''));
  const lookup = usePostcodeLookup(area);
  const found = area ? lookup.data : undefined;
  if (!found) return null;
  if (found.status !== 'in-region' || found.municipalities.length === 0) {
    return (
      <Alert type="warning">
        Deze postcode hoort niet bij een gemeente die met dit formulier werkt. Neem contact op met
        uw eigen gemeente. Die helpt u verder.
      </Alert>
    );
  }
  if (found.municipalities.length === 1) {
    return (
      <Paragraph>
        Uw aanmelding gaat naar de gemeente <strong>{found.municipalities[0]!.name}</strong>.
      </Paragraph>
    );
  }
  return (
    <RadioGroup
      form={form}
      name="municipalityCode"
      label="In welke gemeente woont u? *"
      description={`Uw postcode hoort bij ${found.municipalities.map((m) => m.name).join(' en ')}.`}
      options={Object.fromEntries(found.municipalities.map((m) => [m.code, m.name]))}
    />
  );
}

/** The five questions of the self-check, shown only when the person wants to answer them. */
function SelfCheckQuestions({ form }: { form: FormApi }) {
  const answering = form.values.selfCheck !== undefined;
  return (
    <section aria-labelledby="self-check-heading" className="app-section">
      <Heading level={2} id="self-check-heading">
        Korte test (niet verplicht)
      </Heading>
      <Paragraph>
        Wilt u vijf korte vragen beantwoorden? Dan kan de consulent het eerste gesprek beter
        voorbereiden. U kunt dit ook overslaan.
      </Paragraph>
      <div className="utrecht-form-field utrecht-form-field--checkbox">
        <input
          type="checkbox"
          id="self-check-toggle"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          aria-controls="self-check-questions"
          aria-expanded={answering}
          checked={answering}
          onChange={(event) => form.set('selfCheck', event.target.checked ? {} : undefined)}
        />
        <label
          className="utrecht-form-label utrecht-form-label--checkbox"
          htmlFor="self-check-toggle"
        >
          Ja, ik beantwoord de vijf vragen
        </label>
      </div>
      <div id="self-check-questions">
        {answering &&
          QUESTION_KEYS.map((key, index) => (
            <RadioGroup
              key={key}
              form={form}
              name={`selfCheck.${key}`}
              label={`Vraag ${index + 1} van 5: ${SELF_CHECK_QUESTIONS[key].question}`}
              options={SELF_CHECK_QUESTIONS[key].answers}
            />
          ))}
      </div>
    </section>
  );
}

function Confirmation({ message, selfCheck }: { message: string; selfCheck: boolean }) {
  return (
    <>
      <Heading level={1}>Bedankt voor uw aanmelding</Heading>
      <Alert type="ok">{message}</Alert>
      <section aria-labelledby="next-heading" className="app-section">
        <Heading level={2} id="next-heading">
          Wat gebeurt er nu?
        </Heading>
        <ol className="app-steps">
          <li>U krijgt een e-mail dat wij uw aanmelding hebben ontvangen.</li>
          <li>
            Binnen vijf werkdagen neemt een consulent van uw gemeente contact met u op. Dat is per
            telefoon of per e-mail.
          </li>
          <li>
            U maakt een afspraak met een bedrijfsadviseur. Samen kijkt u wat het beste bij u past.
          </li>
        </ol>
        {selfCheck && (
          <Paragraph>De consulent bespreekt uw antwoorden op de korte test met u.</Paragraph>
        )}
        <Paragraph>
          Heeft u nog vragen? Beantwoord dan de e-mail die u krijgt, of bel uw gemeente.
        </Paragraph>
      </section>
    </>
  );
}

export function SignUpPage() {
  const [params] = useSearchParams();
  const code = params.get('campagne')?.trim() ?? '';
  const [initial] = useState(() => ({
    // Empty rather than absent: the postcode's own message says what a postcode looks like.
    postcode: '',
    privacyAccepted: false,
    website: '',
    ...(CAMPAIGN_CODE.test(code) ? { campaignCode: code } : {}),
  }));
  const form = useForm(SignUpSchema, initial);
  const signUp = useSignUp();
  const [done, setDone] = useState<{ message: string; selfCheck: boolean } | null>(null);
  usePageTitle(done ? 'Bedankt voor uw aanmelding' : 'Aanmelden voor hulp');
  // The confirmation replaces the form: its heading takes the focus, so it is read out.
  useEffect(() => {
    if (done) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [done]);

  if (done) return <Confirmation {...done} />;

  const onSubmit = form.submit(async (value) => {
    const answer = await signUp.mutateAsync({ body: value });
    form.finish();
    setDone({ message: answer.message, selfCheck: value.selfCheck !== undefined });
  });

  return (
    <>
      <Heading level={1}>Aanmelden voor hulp</Heading>
      <Paragraph lead>
        Heeft u een eigen bedrijf en gaat het minder goed sinds corona? Uw gemeente helpt u graag.
      </Paragraph>
      <Paragraph>
        Samen met een bedrijfsadviseur kijkt u wat het beste bij u past: doorgaan met uw bedrijf,
        geldzorgen oplossen, of (ook) werken in loondienst. De hulp is gratis. Aanmelden duurt
        ongeveer vijf minuten.
      </Paragraph>
      <form onSubmit={onSubmit} noValidate className="app-public-form">
        <ErrorSummary form={form} />
        <Paragraph>Vragen met een * moet u invullen.</Paragraph>
        <section aria-labelledby="you-heading" className="app-section">
          <Heading level={2} id="you-heading">
            Uw gegevens
          </Heading>
          <TextField form={form} name="name" label="Uw naam *" autoComplete="name" />
          <TextField
            form={form}
            name="businessName"
            label="Naam van uw bedrijf *"
            autoComplete="organization"
          />
          <TextField
            form={form}
            name="email"
            label="E-mailadres *"
            type="email"
            autoComplete="email"
            description="U krijgt een bevestiging op dit adres."
          />
          <TextField
            form={form}
            name="phone"
            label="Telefoonnummer"
            type="tel"
            autoComplete="tel"
            description="Niet verplicht. Dan kunnen wij u ook bellen."
          />
          <TextField
            form={form}
            name="kvkNumber"
            label="KvK-nummer"
            description="Niet verplicht. Het nummer heeft 8 cijfers."
          />
        </section>
        <section aria-labelledby="where-heading" className="app-section">
          <Heading level={2} id="where-heading">
            Waar woont u?
          </Heading>
          <Paragraph>Uw postcode bepaalt welke gemeente u helpt.</Paragraph>
          <TextField
            form={form}
            name="postcode"
            label="Postcode *"
            autoComplete="postal-code"
            description="Bijvoorbeeld 6602 BK"
          />
          <div aria-live="polite">
            <Municipality form={form} />
          </div>
          <TextField
            form={form}
            name="houseNumber"
            label="Huisnummer"
            description="Niet verplicht"
          />
        </section>
        <SelfCheckQuestions form={form} />
        <section aria-labelledby="privacy-heading" className="app-section">
          <Heading level={2} id="privacy-heading">
            Uw privacy
          </Heading>
          <Paragraph>
            Wij gebruiken uw gegevens alleen om u te helpen. Lees hoe in de{' '}
            <Link to="/privacy" target="_blank" rel="noopener">
              privacyverklaring (opent in een nieuw tabblad)
            </Link>
            .
          </Paragraph>
          <CheckboxField
            form={form}
            name="privacyAccepted"
            label="Ik heb de privacyverklaring gelezen *"
          />
        </section>
        {/* Hidden from people (and from screen readers); robots fill it in. */}
        <div className="app-honeypot" aria-hidden="true">
          <label htmlFor="field-website">Laat dit veld leeg</label>
          <input
            id="field-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={String(form.values.website ?? '')}
            onChange={(event) => form.set('website', event.target.value)}
          />
        </div>
        <div className="utrecht-button-group app-submit-bar">
          <Button type="submit" disabled={signUp.isPending} aria-busy={signUp.isPending}>
            {signUp.isPending ? 'Bezig met versturen…' : 'Aanmelding versturen'}
          </Button>
        </div>
      </form>
    </>
  );
}
