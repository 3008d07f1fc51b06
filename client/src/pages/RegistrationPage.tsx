import {
  CASE_SOURCE_LABELS,
  CaseRegistrationSchema,
  OTHER_SUPPORT_LABELS,
  URGENCY_LABELS,
} from '@herorientatie/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useEntrepreneurSearch, useRegisterCase, useStaff } from '../api/cases.ts';
import { ErrorSummary, SelectField, SubmitBar, TextField, useForm } from '../components/form.tsx';
import { EntrepreneurFields } from '../components/EntrepreneurFields.tsx';
import { Button, Heading, Paragraph } from '../components/ui.tsx';
import { useDebounced } from '../useDebounced.ts';

const LABELS: Record<string, string> = {
  'entrepreneur.name': 'Naam',
  'entrepreneur.email': 'E-mailadres',
  'entrepreneur.phone': 'Telefoonnummer',
  'entrepreneur.postcode': 'Postcode',
  'entrepreneur.houseNumber': 'Huisnummer',
  'entrepreneur.businessName': 'Bedrijfsnaam',
  'entrepreneur.kvkNumber': 'KvK-nummer',
  'entrepreneur.businessStartDate': 'Startdatum bedrijf',
  'entrepreneur.bsn': 'BSN',
  source: 'Binnengekomen via',
  urgency: 'Urgentie',
  otherSupport: 'Andere steun',
};

export function RegistrationPage() {
  const navigate = useNavigate();
  const register = useRegisterCase();
  // One key per form: a double click or a retry after a time-out never registers twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [existing, setExisting] = useState<{ id: string; label: string } | null>(null);
  const [search, setSearch] = useState('');
  // Each search is an audited read of personal data: search on a pause, not on every key.
  const found = useEntrepreneurSearch(useDebounced(search.trim()));
  const advisors = useStaff('advisor');
  const form = useForm(CaseRegistrationSchema, {
    urgency: 'normal',
    otherSupport: 'none',
    entrepreneur: { legalForm: 'eenmanszaak', partnerIncome: 'unknown', tozoPeriods: [] },
  });

  const choose = (id: string, label: string) => {
    setExisting({ id, label });
    form.setValues((v) => ({ ...v, entrepreneurId: id, entrepreneur: undefined }));
  };
  const clearExisting = () => {
    setExisting(null);
    form.setValues((v) => ({
      ...v,
      entrepreneurId: undefined,
      entrepreneur: { legalForm: 'eenmanszaak', partnerIncome: 'unknown', tozoPeriods: [] },
    }));
  };

  const onSubmit = form.submit(async (value) => {
    const created = await register.mutateAsync({ body: value, idempotencyKey });
    navigate(`/dossiers/${created.id}`);
  });

  return (
    <>
      <Heading level={1}>Ondernemer aanmelden</Heading>
      <Paragraph>
        Leg de ondernemer en de aanmelding vast. Velden met een * zijn verplicht. Het BSN is niet
        verplicht en wordt daarna alleen gemaskeerd getoond.
      </Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary form={form} labels={LABELS} />
        <section aria-labelledby="existing-heading" className="app-section">
          <Heading level={2} id="existing-heading">
            Ondernemer
          </Heading>
          {existing ? (
            <Paragraph>
              Bestaande ondernemer: <strong>{existing.label}</strong>{' '}
              <Button appearance="subtle" onClick={clearExisting}>
                Andere ondernemer
              </Button>
            </Paragraph>
          ) : (
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
            </>
          )}
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
        <SubmitBar
          busy={register.isPending}
          label="Aanmelden"
          onCancel={() => navigate('/dossiers')}
        />
      </form>
    </>
  );
}
