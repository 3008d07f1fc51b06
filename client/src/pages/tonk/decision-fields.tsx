import { MoneyField, RadioGroup, TextField } from '../../components/form.tsx';
import type { FormApi } from '../../forms/use-form.ts';
import { DECISION_CHOICES } from './tonk-helpers.ts';

/** The fields of a decision, on a TONK application or a Bbz request. */
export function DecisionFields({ form }: { form: FormApi }) {
  return (
    <>
      <RadioGroup form={form} name="decision" label="Besluit *" options={DECISION_CHOICES} />
      {form.values.decision === 'granted' && (
        <MoneyField form={form} name="grantedCents" label="Toegekend bedrag *" />
      )}
      <TextField form={form} name="decidedOn" label="Datum besluit *" type="date" />
    </>
  );
}
