import {
  describeMissing,
  LETTER_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
  type LetterKind,
} from '@herorientatie/domain';
import { useEffect, useRef, useState } from 'react';
import { letterPreviewPdf, openPdf, useCreateLetter, useLetterPreview } from '../../api/letters.ts';
import { useReferrals } from '../../api/referrals.ts';
import { CheckboxField, SelectField, TextArea } from '../../components/form.tsx';
import { Alert, Button, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import type { FormApi } from '../../forms/use-form.ts';
import { PANEL_KEEPS_ON } from './case-view.ts';
import type { FormProps } from './forms.tsx';

/**
 * The letter's text as merged for this case. It fills the text field when the kind (or
 * referral) changes; what the caseworker then types is kept.
 */
function LetterPreviewFields({ caseId, form }: { caseId: string; form: FormApi }) {
  const kind = form.values.kind as LetterKind | undefined;
  const referralId = form.values.referralId as string | undefined;
  const referrals = useReferrals(caseId);
  const preview = useLetterPreview(caseId, kind, referralId);
  const sent = (referrals.data ?? []).filter((r) => r.status !== 'draft');
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [pdfBusy, setPdfBusy] = useState(false);
  const showPdf = async () => {
    setPdfError(null);
    setPdfBusy(true);
    try {
      await openPdf(() => letterPreviewPdf(caseId, { kind, referralId, body: form.values.body }));
    } catch (err) {
      setPdfError(err instanceof Error ? err.message : 'Het voorbeeld kon niet worden gemaakt.');
    } finally {
      setPdfBusy(false);
    }
  };
  const key = `${kind}:${referralId ?? ''}`;
  // A restored draft keeps its own text.
  const filledFor = useRef<string | null>(form.restored && form.values.body ? key : null);
  const { set } = form;
  useEffect(() => {
    if (preview.data && filledFor.current !== key) {
      filledFor.current = key;
      set('body', preview.data.body);
    }
  }, [preview.data, key, set]);

  return (
    <>
      {kind === 'referral' &&
        (sent.length === 0 ? (
          <Alert type="info">
            Dit dossier heeft nog geen verstuurde verwijzing. Verwijs eerst op het tabblad
            Verwijzingen; daarna kunt u de verwijsbrief maken.
          </Alert>
        ) : (
          <SelectField
            form={form}
            name="referralId"
            label="Over welke verwijzing? *"
            options={Object.fromEntries(
              sent.map((r) => [r.id, `${r.partnerName} (${REFERRAL_STATUS_LABELS[r.status]})`]),
            )}
          />
        ))}
      {preview.isFetching && !preview.data && <Paragraph>Brief voorbereiden…</Paragraph>}
      {preview.error && <Alert type="error">{preview.error.message}</Alert>}
      {preview.data && (
        <>
          <Paragraph>
            <strong>Onderwerp:</strong> {preview.data.subject}
          </Paragraph>
          {!preview.data.letterheadComplete && (
            <Alert type="warning">
              Het briefhoofd van de gemeente is nog niet ingesteld: de brief noemt dan geen
              ondertekenaar, telefoonnummer of e-mailadres. Vraag de beheerder dit in te stellen
              (Beheer, onderdeel Brieven).
            </Alert>
          )}
          {preview.data.missing.length > 0 && (
            <Alert type="warning">
              Er ontbreekt nog iets: {describeMissing(preview.data.missing)}. De open plekken staan
              tussen [haken] in de tekst; vul ze in of regel het eerst in het dossier.
            </Alert>
          )}
          <div className="app-wide-text">
            <TextArea
              form={form}
              name="body"
              rows={18}
              label="Tekst van de brief"
              description="Ingevuld met de gegevens van het dossier. U kunt de tekst voor deze brief aanpassen; het sjabloon blijft zoals het is."
            />
          </div>
          <p>
            <Button
              appearance="secondary-action"
              disabled={pdfBusy}
              aria-busy={pdfBusy}
              onClick={() => void showPdf()}
            >
              Voorbeeld bekijken (PDF)
            </Button>{' '}
            <span className="app-muted">Opent in een nieuw tabblad; er wordt niets bewaard.</span>
          </p>
          {pdfError && <Alert type="error">{pdfError}</Alert>}
          {preview.data.recipientEmail ? (
            <CheckboxField
              form={form}
              name="sendByEmail"
              label={`Ook per e-mail versturen naar ${preview.data.recipientEmail}`}
              description="De brief gaat als PDF mee in de bijlage."
            />
          ) : (
            <Paragraph>
              Van de ondernemer is geen e-mailadres bekend: print de brief en verstuur hem per post.
            </Paragraph>
          )}
        </>
      )}
    </>
  );
}

/** Makes a letter from the municipality's template: PDF among the documents, on the timeline. */
export function LetterForm({ caseId, keepsOn = PANEL_KEEPS_ON, ...props }: FormProps) {
  return (
    <ActionForm
      {...props}
      keepsOn={keepsOn}
      draft={[caseId, 'letter']}
      mutation={useCreateLetter()}
      params={{ caseId }}
      initial={{ sendByEmail: false }}
      title="Brief maken"
      intro={
        <Paragraph>
          Kies de brief. De tekst komt uit het sjabloon van de gemeente, met de gegevens van dit
          dossier ingevuld. De brief wordt een PDF bij de documenten.
        </Paragraph>
      }
      submitLabel="Brief maken"
      success={(value) =>
        `${LETTER_KIND_LABELS[value.kind]} is gemaakt en staat bij de documenten${
          value.sendByEmail ? '; de e-mail met de brief wordt verstuurd' : ''
        }.`
      }
    >
      {(form) => (
        <>
          <SelectField
            form={form}
            name="kind"
            label="Welke brief? *"
            options={LETTER_KIND_LABELS}
          />
          <LetterPreviewFields caseId={caseId} form={form} />
        </>
      )}
    </ActionForm>
  );
}
