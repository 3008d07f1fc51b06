import {
  BBZ_OPTION_LABELS,
  CaseUpdateSchema,
  CLOSING_OUTCOME_LABELS,
  EntrepreneurInputSchema,
  OTHER_SUPPORT_LABELS,
  URGENCY_LABELS,
  type CaseDetail,
  type Coaching,
  type Route,
  CloseCaseSchema,
  CoachingInputSchema,
  CONTACT_CHANNEL_LABELS,
  CONTACT_MODE_LABELS,
  ContactInputSchema,
  IntakeInputSchema,
  PerspectiveAnalysisInputSchema,
  ROUTE_OUTCOME_LABELS,
  ROUTE_OUTCOMES,
  ROUTE_TYPE_LABELS,
  RouteEndSchema,
  RouteStartSchema,
  ScheduleIntakeSchema,
  VIABILITY_LABELS,
  WithdrawCaseSchema,
} from '@herorientatie/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch, type ApiError } from '../../api/client.ts';
import { useAttachments, useCaseAction, useStaff, useUploadAttachment } from '../../api/cases.ts';
import {
  CheckboxGroup,
  DateTimeField,
  ErrorSummary,
  SelectField,
  SubmitBar,
  TextArea,
  TextField,
  useForm,
} from '../../components/form.tsx';
import { EntrepreneurFields } from '../../components/EntrepreneurFields.tsx';
import { Alert, Button, Heading } from '../../components/ui.tsx';

const today = () => new Date().toISOString().slice(0, 10);

export interface FormProps {
  caseId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** One idempotency key per opened form, so a retried create is not stored twice. */
const useKey = () => useState(() => crypto.randomUUID())[0];

export function ScheduleIntakeForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('PUT', (id) => `cases/${id}/intake-appointment`);
  const form = useForm(ScheduleIntakeSchema, {});
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body });
        onDone('De intake is gepland.');
      })}
      noValidate
    >
      <Heading level={2}>Intake plannen</Heading>
      <ErrorSummary form={form} />
      <DateTimeField form={form} name="scheduledAt" label="Datum en tijd van de intake *" />
      <SubmitBar busy={action.isPending} label="Intake plannen" onCancel={onCancel} />
    </form>
  );
}

export function IntakeForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/intake`);
  const advisors = useStaff('advisor');
  const key = useKey();
  const form = useForm(IntakeInputSchema, { date: today(), bbzOptions: [], recommendedRoutes: [] });
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body, idempotencyKey: key });
        onDone('De intake is vastgelegd.');
      })}
      noValidate
    >
      <Heading level={2}>Intake vastleggen</Heading>
      <ErrorSummary form={form} />
      <TextField form={form} name="date" label="Datum van de intake *" type="date" />
      <SelectField form={form} name="mode" label="Vorm *" options={CONTACT_MODE_LABELS} />
      <SelectField
        form={form}
        name="advisorId"
        label="Bedrijfsadviseur"
        placeholder="Niet geregistreerd"
        options={Object.fromEntries((advisors.data ?? []).map((a) => [a.id, a.name]))}
      />
      <SelectField
        form={form}
        name="viability"
        label="Levensvatbaarheid van het bedrijf *"
        options={VIABILITY_LABELS}
      />
      <TextArea form={form} name="sectorProspects" label="Vooruitzichten van de branche" />
      <CheckboxGroup
        form={form}
        name="bbzOptions"
        label="Bbz-mogelijkheden bekeken *"
        options={BBZ_OPTION_LABELS}
      />
      <TextArea
        form={form}
        name="bbzNotEligibleReason"
        label="Waarom geen recht op Bbz"
        description="Verplicht als er geen recht op Bbz is"
      />
      <CheckboxGroup
        form={form}
        name="recommendedRoutes"
        label="Aanbevolen routes"
        options={ROUTE_TYPE_LABELS}
      />
      <TextArea form={form} name="findings" label="Bevindingen" />
      <SubmitBar busy={action.isPending} label="Intake vastleggen" onCancel={onCancel} />
    </form>
  );
}

export function RouteStartForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/routes`);
  const key = useKey();
  const form = useForm(RouteStartSchema, { startDate: today() });
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body, idempotencyKey: `${key}-${body.type}` });
        onDone(`${ROUTE_TYPE_LABELS[body.type]} is gestart.`);
      })}
      noValidate
    >
      <Heading level={2}>Route starten</Heading>
      <ErrorSummary form={form} />
      <SelectField form={form} name="type" label="Route *" options={ROUTE_TYPE_LABELS} />
      <TextField form={form} name="startDate" label="Startdatum *" type="date" />
      <TextArea form={form} name="note" label="Toelichting" />
      <SubmitBar busy={action.isPending} label="Route starten" onCancel={onCancel} />
    </form>
  );
}

export function RouteEndForm({ caseId, route, onDone, onCancel }: FormProps & { route: Route }) {
  const action = useCaseAction<unknown>('PATCH', (id) => `cases/${id}/routes/${route.id}`);
  const form = useForm(RouteEndSchema, { status: 'completed', endDate: today() });
  const outcomes = Object.fromEntries(
    ROUTE_OUTCOMES[route.type].map((o) => [o, ROUTE_OUTCOME_LABELS[o]!]),
  );
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body });
        onDone(`${ROUTE_TYPE_LABELS[route.type]} is beëindigd.`);
      })}
      noValidate
    >
      <Heading level={3}>{ROUTE_TYPE_LABELS[route.type]} beëindigen</Heading>
      <ErrorSummary form={form} />
      <SelectField
        form={form}
        name="status"
        label="Hoe eindigt de route? *"
        options={{ completed: 'Afgerond', stopped: 'Gestopt' }}
      />
      <TextField form={form} name="endDate" label="Einddatum *" type="date" />
      <SelectField form={form} name="outcome" label="Uitkomst *" options={outcomes} />
      <TextArea form={form} name="note" label="Toelichting" />
      <SubmitBar busy={action.isPending} label="Route beëindigen" onCancel={onCancel} />
    </form>
  );
}

export function ContactForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/contacts`);
  const key = useKey();
  const form = useForm(ContactInputSchema, { occurredAt: new Date().toISOString() });
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body, idempotencyKey: key });
        onDone('Het contact is vastgelegd.');
      })}
      noValidate
    >
      <Heading level={2}>Contact vastleggen</Heading>
      <ErrorSummary form={form} />
      <DateTimeField form={form} name="occurredAt" label="Wanneer *" />
      <SelectField form={form} name="channel" label="Kanaal *" options={CONTACT_CHANNEL_LABELS} />
      <TextArea form={form} name="summary" label="Samenvatting *" />
      <SubmitBar busy={action.isPending} label="Contact vastleggen" onCancel={onCancel} />
    </form>
  );
}

export function CoachingForm({
  caseId,
  existing,
  onDone,
  onCancel,
}: FormProps & { existing?: Coaching }) {
  const create = useCaseAction<unknown>('POST', (id) => `cases/${id}/coachings`);
  const change = useCaseAction<unknown>('PUT', (id) => `cases/${id}/coachings/${existing?.id}`);
  const action = existing ? change : create;
  const key = useKey();
  const form = useForm(
    CoachingInputSchema,
    existing
      ? { ...existing, endDate: existing.endDate ?? undefined, sessions: String(existing.sessions) }
      : { organisation: 'Over Rood', startDate: today(), sessions: '0' },
  );
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body, idempotencyKey: existing ? undefined : key });
        onDone(existing ? 'De coaching is bijgewerkt.' : 'De coaching is vastgelegd.');
      })}
      noValidate
    >
      <Heading level={existing ? 3 : 2}>
        {existing ? 'Coaching bijwerken' : 'Coaching vastleggen'}
      </Heading>
      <ErrorSummary form={form} />
      <TextField form={form} name="organisation" label="Organisatie *" />
      <TextField form={form} name="coach" label="Coach *" />
      <TextField form={form} name="startDate" label="Startdatum *" type="date" />
      <TextField form={form} name="endDate" label="Einddatum" type="date" />
      <TextField form={form} name="sessions" label="Aantal gesprekken" type="number" />
      <SubmitBar
        busy={action.isPending}
        label={existing ? 'Opslaan' : 'Coaching vastleggen'}
        onCancel={onCancel}
      />
    </form>
  );
}

export function AnalysisForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/perspective-analyses`);
  const documents = useAttachments(caseId);
  const key = useKey();
  const form = useForm(PerspectiveAnalysisInputSchema, { date: today() });
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body, idempotencyKey: key });
        onDone('De analyse perspectief is vastgelegd.');
      })}
      noValidate
    >
      <Heading level={2}>Analyse perspectief vastleggen</Heading>
      <ErrorSummary form={form} />
      <TextField form={form} name="provider" label="Aanbieder *" />
      <TextField form={form} name="date" label="Datum *" type="date" />
      <TextArea form={form} name="conclusion" label="Conclusie *" />
      <SelectField
        form={form}
        name="reportAttachmentId"
        label="Rapport"
        placeholder="Geen rapport"
        description="Voeg het rapport eerst toe bij Documenten"
        options={Object.fromEntries((documents.data ?? []).map((d) => [d.id, d.filename]))}
      />
      <SubmitBar busy={action.isPending} label="Analyse vastleggen" onCancel={onCancel} />
    </form>
  );
}

export function CloseForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/closure`);
  const form = useForm(CloseCaseSchema, {});
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body });
        onDone('Het dossier is afgesloten.');
      })}
      noValidate
    >
      <Heading level={2}>Dossier afsluiten</Heading>
      <ErrorSummary form={form} />
      <SelectField form={form} name="outcome" label="Uitkomst *" options={CLOSING_OUTCOME_LABELS} />
      <TextArea form={form} name="note" label="Toelichting" />
      <SubmitBar busy={action.isPending} label="Dossier afsluiten" onCancel={onCancel} />
    </form>
  );
}

export function WithdrawForm({ caseId, onDone, onCancel }: FormProps) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/withdrawal`);
  const form = useForm(WithdrawCaseSchema, {});
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({ caseId, body });
        onDone('Het dossier is teruggetrokken.');
      })}
      noValidate
    >
      <Heading level={2}>Dossier terugtrekken</Heading>
      <ErrorSummary form={form} />
      <TextArea form={form} name="reason" label="Reden *" />
      <SubmitBar busy={action.isPending} label="Terugtrekken" onCancel={onCancel} />
    </form>
  );
}

export function UploadForm({ caseId, onDone, onCancel }: FormProps) {
  const upload = useUploadAttachment();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError('Kies een bestand.');
    if (file.size > 10 * 1024 * 1024) return setError('Het bestand is groter dan 10 MB.');
    try {
      await upload.mutateAsync({ caseId, file });
      onDone(`${file.name} is toegevoegd.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Toevoegen is mislukt.');
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Heading level={2}>Document toevoegen</Heading>
      {error && <Alert type="error">{error}</Alert>}
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="upload-file">
          Bestand (PDF, afbeelding of Office-document, hoogstens 10 MB)
        </label>
        <input
          id="upload-file"
          type="file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <SubmitBar busy={upload.isPending} label="Toevoegen" onCancel={onCancel} />
    </form>
  );
}

export function ReopenButton({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const action = useCaseAction<unknown>('POST', (id) => `cases/${id}/reopening`);
  return (
    <>
      {action.isError && <Alert type="error">{action.error.message}</Alert>}
      <Button
        appearance="secondary-action"
        disabled={action.isPending}
        onClick={() =>
          action.mutate({ caseId }, { onSuccess: () => onDone('Het dossier is heropend.') })
        }
      >
        Heropenen
      </Button>
    </>
  );
}

/** Urgency, other support and (for caseworkers) who works on the case. */
export function CaseSettingsForm({
  caseId,
  detail,
  canAssign,
  onDone,
  onCancel,
}: FormProps & { detail: CaseDetail; canAssign: boolean }) {
  const action = useCaseAction<unknown>('PATCH', (id) => `cases/${id}`);
  const advisors = useStaff('advisor');
  const caseworkers = useStaff('caseworker');
  const form = useForm(CaseUpdateSchema, {
    urgency: detail.urgency,
    otherSupport: detail.otherSupport,
    sourceDetail: detail.sourceDetail ?? undefined,
    ...(canAssign ? { caseworkerId: detail.caseworkerId, advisorId: detail.advisorId } : {}),
  });
  const names = (list: { id: string; name: string }[] | undefined) =>
    Object.fromEntries((list ?? []).map((u) => [u.id, u.name]));
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await action.mutateAsync({
          caseId,
          // "Niemand" in the list means: take the assignment away (null), not: leave it.
          body: canAssign
            ? {
                ...body,
                caseworkerId: body.caseworkerId ?? null,
                advisorId: body.advisorId ?? null,
              }
            : { ...body, caseworkerId: undefined, advisorId: undefined },
        });
        onDone('De gegevens van het dossier zijn gewijzigd.');
      })}
      noValidate
    >
      <Heading level={2}>Dossier wijzigen</Heading>
      <ErrorSummary form={form} />
      <SelectField form={form} name="urgency" label="Urgentie" options={URGENCY_LABELS} />
      <SelectField
        form={form}
        name="otherSupport"
        label="Andere steun"
        options={OTHER_SUPPORT_LABELS}
      />
      <TextField form={form} name="sourceDetail" label="Toelichting herkomst" />
      {canAssign && (
        <>
          <SelectField
            form={form}
            name="caseworkerId"
            label="Consulent"
            placeholder="Niemand"
            options={names(caseworkers.data)}
          />
          <SelectField
            form={form}
            name="advisorId"
            label="Bedrijfsadviseur"
            placeholder="Niemand"
            options={names(advisors.data)}
          />
        </>
      )}
      <SubmitBar busy={action.isPending} label="Opslaan" onCancel={onCancel} />
    </form>
  );
}

/** The entrepreneur's details; an empty BSN field keeps the stored BSN. */
export function EntrepreneurForm({
  caseId,
  detail,
  onDone,
  onCancel,
}: FormProps & { detail: CaseDetail }) {
  const client = useQueryClient();
  const e = detail.entrepreneur;
  const update = useMutation<unknown, ApiError, unknown>({
    mutationFn: (body) => apiFetch(`entrepreneurs/${e.id}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['case'] }),
  });
  const form = useForm(EntrepreneurInputSchema, {
    name: e.name,
    email: e.email,
    phone: e.phone,
    postcode: e.postcode,
    houseNumber: e.houseNumber,
    businessName: e.businessName,
    kvkNumber: e.kvkNumber,
    legalForm: e.legalForm,
    sbiCode: e.sbiCode,
    businessStartDate: e.businessStartDate,
    tozoPeriods: e.tozoPeriods,
    partnerIncome: e.partnerIncome,
  });
  void caseId;
  return (
    <form
      onSubmit={form.submit(async (body) => {
        await update.mutateAsync(body);
        onDone('De gegevens van de ondernemer zijn gewijzigd.');
      })}
      noValidate
    >
      <Heading level={2}>Gegevens ondernemer wijzigen</Heading>
      <ErrorSummary form={form} />
      <EntrepreneurFields form={form} bsnDescription="Leeg laten om het bewaarde BSN te houden" />
      <SubmitBar busy={update.isPending} label="Opslaan" onCancel={onCancel} />
    </form>
  );
}
