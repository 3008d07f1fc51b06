import {
  IMMEDIATE_HELP,
  normaliseResponseCode,
  ONDERNEMERSPLEIN_URL,
  SELF_CHECK_QUESTIONS,
  SignUpSchema,
  type SelfCheck,
  type SignUpAnswer,
} from '@herorientatie/domain';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  postcodeArea,
  useMunicipalityFace,
  usePostcodeLookup,
  useSignUp,
} from '../../api/public.ts';
import { usePublicFace } from './PublicApp.tsx';
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
  const only = found?.status === 'in-region' && found.municipalities.length === 1;
  const chosen = only ? found.municipalities[0]!.code : String(form.values.municipalityCode ?? '');
  const face = useMunicipalityFace(chosen && found?.status === 'in-region' ? chosen : null);
  const { setFace } = usePublicFace();
  useEffect(() => setFace(face.data ?? null), [face.data, setFace]);
  if (!found) return null;
  if (found.status !== 'in-region' || found.municipalities.length === 0) {
    return (
      <Alert type="warning">
        {found.elsewhere.length > 0
          ? `Postcode ${area} hoort bij de gemeente ${found.elsewhere.map((m) => m.name).join(' of ')}. Die gemeente werkt niet met dit formulier.`
          : `Postcodegebied ${area} kennen wij niet. Controleer uw postcode.`}{' '}
        Op <a href={ONDERNEMERSPLEIN_URL}>Ondernemersplein</a> vindt u de hulp voor ondernemers in
        uw eigen gemeente.
      </Alert>
    );
  }
  if (only) {
    return (
      <Paragraph>
        Uw aanmelding gaat naar de gemeente <strong>{found.municipalities[0]!.name}</strong>
        {face.data?.phone ? ` (telefoon ${face.data.phone})` : ''}.
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

/** Help that does not wait: shown when the self-check says the situation is acute. */
function HelpNow() {
  return (
    <section aria-labelledby="help-now-heading" className="app-section app-help-now">
      <Heading level={2} id="help-now-heading">
        Heeft u nu direct hulp nodig?
      </Heading>
      <Paragraph>
        U hoeft niet op ons te wachten. Deze hulp is gratis en meteen bereikbaar:
      </Paragraph>
      <ul>
        {IMMEDIATE_HELP.map((h) => (
          <li key={h.name}>
            <strong>{h.name}</strong>: {h.what.toLowerCase()}. Bel{' '}
            <a href={`tel:${h.phone.replace(/\s/g, '')}`}>{h.phone}</a> of kijk op{' '}
            <a href={h.url}>{h.url.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, '')}</a>.
          </li>
        ))}
        <li>
          Kunt u de huur of hypotheek niet betalen? Vraag de consulent naar de <strong>TONK</strong>{' '}
          (tegemoetkoming in de woonlasten).
        </li>
        <li>
          Heeft u geen geld om van te leven? Vraag naar het <strong>Bbz</strong> (bijstand voor
          zelfstandigen).
        </li>
      </ul>
    </section>
  );
}

function Confirmation({ answer, selfCheck }: { answer: SignUpAnswer; selfCheck: boolean }) {
  const m = answer.municipality;
  const days = answer.promiseDays === 2 ? 'twee' : 'vijf';
  return (
    <>
      <Heading level={1}>Bedankt voor uw aanmelding</Heading>
      <Alert type="ok">{answer.message}</Alert>
      <Paragraph>
        Uw ontvangstnummer is <span className="app-receipt">{answer.receipt}</span>. Noem dit nummer
        als u contact opneemt met de gemeente {m.name}.
      </Paragraph>
      {answer.acute && <HelpNow />}
      <section aria-labelledby="next-heading" className="app-section">
        <Heading level={2} id="next-heading">
          Wat gebeurt er nu?
        </Heading>
        <ol className="app-steps">
          <li>U krijgt een e-mail van de gemeente {m.name} met uw ontvangstnummer.</li>
          <li>
            Binnen {days} werkdagen neemt een consulent van de gemeente {m.name} contact met u op.
            Dat is per telefoon of per e-mail.
          </li>
          <li>
            U maakt een afspraak met een bedrijfsadviseur. Samen kijkt u wat het beste bij u past.
          </li>
        </ol>
        {selfCheck && (
          <Paragraph>De consulent bespreekt uw antwoorden op de korte test met u.</Paragraph>
        )}
        <Paragraph>
          Heeft u nog vragen?{' '}
          {m.phone
            ? `Bel de gemeente ${m.name} op ${m.phone}`
            : `Neem contact op met de gemeente ${m.name}`}
          {m.email ? ` of mail naar ${m.email}` : ''}.
        </Paragraph>
      </section>
    </>
  );
}

export function SignUpPage() {
  const [params] = useSearchParams();
  const code = params.get('campagne')?.trim() ?? '';
  const responseCode = normaliseResponseCode(params.get('code') ?? '');
  const [initial] = useState(() => ({
    // Empty rather than absent: the postcode's own message says what a postcode looks like.
    postcode: '',
    privacyAccepted: false,
    website: '',
    ...(CAMPAIGN_CODE.test(code) ? { campaignCode: code } : {}),
    ...(responseCode
      ? { responseCode: `${responseCode.slice(0, 4)}-${responseCode.slice(4)}` }
      : {}),
  }));
  const form = useForm(SignUpSchema, initial);
  const { face } = usePublicFace();
  const signUp = useSignUp();
  const [done, setDone] = useState<{ answer: SignUpAnswer; selfCheck: boolean } | null>(null);
  usePageTitle(done ? 'Bedankt voor uw aanmelding' : 'Aanmelden voor hulp');
  // The confirmation replaces the form: its heading takes the focus, so it is read out.
  useEffect(() => {
    if (done) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [done]);

  if (done) return <Confirmation {...done} />;

  const onSubmit = form.submit(async (value) => {
    const answer = await signUp.mutateAsync({ body: value });
    form.finish();
    setDone({ answer, selfCheck: value.selfCheck !== undefined });
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
          <TextField
            form={form}
            name="responseCode"
            label="Code uit uw brief"
            autoComplete="off"
            description="Niet verplicht. Heeft u een brief van de gemeente gekregen? Vul dan de code in die erop staat, zoals K7QM-RXP4."
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
          <TextField
            form={form}
            name="houseNumberAddition"
            label="Toevoeging"
            description="Niet verplicht. Bijvoorbeeld A of 2."
          />
        </section>
        <SelfCheckQuestions form={form} />
        <section aria-labelledby="privacy-heading" className="app-section">
          <Heading level={2} id="privacy-heading">
            Uw privacy
          </Heading>
          <Paragraph>
            Wij gebruiken uw gegevens alleen om u te helpen. Lees hoe in de{' '}
            <Link
              to={face ? `/privacy?gemeente=${face.code}` : '/privacy'}
              target="_blank"
              rel="noopener"
            >
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
