import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { Alert, Button } from './ui.tsx';

export type Values = Record<string, unknown>;
export type Errors = Record<string, string>;

/** Reads a dotted path ("entrepreneur.name") from nested values. */
export function getPath(values: Values, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, key) => (acc as Values | undefined)?.[key], values);
}

export function setPath(values: Values, path: string, value: unknown): Values {
  const [head, ...rest] = path.split('.');
  if (!head) return values;
  if (rest.length === 0) return { ...values, [head]: value };
  return { ...values, [head]: setPath((values[head] as Values) ?? {}, rest.join('.'), value) };
}

/** Zod issues as messages per dotted path: the same messages the server sends. */
export function errorsFrom(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(formulier)';
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Form state validated with a shared schema before sending; server field errors (from
 * problem+json) are shown on the same fields.
 */
export function useForm<S extends z.ZodType>(schema: S, initial: Values) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const summaryId = useId();

  const set = (path: string, value: unknown) => setValues((v) => setPath(v, path, value));

  const showErrors = (next: Errors) => {
    setErrors(next);
    // Move focus to the summary so screen reader and keyboard users hear what is wrong.
    requestAnimationFrame(() => document.getElementById(summaryId)?.focus());
  };

  /** Validates and calls `send` with the parsed value; maps a rejected request to fields. */
  const submit = (send: (value: z.output<S>) => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(values);
    if (!parsed.success) return showErrors(errorsFrom(parsed.error));
    setErrors({});
    try {
      await send(parsed.data);
    } catch (err) {
      if (err instanceof ApiError) {
        const fieldErrors: Errors = {};
        for (const e of err.fieldErrors) fieldErrors[e.name] = e.reason;
        if (Object.keys(fieldErrors).length === 0) fieldErrors['(formulier)'] = err.message;
        showErrors(fieldErrors);
      } else {
        showErrors({
          '(formulier)':
            'Het versturen is mislukt. Controleer uw verbinding en probeer het opnieuw.',
        });
      }
    }
  };

  return { values, errors, set, submit, summaryId, setValues };
}

export type FormApi = ReturnType<typeof useForm>;

/** "Label: message", unless the message already names the field. */
function summaryText(label: string | undefined, message: string): string {
  return label && !message.toLowerCase().startsWith(label.toLowerCase())
    ? `${label}: ${message}`
    : message;
}

export function ErrorSummary({ form, labels }: { form: FormApi; labels?: Record<string, string> }) {
  const entries = Object.entries(form.errors);
  return (
    <div id={form.summaryId} tabIndex={-1} className="app-error-summary">
      {entries.length > 0 && (
        <Alert type="error">
          <strong>Controleer het formulier</strong>
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>
                {field === '(formulier)' ? (
                  message
                ) : (
                  <a href={`#field-${field}`}>{summaryText(labels?.[field], message)}</a>
                )}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

/** What a field's control needs: its attributes, state class, text value and setter. */
interface Control {
  attrs: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  invalid: '' | '--invalid';
  text: string;
  set: (value: unknown) => void;
}

const textOf = (value: unknown) => (value === undefined || value === null ? '' : String(value));

interface FieldProps {
  form: FormApi;
  name: string;
  label: string;
  description?: string;
}

function FieldShell({
  form,
  name,
  label,
  description,
  children,
}: FieldProps & {
  children: (control: Control) => ReactNode;
}) {
  const error = form.errors[name];
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={`field-${name}`}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({
          attrs: {
            id: `field-${name}`,
            name,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': describedBy,
          },
          invalid: error ? '--invalid' : '',
          text: textOf(getPath(form.values, name)),
          set: (value: unknown) => form.set(name, value),
        })}
      </div>
    </div>
  );
}

export function TextField({
  type = 'text',
  autoComplete,
  ...props
}: FieldProps & {
  type?: 'text' | 'email' | 'tel' | 'date' | 'datetime-local' | 'number';
  autoComplete?: string;
}) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <input
          {...c.attrs}
          type={type}
          autoComplete={autoComplete}
          className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox${c.invalid}`}
          value={c.text}
          onChange={(e) => c.set(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function TextArea(props: FieldProps) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <textarea
          {...c.attrs}
          rows={4}
          className={`utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea${c.invalid}`}
          value={c.text}
          onChange={(e) => c.set(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  options,
  placeholder,
  ...props
}: FieldProps & { options: Record<string, string>; placeholder?: string }) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <select
          {...c.attrs}
          className={`utrecht-select utrecht-select--html-select utrecht-select${c.invalid}`}
          value={c.text}
          onChange={(e) => c.set(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{placeholder ?? 'Maak een keuze'}</option>
          {Object.entries(options).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxGroup({
  form,
  name,
  label,
  options,
}: FieldProps & { options: Record<string, string> }) {
  const selected = (getPath(form.values, name) as string[] | undefined) ?? [];
  const error = form.errors[name];
  const toggle = (key: string) =>
    form.set(name, selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={`field-${name}`}
    >
      <legend className="utrecht-form-fieldset__legend">{label}</legend>
      {error && <div className="utrecht-form-field-error-message">{error}</div>}
      {Object.entries(options).map(([key, optionLabel]) => (
        <div key={key} className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id={`field-${name}-${key}`}
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={selected.includes(key)}
            onChange={() => toggle(key)}
          />
          <label
            className="utrecht-form-label utrecht-form-label--checkbox"
            htmlFor={`field-${name}-${key}`}
          >
            {optionLabel}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function SubmitBar({
  busy,
  label,
  onCancel,
}: {
  busy: boolean;
  label: string;
  onCancel?: () => void;
}) {
  return (
    <div className="utrecht-button-group app-submit-bar">
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Bezig…' : label}
      </Button>
      {onCancel && (
        <Button appearance="secondary-action" onClick={onCancel}>
          Annuleren
        </Button>
      )}
    </div>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO instant → value of a datetime-local input, in the user's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A date and time picked in local time, kept as an ISO instant for the schema. */
export function DateTimeField(props: FieldProps) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <input
          {...c.attrs}
          type="datetime-local"
          className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox${c.invalid}`}
          value={c.text && toLocalInput(c.text)}
          onChange={(e) => {
            const d = new Date(e.target.value);
            c.set(Number.isNaN(d.getTime()) ? e.target.value : d.toISOString());
          }}
        />
      )}
    </FieldShell>
  );
}
