import {
  CASE_SOURCE_LABELS,
  CaseRegistrationSchema,
  LEGAL_FORM_LABELS,
  OTHER_SUPPORT_LABELS,
  PARTNER_INCOME_LABELS,
  SBI_DIVISIONS,
  TOZO_LABELS,
  URGENCY_LABELS,
} from '@herorientatie/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useEntrepreneurSearch, useRegisterCase, useStaff } from '../api/cases.ts';
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitBar,
  TextField,
  useForm,
} from '../components/form.tsx';
import { Button, Heading, Paragraph } from '../components/ui.tsx';

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

const SBI_OPTIONS = Object.fromEntries(
  Object.entries(SBI_DIVISIONS).map(([code, label]) => [code, `${code} – ${label}`]),
);

export function RegistrationPage() {
  const navigate = useNavigate();
  const register = useRegisterCase();
  // One key per form: a double click or a retry after a time-out never registers twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [existing, setExisting] = useState<{ id: string; label: string } | null>(null);
  const [search, setSearch] = useState('');
  const found = useEntrepreneurSearch(search);
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
              <TextField form={form} name="entrepreneur.name" label="Naam *" autoComplete="off" />
              <TextField form={form} name="entrepreneur.businessName" label="Bedrijfsnaam *" />
              <TextField
                form={form}
                name="entrepreneur.kvkNumber"
                label="KvK-nummer"
                description="8 cijfers"
              />
              <SelectField
                form={form}
                name="entrepreneur.legalForm"
                label="Rechtsvorm"
                options={LEGAL_FORM_LABELS}
              />
              <SelectField
                form={form}
                name="entrepreneur.sbiCode"
                label="Sector (SBI)"
                options={SBI_OPTIONS}
                placeholder="Onbekend"
              />
              <TextField
                form={form}
                name="entrepreneur.businessStartDate"
                label="Startdatum bedrijf"
                type="date"
              />
              <TextField form={form} name="entrepreneur.email" label="E-mailadres" type="email" />
              <TextField form={form} name="entrepreneur.phone" label="Telefoonnummer" type="tel" />
              <TextField
                form={form}
                name="entrepreneur.postcode"
                label="Postcode"
                description="Bijvoorbeeld 6601 AB"
              />
              <TextField form={form} name="entrepreneur.houseNumber" label="Huisnummer" />
              <CheckboxGroup
                form={form}
                name="entrepreneur.tozoPeriods"
                label="Gebruikte Tozo-periodes"
                options={TOZO_LABELS}
              />
              <SelectField
                form={form}
                name="entrepreneur.partnerIncome"
                label="Inkomen partner"
                description="Van belang voor het recht op Bbz"
                options={PARTNER_INCOME_LABELS}
              />
              <TextField
                form={form}
                name="entrepreneur.bsn"
                label="BSN"
                description="Optioneel; 9 cijfers"
                autoComplete="off"
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
