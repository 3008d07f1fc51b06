import {
  LEGAL_FORM_LABELS,
  PARTNER_INCOME_LABELS,
  SBI_DIVISIONS,
  TOZO_LABELS,
} from '@herorientatie/domain';
import type { FormApi } from '../forms/use-form.ts';
import { CheckboxGroup, SelectField, TextField } from './form.tsx';

const SBI_OPTIONS = Object.fromEntries(
  Object.entries(SBI_DIVISIONS).map(([code, label]) => [code, `${code} – ${label}`]),
);

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
