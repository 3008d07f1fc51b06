import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { useMe, type MutationVariables, type SchemaMutation } from '../api/hooks.ts';
import { ErrorSummary, SubmitBar } from '../components/form.tsx';
import { Alert, Button, Heading } from '../components/ui.tsx';
import { draftKey } from './draft-store.ts';
import { useUnsavedGuard } from './unsaved-guard.tsx';
import { useForm, type FormApi, type Values } from './use-form.ts';

export interface ActionFormProps<In extends z.ZodType, Out extends z.ZodType, P extends object> {
  /** Whose draft this is: the subject (a case id, or "new") and the form's name. */
  draft: [subject: string, form: string];
  /** The mutation that sends the form; its input schema validates the form. */
  mutation: SchemaMutation<In, Out, P>;
  /** The path parameters of the mutation. */
  params: P;
  initial: Values;
  /** Turns the checked values into the body, when they are not sent as they are. */
  toBody?: (value: z.output<In>) => z.input<In>;
  title?: string;
  headingLevel?: 2 | 3;
  intro?: ReactNode;
  submitLabel: string;
  /** What to tell the user once it is saved. */
  success: string | ((value: z.output<In>, result: z.output<Out>) => string);
  onDone: (message: string, result: z.output<Out>) => void;
  onCancel: () => void;
  /**
   * The search parameters that keep this form on screen (e.g. the open form and its tab):
   * changing one of them, or the page, asks first when something was typed.
   */
  keepsOn?: readonly string[];
  children: (form: FormApi) => ReactNode;
}

/**
 * The one shell of every form that changes something: validation with the mutation's
 * shared schema, sending, the server's messages on the right fields and in the summary,
 * a draft that survives an ended session, and a question before typed input is lost.
 */
export function ActionForm<In extends z.ZodType, Out extends z.ZodType, P extends object>({
  draft,
  mutation,
  params,
  initial,
  toBody,
  title,
  headingLevel = 2,
  intro,
  submitLabel,
  success,
  onDone,
  onCancel,
  keepsOn = [],
  children,
}: ActionFormProps<In, Out, P>) {
  const { me } = useMe();
  const form = useForm(mutation.schema, initial, {
    draftKey: me ? draftKey(me.id, ...draft) : undefined,
  });
  // One key per filled-in form: a double click or a retry after a time-out stores once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const guard = useUnsavedGuard(form.isDirty, keepsOn, form.discard);

  const onSubmit = form.submit(async (value, input) => {
    const variables = {
      ...params,
      body: toBody ? toBody(value) : (input as z.input<In>),
      idempotencyKey,
    } as MutationVariables<In, P>;
    const result = await mutation.mutateAsync(variables);
    form.finish();
    setIdempotencyKey(crypto.randomUUID());
    onDone(typeof success === 'string' ? success : success(value, result), result);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {title && <Heading level={headingLevel}>{title}</Heading>}
      {form.restored && (
        <Alert type="info">
          Wat u eerder invulde en nog niet had opgeslagen, staat weer in het formulier.{' '}
          <Button appearance="subtle" onClick={form.discard}>
            Leeg formulier
          </Button>
        </Alert>
      )}
      {intro}
      <ErrorSummary form={form} />
      {children(form)}
      <SubmitBar busy={mutation.isPending} label={submitLabel} onCancel={onCancel} />
      {guard}
    </form>
  );
}
