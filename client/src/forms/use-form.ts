import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrorsFrom } from '../api/problems.ts';
import { clearDraft, loadDraft, saveDraft } from './draft-store.ts';
import { formErrorsFrom, NO_ERRORS, placeFieldErrors, type FormErrors } from './field-errors.ts';

export type Values = Record<string, unknown>;

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

/** The id of a field's control; error summary links and server messages find fields by it. */
export const fieldId = (name: string) => `field-${name}`;

/** A field's visible label, without the mark for required fields, for the error summary. */
function labelOf(form: HTMLFormElement, name: string): string | undefined {
  const id = CSS.escape(fieldId(name));
  const label =
    form.querySelector(`label[for="${id}"]`) ?? form.querySelector(`fieldset#${id} > legend`);
  return label?.textContent?.replace(/\s*\*\s*$/, '').trim() || undefined;
}

export interface FormApi {
  values: Values;
  errors: FormErrors;
  /** The labels of the fields with an error, as the form showed them. */
  errorLabels: Record<string, string>;
  summaryId: string;
  /** Whether the values came back from a draft. */
  restored: boolean;
  set: (path: string, value: unknown) => void;
  setValues: (update: (values: Values) => Values) => void;
}

/**
 * Form state validated with a shared schema before sending. Refusals, by the schema here
 * or by the server, land on the fields they are about. With a draft key every change is
 * kept as a draft until the form is sent or discarded.
 */
export function useForm<S extends z.ZodType>(
  schema: S,
  initial: Values,
  options: { draftKey?: string } = {},
) {
  const { draftKey } = options;
  const [restoredValues] = useState(() => (draftKey ? loadDraft(draftKey) : null));
  const [values, setValuesState] = useState<Values>(() =>
    restoredValues ? { ...initial, ...restoredValues } : initial,
  );
  const [restored, setRestored] = useState(restoredValues !== null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [errorLabels, setErrorLabels] = useState<Record<string, string>>({});
  const summaryId = useId();
  // A ref, not state: a navigation right after sending must already see the form as clean.
  const dirty = useRef(restoredValues !== null);

  useEffect(() => {
    if (draftKey && dirty.current) saveDraft(draftKey, values);
  }, [draftKey, values]);

  const setValues = useCallback((update: (values: Values) => Values) => {
    dirty.current = true;
    setValuesState(update);
  }, []);
  /** Sets one field; its error goes as soon as the user changes what it was about. */
  const set = useCallback(
    (path: string, value: unknown) => {
      setValues((v) => setPath(v, path, value));
      setErrors((current) => {
        const stale = Object.keys(current.fields).filter(
          (name) => name === path || name.startsWith(`${path}.`),
        );
        if (stale.length === 0) return current;
        const fields = { ...current.fields };
        for (const name of stale) delete fields[name];
        return { ...current, fields };
      });
    },
    [setValues],
  );
  const isDirty = useCallback(() => dirty.current, []);

  /** The form was sent: nothing is unsaved any more. */
  const finish = useCallback(() => {
    dirty.current = false;
    if (draftKey) clearDraft(draftKey);
  }, [draftKey]);

  /** Back to the initial values, without a draft. */
  const discard = useCallback(() => {
    finish();
    setValuesState(initial);
    setErrors(NO_ERRORS);
    setRestored(false);
  }, [finish, initial]);

  /** Validates and calls `send` with the parsed value; a refusal is shown on the fields. */
  const submit =
    (send: (value: z.output<S>, input: Values) => Promise<void>) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formElement = event.currentTarget;
      const hasField = (name: string) =>
        formElement.querySelector(`#${CSS.escape(fieldId(name))}`) !== null;
      const show = (next: FormErrors) => {
        setErrors(next);
        setErrorLabels(
          Object.fromEntries(
            Object.keys(next.fields).map((name) => [name, labelOf(formElement, name) ?? name]),
          ),
        );
        // Focus on the summary, so screen reader and keyboard users hear what is wrong.
        requestAnimationFrame(() => document.getElementById(summaryId)?.focus());
      };
      const parsed = schema.safeParse(values);
      if (!parsed.success)
        return show(placeFieldErrors(fieldErrorsFrom(parsed.error.issues), hasField));
      setErrors(NO_ERRORS);
      try {
        await send(parsed.data, values);
      } catch (err) {
        show(formErrorsFrom(err, hasField));
      }
    };

  const api: FormApi = { values, errors, errorLabels, summaryId, restored, set, setValues };
  return { ...api, submit, isDirty, finish, discard };
}
