import { formatEuro, parseEuro } from '@herorientatie/domain';
import { useId, useState, type MouseEvent, type ReactNode } from 'react';
import { fromAmsterdamInput, toAmsterdamInput } from '../amsterdam-time.ts';
import { fieldId, getPath, type FormApi } from '../forms/use-form.ts';
import { Alert, Button } from './ui.tsx';

/** "Label: message", unless the message already names the field. */
export function summaryText(label: string | undefined, message: string): string {
  if (!label || message.toLowerCase().startsWith(label.toLowerCase())) return message;
  // A label that asks a question ends in its own mark: "Waarom? Geef aan …", not "?:".
  return /[?!.]$/.test(label) ? `${label} ${message}` : `${label}: ${message}`;
}

/** A summary link moves focus to the field itself (a plain fragment link only scrolls). */
function focusField(event: MouseEvent<HTMLAnchorElement>, name: string) {
  const target = document.getElementById(fieldId(name));
  if (!target) return;
  event.preventDefault();
  const control =
    target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input') : target;
  target.scrollIntoView({ block: 'center' });
  control?.focus({ preventScroll: true });
}

/**
 * Everything that is wrong, at the top of the form: each field message as a link to its
 * field, and every message that belongs to no field in words.
 */
export function ErrorSummary({ form }: { form: FormApi }) {
  const fields = Object.entries(form.errors.fields);
  const { general } = form.errors;
  return (
    <div id={form.summaryId} tabIndex={-1} className="app-error-summary">
      {(fields.length > 0 || general.length > 0) && (
        <Alert type="error">
          <strong>Controleer het formulier</strong>
          <ul>
            {general.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {fields.map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`} onClick={(event) => focusField(event, name)}>
                  {summaryText(form.errorLabels[name], message)}
                </a>
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
  const error = form.errors.fields[name];
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={fieldId(name)}>
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
            id: fieldId(name),
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
          // An emptied number field is no number at all, not zero.
          onChange={(e) =>
            c.set(type === 'number' && e.target.value === '' ? undefined : e.target.value)
          }
        />
      )}
    </FieldShell>
  );
}

/** One file to upload; the chosen File is the field's value. */
export function FileField(props: FieldProps) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <input {...c.attrs} type="file" onChange={(e) => c.set(e.target.files?.[0] ?? undefined)} />
      )}
    </FieldShell>
  );
}

export function TextArea({ rows = 4, ...props }: FieldProps & { rows?: number }) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <textarea
          {...c.attrs}
          rows={rows}
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
  const error = form.errors.fields[name];
  const errorId = useId();
  const toggle = (key: string) =>
    form.set(name, selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <fieldset
      className={`utrecht-form-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={fieldId(name)}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{label}</legend>
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </div>
      )}
      {Object.entries(options).map(([key, optionLabel]) => (
        <div key={key} className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id={`${fieldId(name)}-${key}`}
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={selected.includes(key)}
            onChange={() => toggle(key)}
          />
          <label
            className="utrecht-form-label utrecht-form-label--checkbox"
            htmlFor={`${fieldId(name)}-${key}`}
          >
            {optionLabel}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** One choice of a few, as radio buttons in a fieldset (the summary link focuses the first). */
export function RadioGroup({
  form,
  name,
  label,
  description,
  options,
}: FieldProps & { options: Record<string, string> }) {
  const selected = getPath(form.values, name);
  const error = form.errors.fields[name];
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset app-radio-group${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={fieldId(name)}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend">{label}</legend>
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
      {Object.entries(options).map(([key, optionLabel]) => (
        <div key={key} className="utrecht-form-field utrecht-form-field--radio">
          <input
            type="radio"
            id={`${fieldId(name)}-${key}`}
            name={name}
            value={key}
            className="utrecht-radio-button utrecht-radio-button--html-input"
            aria-invalid={error ? true : undefined}
            checked={selected === key}
            onChange={() => form.set(name, key)}
          />
          <label
            className="utrecht-form-label utrecht-form-label--radio"
            htmlFor={`${fieldId(name)}-${key}`}
          >
            {optionLabel}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** An amount as it is typed in a field: "€ 1.234,56" without the euro sign. */
export const amountText = (cents: number) => formatEuro(cents).replace(/^€\s?/, '');

/** What a typed amount is as a value: cents, nothing when empty, else the text (refused). */
export function amountValue(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  return parseEuro(text) ?? text;
}

function AmountInput({ control, value }: { control: Control; value: unknown }) {
  const [text, setText] = useState(() =>
    typeof value === 'number' ? amountText(value) : textOf(value),
  );
  const [shownValue, setShownValue] = useState(value);
  // The value changed from outside (a reset, a restored draft): show it as an amount.
  if (value !== shownValue) {
    setShownValue(value);
    if (amountValue(text) !== value) {
      setText(typeof value === 'number' ? amountText(value) : textOf(value));
    }
  }
  return (
    <input
      {...control.attrs}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox${control.invalid} app-amount`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        control.set(amountValue(e.target.value));
      }}
    />
  );
}

/**
 * An amount in euros, typed the Dutch way ("1.250,50"), kept in the form as whole cents,
 * which is what the shared schemas expect; text that is no amount is refused by them.
 */
export function MoneyField(props: FieldProps) {
  return (
    <FieldShell {...props} description={props.description ?? 'In euro’s, bijvoorbeeld 1.250,00'}>
      {(c) => <AmountInput control={c} value={getPath(props.form.values, props.name)} />}
    </FieldShell>
  );
}

/** Items typed with commas or spaces between them ("56, 47") as a list. */
export const listValue = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

function ListInput({ control, value }: { control: Control; value: unknown }) {
  const asText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  const [text, setText] = useState(() => asText(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (asText(listValue(text)) !== asText(value)) setText(asText(value));
  }
  return (
    <input
      {...control.attrs}
      type="text"
      className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox${control.invalid}`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        control.set(listValue(e.target.value));
      }}
    />
  );
}

/** A short list typed in one field, kept as an array of strings. */
export function ListField(props: FieldProps) {
  return (
    <FieldShell {...props}>
      {(c) => <ListInput control={c} value={getPath(props.form.values, props.name)} />}
    </FieldShell>
  );
}

/** One yes/no choice, kept as a boolean. */
export function CheckboxField({ form, name, label, description }: FieldProps) {
  const error = form.errors.fields[name];
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description && descriptionId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <input
        type="checkbox"
        id={fieldId(name)}
        name={name}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        checked={getPath(form.values, name) === true}
        onChange={(event) => form.set(name, event.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={fieldId(name)}>
        {label}
      </label>
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
    </div>
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

/** A date and time picked in Dutch time, kept as an ISO instant for the schema. */
export function DateTimeField({
  notBefore,
  ...props
}: FieldProps & {
  /** "now": the picker offers no moment in the past (the schema still decides). */
  notBefore?: 'now';
}) {
  return (
    <FieldShell {...props}>
      {(c) => (
        <input
          {...c.attrs}
          type="datetime-local"
          min={notBefore === 'now' ? toAmsterdamInput(new Date().toISOString()) : undefined}
          className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox${c.invalid}`}
          value={c.text && toAmsterdamInput(c.text)}
          onChange={(e) => c.set(fromAmsterdamInput(e.target.value) ?? e.target.value)}
        />
      )}
    </FieldShell>
  );
}
