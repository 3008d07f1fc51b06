import { RegionalFiguresQuerySchema } from '@herorientatie/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui.tsx';
import type { Municipality } from './figure-tables.ts';

type Period = { from: string; to: string };

function MonthField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const hint = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`utrecht-form-field app-filter${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <div className="utrecht-form-field-description" id={hint}>
        jjjj-mm, bijvoorbeeld 2021-03
      </div>
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      <input
        id={id}
        type="month"
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hint} ${errorId}` : hint}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * The months to count. Checked with the shared schema before asking; the figures change
 * only when the form is sent, not while a month is being typed.
 */
export function PeriodForm({ period, onApply }: { period: Period; onApply: (p: Period) => void }) {
  const id = useId();
  const [values, setValues] = useState(period);
  const [errors, setErrors] = useState<Partial<Record<keyof Period, string>>>({});
  const form = useRef<HTMLFormElement>(null);
  // A period from elsewhere (the address, going back) fills the fields; the form stays, so
  // the focus stays on the button that was pressed.
  const [applied, setApplied] = useState(period);
  if (applied.from !== period.from || applied.to !== period.to) {
    setApplied(period);
    setValues(period);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = RegionalFiguresQuerySchema.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<keyof Period, string>> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof Period;
        found[key] ??= issue.message;
      }
      setErrors(found);
      const first = found.from ? 'from' : 'to';
      form.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-${first}`)}`)?.focus();
      return;
    }
    setErrors({});
    onApply(parsed.data);
  };
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label="Periode">
      <div className="app-filters app-filters--bottom">
        <MonthField
          id={`${id}-from`}
          label="Vanaf maand"
          value={values.from}
          error={errors.from}
          onChange={(from) => setValues((v) => ({ ...v, from }))}
        />
        <MonthField
          id={`${id}-to`}
          label="Tot en met maand"
          value={values.to}
          error={errors.to}
          onChange={(to) => setValues((v) => ({ ...v, to }))}
        />
        <Button type="submit">Periode tonen</Button>
      </div>
    </form>
  );
}

/**
 * Which municipalities the tables and charts show. Choosing hides rows; it never changes
 * a number (the region's total stays the whole region).
 */
export function MunicipalityFilter({
  municipalities,
  shown,
  onChange,
}: {
  municipalities: Municipality[];
  shown: Set<string>;
  onChange: (codes: string[] | null) => void;
}) {
  const id = useId();
  const toggle = (code: string) => {
    const next = municipalities
      .map((m) => m.code)
      .filter((c) => (c === code ? !shown.has(c) : shown.has(c)));
    onChange(next.length === municipalities.length ? null : next);
  };
  const count = municipalities.filter((m) => shown.has(m.code)).length;
  return (
    <fieldset
      className="utrecht-form-fieldset app-municipality-filter"
      aria-describedby={`${id}-hint`}
    >
      <legend className="utrecht-form-fieldset__legend">Gemeenten in de tabellen</legend>
      <p className="utrecht-form-field-description" id={`${id}-hint`}>
        Kies welke gemeenten u ziet. De getallen zelf veranderen niet: de hele regio blijft de hele
        regio.
      </p>
      <div className="app-checkbox-columns">
        {municipalities.map((m) => (
          <div key={m.code} className="utrecht-form-field utrecht-form-field--checkbox">
            <input
              type="checkbox"
              id={`${id}-${m.code}`}
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={shown.has(m.code)}
              onChange={() => toggle(m.code)}
            />
            <label
              className="utrecht-form-label utrecht-form-label--checkbox"
              htmlFor={`${id}-${m.code}`}
            >
              {m.name}
            </label>
          </div>
        ))}
      </div>
      <p className="utrecht-paragraph" role="status">
        {count} van de {municipalities.length} gemeenten getoond.
      </p>
      {count < municipalities.length && (
        <Button
          appearance="secondary-action"
          onClick={() => {
            onChange(null);
            // The button goes away once all are shown; the keyboard goes on from the list.
            document.getElementById(`${id}-${municipalities[0]!.code}`)?.focus();
          }}
        >
          Alle gemeenten tonen
        </Button>
      )}
    </fieldset>
  );
}
