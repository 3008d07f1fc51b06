import {
  CASE_SOURCE_LABELS,
  can,
  normalisePostcode,
  OTHER_SUPPORT_LABELS,
  URGENCY_LABELS,
  type Me,
} from '@herorientatie/domain';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  useEntrepreneurSearch,
  usePossibleDuplicates,
  useRegisterCase,
  useStaff,
} from '../api/cases.ts';
import { EntrepreneurFields } from '../components/EntrepreneurFields.tsx';
import { SelectField, TextField } from '../components/form.tsx';
import { Alert, Button, Heading, Paragraph } from '../components/ui.tsx';
import { ActionForm } from '../forms/ActionForm.tsx';
import type { FormApi } from '../forms/use-form.ts';
import { usePageTitle } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { useDebounced } from '../useDebounced.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const NEW_ENTREPRENEUR = { legalForm: 'eenmanszaak', partnerIncome: 'unknown', tozoPeriods: [] };

/** Looks up a known entrepreneur; choosing one replaces the fields for a new one. */
function EntrepreneurChoice({ form }: { form: FormApi }) {
  const [search, setSearch] = useState('');
  // Each search is an audited read of personal data: search on a pause, not on every key.
  const found = useEntrepreneurSearch(useDebounced(search.trim()));
  // The label is kept with the values (and so in a draft); the schema drops it when sending.
  const chosen = form.values.existingLabel as string | undefined;
  const choose = (id: string, label: string) =>
    form.setValues((v) => ({
      ...v,
      entrepreneurId: id,
      existingLabel: label,
      entrepreneur: undefined,
    }));
  const clear = () =>
    form.setValues((v) => ({
      ...v,
      entrepreneurId: undefined,
      existingLabel: undefined,
      entrepreneur: NEW_ENTREPRENEUR,
    }));
  if (form.values.entrepreneurId) {
    return (
      <Paragraph>
        Bestaande ondernemer: <strong>{chosen ?? 'gekozen'}</strong>{' '}
        <Button appearance="subtle" onClick={clear}>
          Andere ondernemer
        </Button>
      </Paragraph>
    );
  }
  return (
    <>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="existing-search">
          Al bekend? Zoek op naam of KvK-nummer
        </label>
        <input
          id="existing-search"
          type="search"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {search.length >= 2 && found.data && found.data.length > 0 && (
        <ul className="app-search-results">
          {found.data.map((e) => (
            <li key={e.id}>
              <Button
                appearance="subtle"
                onClick={() => choose(e.id, `${e.name} (${e.businessName})`)}
              >
                {e.name} – {e.businessName}
                {e.kvkNumber ? ` – KvK ${e.kvkNumber}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <EntrepreneurFields
        form={form}
        prefix="entrepreneur."
        bsnDescription="Optioneel; 9 cijfers"
      />
      <DuplicateWarning form={form} onChoose={choose} />
    </>
  );
}

/**
 * Before a new entrepreneur is saved: someone at the same postcode with a similar name may
 * already be known. Saving stays possible (two people can share a name and an address).
 */
function DuplicateWarning({
  form,
  onChoose,
}: {
  form: FormApi;
  onChoose: (id: string, label: string) => void;
}) {
  const entered = (form.values.entrepreneur ?? {}) as { name?: string; postcode?: string };
  const name = useDebounced((entered.name ?? '').trim(), 500);
  const postcode = useDebounced(normalisePostcode(entered.postcode ?? ''), 500);
  const found = usePossibleDuplicates(name, postcode);
  if (!found.data || found.data.length === 0) return null;
  return (
    <Alert type="warning">
      <Paragraph>
        <strong>Mogelijk al bekend.</strong> Op postcode {postcode} staat al een ondernemer met een
        gelijkende naam. Kies die ondernemer als het dezelfde is; anders kunt u gewoon aanmelden.
      </Paragraph>
      <ul>
        {found.data.map((d) => (
          <li key={d.id}>
            {d.name} ({d.businessName})
            {d.caseId && (
              <>
                {' '}
                – dossier <Link to={`/dossiers/${d.caseId}`}>{d.caseReference}</Link>
              </>
            )}{' '}
            <Button
              appearance="subtle"
              onClick={() => onChoose(d.id, `${d.name} (${d.businessName})`)}
            >
              Deze ondernemer kiezen
            </Button>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function RegistrationPage({ me }: { me: Me }) {
  const navigate = useNavigate();
  const advisors = useStaff('advisor');
  const register = useRegisterCase();
  usePageTitle('Ondernemer aanmelden');
  if (!can(principalOf(me), 'case:register')) return <NotFoundPage />;

  return (
    <>
      <Heading level={1}>Ondernemer aanmelden</Heading>
      <Paragraph>
        Leg de ondernemer en de aanmelding vast. Velden met een * zijn verplicht. Het BSN is niet
        verplicht en wordt daarna alleen gemaskeerd getoond.
      </Paragraph>
      <ActionForm
        draft={['new', 'registration']}
        mutation={register}
        params={{}}
        // Urgency and other support have no preselected value: both need a real choice.
        initial={{ entrepreneur: NEW_ENTREPRENEUR }}
        submitLabel="Aanmelden"
        success="De ondernemer is aangemeld."
        onDone={(_message, created) => navigate(`/dossiers/${created.id}`)}
        onCancel={() => navigate('/dossiers')}
      >
        {(form) => (
          <>
            <section aria-labelledby="existing-heading" className="app-section">
              <Heading level={2} id="existing-heading">
                Ondernemer
              </Heading>
              <EntrepreneurChoice form={form} />
            </section>
            <section aria-labelledby="case-heading" className="app-section">
              <Heading level={2} id="case-heading">
                Aanmelding
              </Heading>
              <SelectField
                form={form}
                name="source"
                label="Binnengekomen via *"
                options={CASE_SOURCE_LABELS}
              />
              <TextField
                form={form}
                name="sourceDetail"
                label="Toelichting herkomst"
                description="Bijvoorbeeld de benaderingsronde of het campagnekanaal"
              />
              <SelectField form={form} name="urgency" label="Urgentie *" options={URGENCY_LABELS} />
              <SelectField
                form={form}
                name="otherSupport"
                label="Andere steun *"
                options={OTHER_SUPPORT_LABELS}
              />
              <SelectField
                form={form}
                name="advisorId"
                label="Bedrijfsadviseur"
                placeholder="Nog niet toewijzen"
                options={Object.fromEntries((advisors.data ?? []).map((a) => [a.id, a.name]))}
              />
            </section>
          </>
        )}
      </ActionForm>
    </>
  );
}
