import {
  CORRECTABLE_RECORD_LABELS,
  type Contact,
  type CorrectableRecord,
  type Intake,
  type PerspectiveAnalysis,
} from '@herorientatie/domain';
import { useId, useState } from 'react';
import {
  useCorrectAnalysis,
  useCorrectContact,
  useCorrectIntake,
  useRecordHistory,
} from '../../api/cases.ts';
import { TextArea } from '../../components/form.tsx';
import { formatDateTime } from '../../components/StatusBadge.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import type { FormApi } from '../../forms/use-form.ts';
import { CARD_KEEPS_ON } from './case-view.ts';
import { AnalysisFields, ContactFields, IntakeFields, type FormProps } from './forms.tsx';
import { recordRows } from './record-fields.ts';
import { DataList } from './data-list.tsx';

const reasonField = (form: FormApi) => (
  <TextArea
    form={form}
    name="correctionReason"
    label="Wat corrigeert u en waarom? *"
    description="Komt bij de eerdere versie en op de tijdlijn"
  />
);

const correctionIntro = (
  <Paragraph>
    Pas aan wat niet klopt. De huidige versie blijft bewaard en is te zien onder Eerdere versies.
  </Paragraph>
);

type CorrectionProps = Omit<FormProps, 'keepsOn'>;

export function IntakeCorrectionForm({
  caseId,
  intake,
  ...props
}: CorrectionProps & { intake: Intake }) {
  return (
    <ActionForm
      {...props}
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `correctIntake.${intake.id}`]}
      mutation={useCorrectIntake()}
      params={{ caseId }}
      initial={{
        date: intake.date,
        mode: intake.mode,
        advisorId: intake.advisorId,
        viability: intake.viability,
        sectorProspects: intake.sectorProspects,
        bbzOptions: intake.bbzOptions,
        bbzNotEligibleReason: intake.bbzNotEligibleReason,
        recommendedRoutes: intake.recommendedRoutes,
        findings: intake.findings,
      }}
      title="Intake corrigeren"
      headingLevel={3}
      intro={correctionIntro}
      submitLabel="Correctie opslaan"
      success="De intake is gecorrigeerd."
    >
      {(form) => (
        <>
          <IntakeFields form={form} />
          {reasonField(form)}
        </>
      )}
    </ActionForm>
  );
}

export function AnalysisCorrectionForm({
  caseId,
  analysis,
  ...props
}: CorrectionProps & { analysis: PerspectiveAnalysis }) {
  return (
    <ActionForm
      {...props}
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `correctAnalysis.${analysis.id}`]}
      mutation={useCorrectAnalysis()}
      params={{ caseId, recordId: analysis.id }}
      initial={{
        provider: analysis.provider,
        date: analysis.date,
        conclusion: analysis.conclusion,
        reportAttachmentId: analysis.reportAttachmentId,
      }}
      title="Analyse perspectief corrigeren"
      headingLevel={3}
      intro={correctionIntro}
      submitLabel="Correctie opslaan"
      success="De analyse perspectief is gecorrigeerd."
    >
      {(form) => (
        <>
          <AnalysisFields caseId={caseId} form={form} />
          {reasonField(form)}
        </>
      )}
    </ActionForm>
  );
}

export function ContactCorrectionForm({
  caseId,
  contact,
  ...props
}: CorrectionProps & { contact: Contact }) {
  return (
    <ActionForm
      {...props}
      keepsOn={CARD_KEEPS_ON}
      draft={[caseId, `correctContact.${contact.id}`]}
      mutation={useCorrectContact()}
      params={{ caseId, recordId: contact.id }}
      initial={{
        occurredAt: contact.occurredAt,
        channel: contact.channel,
        summary: contact.summary,
      }}
      title="Contact corrigeren"
      headingLevel={3}
      intro={correctionIntro}
      submitLabel="Correctie opslaan"
      success="Het contact is gecorrigeerd."
    >
      {(form) => (
        <>
          <ContactFields form={form} />
          {reasonField(form)}
        </>
      )}
    </ActionForm>
  );
}

function VersionList({
  caseId,
  kind,
  recordId,
}: {
  caseId: string;
  kind: CorrectableRecord;
  recordId: string;
}) {
  const history = useRecordHistory(caseId, kind, recordId);
  if (history.isPending) return <Paragraph>Eerdere versies laden…</Paragraph>;
  if (history.error) return <Alert type="error">{history.error.message}</Alert>;
  if (history.data.length === 0) return <Paragraph>Er zijn geen eerdere versies.</Paragraph>;
  return (
    <ol className="app-versions" reversed>
      {history.data.map((version) => (
        <li key={version.version} className="app-version">
          <strong>Versie {version.version}</strong>, vervangen op{' '}
          {formatDateTime(version.replacedAt)}
          {version.replacedByName ? ` door ${version.replacedByName}` : ''}. Reden: {version.reason}
          <DataList rows={recordRows(kind, version.data)} />
        </li>
      ))}
    </ol>
  );
}

/** Earlier versions of a corrected record, shown on request. */
export function RecordHistory({
  caseId,
  kind,
  recordId,
  version,
}: {
  caseId: string;
  kind: CorrectableRecord;
  recordId: string;
  version: number;
}) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  // Version 1 is the record as first saved: nothing earlier to show.
  if (!(version > 1)) return null;
  const earlier = version - 1;
  return (
    <div className="app-history">
      <Button
        appearance="subtle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Verberg eerdere versies' : `Eerdere versies (${earlier})`}
      </Button>
      <div id={regionId}>
        {open && (
          <>
            <h4 className="utrecht-heading-4">
              Eerdere versies van {CORRECTABLE_RECORD_LABELS[kind].toLowerCase()}
            </h4>
            <VersionList caseId={caseId} kind={kind} recordId={recordId} />
          </>
        )}
      </div>
    </div>
  );
}
