import {
  LEGAL_FORM_LABELS,
  PARTNER_INCOME_LABELS,
  SBI_DIVISIONS,
  TOZO_LABELS,
  type AddressLookupAnswer,
  type AddressSuggestion,
} from '@herorientatie/domain';
import { useState } from 'react';
import { apiFetch } from '../api/client.ts';
import { getPath, type FormApi } from '../forms/use-form.ts';
import { CheckboxGroup, SelectField, TextField } from './form.tsx';
import { Button } from './ui.tsx';

const SBI_OPTIONS = Object.fromEntries(
  Object.entries(SBI_DIVISIONS).map(([code, label]) => [code, `${code} – ${label}`]),
);

/**
 * Fills street and town from postcode and house number (when the municipality switched the
 * lookup on). Several addresses on one number (14, 14 A) are offered to choose from; what
 * the caseworker typed is kept when nothing is found.
 */
function AddressLookupButton({ form, n }: { form: FormApi; n: (name: string) => string }) {
  const [state, setState] = useState<{ message?: string; options?: AddressSuggestion[] }>({});
  const [busy, setBusy] = useState(false);
  const postcode = String(getPath(form.values, n('postcode')) ?? '').trim();
  const houseNumber = String(getPath(form.values, n('houseNumber')) ?? '').trim();
  const take = (a: AddressSuggestion) => {
    form.set(n('street'), a.street);
    form.set(n('town'), a.town);
    form.set(n('houseNumberAddition'), a.houseNumberAddition ?? '');
    setState({
      message: `Ingevuld: ${a.street} ${a.houseNumber}${a.houseNumberAddition ?? ''}, ${a.town}.`,
    });
  };
  const find = async () => {
    setBusy(true);
    try {
      const answer = await apiFetch<AddressLookupAnswer>(
        `addresses?postcode=${encodeURIComponent(postcode)}&houseNumber=${encodeURIComponent(houseNumber)}`,
      );
      if (!answer.enabled)
        setState({
          message: 'Adres opzoeken staat uit of werkt nu niet. Vul straat en woonplaats zelf in.',
        });
      else if (answer.addresses.length === 0)
        setState({
          message:
            'Geen adres gevonden bij deze postcode en dit huisnummer. Vul het adres zelf in.',
        });
      else if (answer.addresses.length === 1) take(answer.addresses[0]!);
      else
        setState({
          options: answer.addresses,
          message: 'Er zijn meer adressen op dit nummer. Kies er een:',
        });
    } catch (err) {
      setState({ message: err instanceof Error ? err.message : 'Opzoeken lukte niet.' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="app-address-lookup">
      <Button
        appearance="secondary-action"
        disabled={busy || !postcode || !houseNumber}
        onClick={() => void find()}
      >
        {busy ? 'Bezig met zoeken…' : 'Straat en woonplaats opzoeken'}
      </Button>
      <div aria-live="polite">
        {state.message && <p className="app-muted">{state.message}</p>}
        {state.options && (
          <ul>
            {state.options.map((a) => (
              <li key={`${a.street}-${a.houseNumberAddition ?? ''}`}>
                <Button appearance="subtle" onClick={() => take(a)}>
                  {a.street} {a.houseNumber}
                  {a.houseNumberAddition ?? ''}, {a.town}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The entrepreneur's fields, for registration (prefix `entrepreneur.`) and for changes. */
export function EntrepreneurFields({
  form,
  prefix = '',
  bsnDescription,
}: {
  form: FormApi;
  prefix?: string;
  bsnDescription: string;
}) {
  const n = (name: string) => `${prefix}${name}`;
  return (
    <>
      <TextField form={form} name={n('name')} label="Naam *" autoComplete="off" />
      <TextField form={form} name={n('businessName')} label="Bedrijfsnaam *" />
      <TextField form={form} name={n('kvkNumber')} label="KvK-nummer" description="8 cijfers" />
      <SelectField
        form={form}
        name={n('legalForm')}
        label="Rechtsvorm"
        options={LEGAL_FORM_LABELS}
      />
      <SelectField
        form={form}
        name={n('sbiCode')}
        label="Sector (SBI)"
        options={SBI_OPTIONS}
        placeholder="Onbekend"
      />
      <TextField form={form} name={n('businessStartDate')} label="Startdatum bedrijf" type="date" />
      <TextField form={form} name={n('email')} label="E-mailadres" type="email" />
      <TextField form={form} name={n('phone')} label="Telefoonnummer" type="tel" />
      <TextField
        form={form}
        name={n('postcode')}
        label="Postcode"
        description="Bijvoorbeeld 6601 AB"
      />
      <TextField form={form} name={n('houseNumber')} label="Huisnummer" />
      <TextField
        form={form}
        name={n('houseNumberAddition')}
        label="Toevoeging"
        description="Bijvoorbeeld A of 2"
      />
      <AddressLookupButton form={form} n={n} />
      <TextField form={form} name={n('street')} label="Straat" autoComplete="off" />
      <TextField form={form} name={n('town')} label="Woonplaats" autoComplete="off" />
      <CheckboxGroup
        form={form}
        name={n('tozoPeriods')}
        label="Gebruikte Tozo-periodes"
        options={TOZO_LABELS}
      />
      <SelectField
        form={form}
        name={n('partnerIncome')}
        label="Inkomen partner"
        description="Van belang voor het recht op Bbz"
        options={PARTNER_INCOME_LABELS}
      />
      <TextField
        form={form}
        name={n('bsn')}
        label="BSN"
        description={bsnDescription}
        autoComplete="off"
      />
    </>
  );
}
