import {
  BBZ_OPTION_LABELS,
  AttachmentUploadSchema,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  CONTACT_CHANNEL_LABELS,
  CONTACT_MODE_LABELS,
  INTAKE_MODE_LABELS,
  OTHER_SUPPORT_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_OUTCOMES,
  ROUTE_TYPE_LABELS,
  URGENCY_LABELS,
  VIABILITY_LABELS,
  type CaseDetail,
  type Coaching,
  type Route,
} from '@herorientatie/domain';
import { z } from 'zod';
import {
  useAttachments,
  useCase,
  useLogContact,
  useRecordAnalysis,
  useRecordCoaching,
  useRecordIntake,
  useScheduleIntake,
  useStaff,
  useStartRecommendedRoutes,
  useStartRoute,
  useEndRoute,
  useUpdateCase,
  useUpdateCoaching,
  useUpdateEntrepreneur,
  useUploadAttachment,
  useWithdrawCase,
} from '../../api/cases.ts';
import { EntrepreneurFields } from '../../components/EntrepreneurFields.tsx';
import {
  CheckboxGroup,
  DateTimeField,
  ErrorSummary,
  FileField,
  RadioGroup,
  SelectField,
  SubmitBar,
  TextArea,
  TextField,
} from '../../components/form.tsx';
import { Heading } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { useForm, type FormApi } from '../../forms/use-form.ts';
import { PANEL_KEEPS_ON } from './case-view.ts';

export const today = () => new Date().toISOString().slice(0, 10);

export interface FormProps {
  caseId: string;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** The search parameters that keep the form on screen; see ActionForm. */
  keepsOn?: readonly string[];
}

const names = (list: { id: string; name: string }[] | undefined) =>
  Object.fromEntries((list ?? []).map((u) => [u.id, u.name]));

export function ScheduleIntakeForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  // The page has the case already: its adviser is the one who holds the intake, unless changed.
  const detail = useCase(caseId).data;
  const moving = detail?.status === 'intake_scheduled';
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'scheduleIntake']}
      mutation={useScheduleIntake()}
      params={{ caseId }}
      initial={{
        advisorId: detail?.advisorId ?? undefined,
        mode: detail?.intakeMode ?? 'office',
        location: detail?.intakeLocation ?? '',
        videoLink: detail?.intakeVideoLink ?? '',
      }}
      title={moving ? 'Intake verzetten' : 'Intake plannen'}
      submitLabel={moving ? 'Intake verzetten' : 'Intake plannen'}
      success={moving ? 'De intake is verzet.' : 'De intake is gepland.'}
    >
      {(form) => <ScheduleIntakeFields form={form} />}
    </ActionForm>
  );
}

function ScheduleIntakeFields({ form }: { form: FormApi }) {
  const advisors = useStaff('advisor');
  return (
    <>
      <DateTimeField
        form={form}
        name="scheduledAt"
        label="Datum en tijd van de intake *"
        description="Vanaf nu; de intake komt als actie op de werklijst."
        notBefore="now"
      />
      <SelectField
        form={form}
        name="advisorId"
        label="Bedrijfsadviseur die de intake doet"
        description="Wordt de bedrijfsadviseur van het dossier. De uitnodiging noemt deze adviseur."
        placeholder="Nog niemand"
        options={names(advisors.data)}
      />
      <RadioGroup
        form={form}
        name="mode"
        label="Hoe vindt de intake plaats? *"
        options={INTAKE_MODE_LABELS}
      />
      {form.values.mode === 'video' ? (
        <TextField
          form={form}
          name="videoLink"
          label="Link van het videogesprek *"
          description="Begint met https://; komt in de uitnodiging en de agenda-afspraak."
        />
      ) : (
        <TextField
          form={form}
          name="location"
          label={
            form.values.mode === 'phone' ? 'Telefoonnummer of toelichting' : 'Adres van de intake'
          }
          description={
            form.values.mode === 'business'
              ? 'Het adres van het bedrijf.'
              : form.values.mode === 'phone'
                ? 'Niet verplicht, bijvoorbeeld "de adviseur belt u op 06 12345678".'
                : 'Nodig voor de uitnodiging. Bijvoorbeeld: Stadswinkel, Korte Nieuwstraat 6, Nijmegen.'
          }
        />
      )}
    </>
  );
}

/** The fields of an intake, for recording it and for correcting it. */
export function IntakeFields({ form }: { form: FormApi }) {
  const advisors = useStaff('advisor');
  return (
    <>
      <TextField form={form} name="date" label="Datum van de intake *" type="date" />
      <SelectField form={form} name="mode" label="Vorm *" options={CONTACT_MODE_LABELS} />
      <SelectField
        form={form}
        name="advisorId"
        label="Bedrijfsadviseur"
        placeholder="Niet geregistreerd"
        options={names(advisors.data)}
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
    </>
  );
}

export function IntakeForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  // The advisor who was to hold it, and the form it was planned in, are filled in already.
  const detail = useCase(caseId).data;
  const plannedMode =
    detail?.intakeMode === 'video' ? 'video' : detail?.intakeMode === 'phone' ? 'phone' : undefined;
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'recordIntake']}
      mutation={useRecordIntake()}
      params={{ caseId }}
      initial={{
        date: today(),
        bbzOptions: [],
        recommendedRoutes: [],
        ...(detail?.advisorId ? { advisorId: detail.advisorId } : {}),
        ...(detail?.intakeMode ? { mode: plannedMode ?? 'face_to_face' } : {}),
      }}
      title="Intake vastleggen"
      submitLabel="Intake vastleggen"
      success="De intake is vastgelegd."
    >
      {(form) => <IntakeFields form={form} />}
    </ActionForm>
  );
}

export function RouteStartForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'startRoute']}
      mutation={useStartRoute()}
      params={{ caseId }}
      initial={{ startDate: today() }}
      title="Route starten"
      submitLabel="Route starten"
      success={(route) => `${ROUTE_TYPE_LABELS[route.type]} is gestart.`}
    >
      {(form) => (
        <>
          <SelectField form={form} name="type" label="Route *" options={ROUTE_TYPE_LABELS} />
          <TextField form={form} name="startDate" label="Startdatum *" type="date" />
          <TextArea
            form={form}
            name="note"
            label="Toelichting bij de start"
            description="Waarom deze route en wat is afgesproken"
          />
        </>
      )}
    </ActionForm>
  );
}

export function RouteEndForm({
  caseId,
  route,
  keepsOn = PANEL_KEEPS_ON,
  ...props
}: FormProps & { route: Route }) {
  const outcomes = Object.fromEntries(
    ROUTE_OUTCOMES[route.type].map((o) => [o, ROUTE_OUTCOME_LABELS[o]!]),
  );
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, `endRoute.${route.id}`]}
      mutation={useEndRoute()}
      params={{ caseId, routeId: route.id }}
      initial={{ status: 'completed', endDate: today() }}
      title={`${ROUTE_TYPE_LABELS[route.type]} beëindigen`}
      headingLevel={3}
      submitLabel="Route beëindigen"
      success={`${ROUTE_TYPE_LABELS[route.type]} is beëindigd.`}
    >
      {(form) => (
        <>
          <SelectField
            form={form}
            name="status"
            label="Hoe eindigt de route? *"
            options={{ completed: 'Afgerond', stopped: 'Gestopt' }}
          />
          <TextField form={form} name="endDate" label="Einddatum *" type="date" />
          <SelectField form={form} name="outcome" label="Uitkomst *" options={outcomes} />
          <TextArea
            form={form}
            name="note"
            label="Toelichting bij het einde"
            description="De toelichting bij de start blijft bewaard"
          />
        </>
      )}
    </ActionForm>
  );
}

/** The fields of a contact, for logging it and for correcting it. */
export function ContactFields({ form }: { form: FormApi }) {
  return (
    <>
      <DateTimeField form={form} name="occurredAt" label="Wanneer *" />
      <SelectField form={form} name="channel" label="Kanaal *" options={CONTACT_CHANNEL_LABELS} />
      <TextArea form={form} name="summary" label="Samenvatting *" />
    </>
  );
}

export function ContactForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'contact']}
      mutation={useLogContact()}
      params={{ caseId }}
      initial={{ occurredAt: new Date().toISOString() }}
      title="Contact vastleggen"
      submitLabel="Contact vastleggen"
      success="Het contact is vastgelegd."
    >
      {(form) => <ContactFields form={form} />}
    </ActionForm>
  );
}

function CoachingFields({ form }: { form: FormApi }) {
  return (
    <>
      <TextField form={form} name="organisation" label="Organisatie *" />
      <TextField form={form} name="coach" label="Coach *" />
      <TextField form={form} name="startDate" label="Startdatum *" type="date" />
      <TextField form={form} name="endDate" label="Einddatum" type="date" />
      <TextField form={form} name="sessions" label="Aantal gesprekken" type="number" />
    </>
  );
}

export function CoachingForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'coaching']}
      mutation={useRecordCoaching()}
      params={{ caseId }}
      initial={{ organisation: 'Over Rood', startDate: today(), sessions: '0' }}
      title="Coaching vastleggen"
      submitLabel="Coaching vastleggen"
      success="De coaching is vastgelegd."
    >
      {(form) => <CoachingFields form={form} />}
    </ActionForm>
  );
}

export function CoachingUpdateForm({
  caseId,
  coaching,
  keepsOn = PANEL_KEEPS_ON,
  ...props
}: FormProps & { coaching: Coaching }) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, `updateCoaching.${coaching.id}`]}
      mutation={useUpdateCoaching()}
      params={{ caseId, coachingId: coaching.id }}
      initial={{
        organisation: coaching.organisation,
        coach: coaching.coach,
        startDate: coaching.startDate,
        endDate: coaching.endDate ?? undefined,
        sessions: String(coaching.sessions),
      }}
      title="Coaching bijwerken"
      headingLevel={3}
      submitLabel="Opslaan"
      success="De coaching is bijgewerkt."
    >
      {(form) => <CoachingFields form={form} />}
    </ActionForm>
  );
}

/** The fields of a perspective analysis, for recording it and for correcting it. */
export function AnalysisFields({ caseId, form }: { caseId: string; form: FormApi }) {
  const documents = useAttachments(caseId);
  return (
    <>
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
    </>
  );
}

export function AnalysisForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'analysis']}
      mutation={useRecordAnalysis()}
      params={{ caseId }}
      initial={{ date: today() }}
      title="Analyse perspectief vastleggen"
      submitLabel="Analyse vastleggen"
      success="De analyse perspectief is vastgelegd."
    >
      {(form) => <AnalysisFields caseId={caseId} form={form} />}
    </ActionForm>
  );
}

export function WithdrawForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'withdraw']}
      mutation={useWithdrawCase()}
      params={{ caseId }}
      initial={{}}
      title="Dossier terugtrekken"
      submitLabel="Terugtrekken"
      success="Het dossier is teruggetrokken."
    >
      {(form) => <TextArea form={form} name="reason" label="Reden *" />}
    </ActionForm>
  );
}

/** Urgency, other support and (for who may assign) who works on the case. */
export function CaseSettingsForm({
  caseId,
  detail,
  canAssign,
  keepsOn = PANEL_KEEPS_ON,
  ...props
}: FormProps & { detail: CaseDetail; canAssign: boolean }) {
  const advisors = useStaff('advisor');
  const caseworkers = useStaff('caseworker');
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'settings']}
      mutation={useUpdateCase()}
      params={{ caseId }}
      initial={{
        urgency: detail.urgency,
        otherSupport: detail.otherSupport,
        sourceDetail: detail.sourceDetail ?? undefined,
        ...(canAssign ? { caseworkerId: detail.caseworkerId, advisorId: detail.advisorId } : {}),
      }}
      // "Niemand" in the list means: take the assignment away (null), not: leave it.
      toBody={(body) =>
        canAssign
          ? { ...body, caseworkerId: body.caseworkerId ?? null, advisorId: body.advisorId ?? null }
          : { ...body, caseworkerId: undefined, advisorId: undefined }
      }
      title="Dossier wijzigen"
      submitLabel="Opslaan"
      success="De gegevens van het dossier zijn gewijzigd."
    >
      {(form) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}

/** The entrepreneur's details; an empty BSN field keeps the stored BSN. */
export function EntrepreneurForm({
  caseId,
  detail,
  keepsOn = PANEL_KEEPS_ON,
  ...props
}: FormProps & { detail: CaseDetail }) {
  const e = detail.entrepreneur;
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'entrepreneur']}
      mutation={useUpdateEntrepreneur()}
      params={{ entrepreneurId: e.id }}
      initial={{
        name: e.name,
        email: e.email,
        phone: e.phone,
        postcode: e.postcode,
        houseNumber: e.houseNumber,
        houseNumberAddition: e.houseNumberAddition,
        street: e.street,
        town: e.town,
        businessName: e.businessName,
        kvkNumber: e.kvkNumber,
        legalForm: e.legalForm,
        sbiCode: e.sbiCode,
        businessStartDate: e.businessStartDate,
        tozoPeriods: e.tozoPeriods,
        partnerIncome: e.partnerIncome,
      }}
      title="Gegevens ondernemer wijzigen"
      submitLabel="Opslaan"
      success="De gegevens van de ondernemer zijn gewijzigd."
    >
      {(form) => (
        <EntrepreneurFields form={form} bsnDescription="Leeg laten om het bewaarde BSN te houden" />
      )}
    </ActionForm>
  );
}

/** A file has no draft: it is chosen again in a moment, and no typing is lost. */
/** What the upload form checks before sending: a file of at most 10 MB and its type. */
const UploadFormSchema = AttachmentUploadSchema.extend({
  documentType: z.enum(DOCUMENT_TYPES, { error: 'Kies het soort document.' }),
  file: z
    .instanceof(File, { message: 'Kies een bestand.' })
    .refine((f) => f.size <= 10 * 1024 * 1024, { message: 'Het bestand is groter dan 10 MB.' }),
});

export function UploadForm({ caseId, onDone, onCancel }: FormProps) {
  const upload = useUploadAttachment();
  // No draft: a chosen file cannot be kept across a session.
  const form = useForm(UploadFormSchema, {});
  const onSubmit = form.submit(async (value) => {
    await upload.mutateAsync({
      caseId,
      file: value.file,
      documentType: value.documentType,
      description: value.description,
    });
    form.finish();
    onDone(`${value.file.name} is toegevoegd.`);
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Heading level={2}>Document toevoegen</Heading>
      <ErrorSummary form={form} />
      <FileField
        form={form}
        name="file"
        label="Bestand *"
        description="PDF, afbeelding of Office-document, hoogstens 10 MB."
      />
      <SelectField
        form={form}
        name="documentType"
        label="Soort document *"
        options={DOCUMENT_TYPE_LABELS}
      />
      <TextField
        form={form}
        name="description"
        label="Omschrijving"
        description="Waar het document over gaat, bijvoorbeeld: jaarcijfers 2020."
      />
      <SubmitBar busy={upload.isPending} label="Toevoegen" onCancel={onCancel} />
    </form>
  );
}

/** The routes the intake recommended, started together: one date, one note. */
export function RecommendedRoutesForm({
  caseId,
  types,
  keepsOn = PANEL_KEEPS_ON,
  ...props
}: FormProps & { types: Route['type'][] }) {
  const names = types.map((t) => ROUTE_TYPE_LABELS[t]).join(' en ');
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'recommendedRoutes']}
      mutation={useStartRecommendedRoutes()}
      params={{ caseId }}
      initial={{ startDate: today(), types }}
      title="Aanbevolen routes starten"
      headingLevel={3}
      intro={<p>De intake beveelt aan: {names}. Wat u aanvinkt, start op dezelfde datum.</p>}
      submitLabel="Aangevinkte routes starten"
      success={(_value, started) => {
        const list = started.map((r) => ROUTE_TYPE_LABELS[r.type]).join(' en ');
        return started.length === 1 ? `${list} is gestart.` : `${list} zijn gestart.`;
      }}
    >
      {(form) => (
        <>
          <CheckboxGroup
            form={form}
            name="types"
            label="Welke routes starten? *"
            options={Object.fromEntries(types.map((t) => [t, ROUTE_TYPE_LABELS[t]]))}
          />
          <TextField form={form} name="startDate" label="Startdatum *" type="date" />
          <TextArea
            form={form}
            name="note"
            label="Toelichting bij de start"
            description="Wat is afgesproken; komt bij elke gestarte route."
          />
        </>
      )}
    </ActionForm>
  );
}
