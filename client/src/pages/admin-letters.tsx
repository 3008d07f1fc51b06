import {
  LETTER_KIND_LABELS,
  MERGE_FIELDS,
  type LetterTemplate,
  type Letterhead,
} from '@herorientatie/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import {
  openPdf,
  saveLogo,
  templatePreviewPdf,
  useLetterhead,
  useLetterTemplates,
  useSaveLetterhead,
  useSaveLetterTemplate,
} from '../api/letters.ts';
import { formatDateTime } from '../components/StatusBadge.tsx';
import { TextArea, TextField } from '../components/form.tsx';
import { Alert, Button, Heading, Paragraph } from '../components/ui.tsx';
import { ActionForm } from '../forms/ActionForm.tsx';
import type { FormApi } from '../forms/use-form.ts';

function MergeFieldList() {
  return (
    <details open>
      <summary>Samenvoegvelden die u kunt gebruiken</summary>
      <dl className="app-merge-fields">
        {Object.entries(MERGE_FIELDS).map(([name, description]) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function LetterheadForm({ letterhead, onDone }: { letterhead: Letterhead; onDone: () => void }) {
  return (
    <ActionForm
      draft={['letterhead', 'edit']}
      mutation={useSaveLetterhead()}
      params={{}}
      initial={{
        department: letterhead.department ?? '',
        addressLines: letterhead.addressLines ?? '',
        phone: letterhead.phone ?? '',
        email: letterhead.email ?? '',
        website: letterhead.website ?? '',
        signatoryName: letterhead.signatoryName ?? '',
        signatoryTitle: letterhead.signatoryTitle ?? '',
      }}
      title="Briefhoofd en ondertekening"
      headingLevel={3}
      submitLabel="Briefhoofd opslaan"
      success="Het briefhoofd is opgeslagen."
      onDone={onDone}
      onCancel={onDone}
    >
      {(form) => (
        <>
          <TextField form={form} name="department" label="Afdeling of team" />
          <TextArea
            form={form}
            name="addressLines"
            label="Adres"
            description="Rechtsboven op de brief, bijvoorbeeld postbus en postcode met plaats."
          />
          <TextField form={form} name="phone" label="Telefoonnummer" type="tel" />
          <TextField form={form} name="email" label="E-mailadres" type="email" />
          <TextField form={form} name="website" label="Website" />
          <TextField form={form} name="signatoryName" label="Naam ondertekenaar *" />
          <TextField form={form} name="signatoryTitle" label="Functie ondertekenaar" />
        </>
      )}
    </ActionForm>
  );
}

/** The logo on every letter and on the sign-up page: PNG or JPEG, at most 512 kB. */
function LogoField({ hasLogo, canUpload }: { hasLogo: boolean; canUpload: boolean }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (file: File | null) => {
    setError(null);
    setBusy(true);
    try {
      await saveLogo(file);
      await queryClient.invalidateQueries({ queryKey: ['letterhead'] });
    } catch (err) {
      const fields = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      setError(fields.map((f) => f.reason).join(' ') || (err instanceof Error ? err.message : ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="app-section">
      <h4 className="utrecht-heading-4">Logo</h4>
      {hasLogo ? (
        <p>
          <img src="/api/v1/letterhead/logo" alt="Huidig logo op de brieven" height={48} />
        </p>
      ) : (
        <Paragraph>Nog geen logo: de brieven tonen dan alleen de naam van de gemeente.</Paragraph>
      )}
      {canUpload ? (
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="letterhead-logo">
            {hasLogo ? 'Ander logo kiezen' : 'Logo kiezen'} (PNG of JPEG, hoogstens 512 kB)
          </label>
          <input
            id="letterhead-logo"
            type="file"
            accept="image/png,image/jpeg"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void save(file);
              event.target.value = '';
            }}
          />
          {hasLogo && (
            <Button appearance="secondary-action" disabled={busy} onClick={() => void save(null)}>
              Logo weghalen
            </Button>
          )}
        </div>
      ) : (
        <Paragraph>Sla eerst het briefhoofd op; daarna kunt u een logo toevoegen.</Paragraph>
      )}
      {error && <Alert type="error">{error}</Alert>}
    </div>
  );
}

/** The template as it would print, with made-up values; nothing is saved. */
function TemplatePreviewButton({ form }: { form: FormApi }) {
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setError(null);
    try {
      await openPdf(() =>
        templatePreviewPdf({ subject: form.values.subject, body: form.values.body }),
      );
    } catch (err) {
      const fields = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      setError(
        fields.map((f) => f.reason).join(' ') ||
          (err instanceof Error ? err.message : 'Het voorbeeld kon niet worden gemaakt.'),
      );
    }
  };
  return (
    <div className="app-preview-action">
      <Button appearance="secondary-action" onClick={() => void show()}>
        Voorbeeld bekijken (PDF)
      </Button>{' '}
      <span className="app-muted">
        Met verzonnen gegevens en het briefhoofd, in een nieuw tabblad; er wordt niets bewaard.
      </span>
      {error && <Alert type="error">{error}</Alert>}
    </div>
  );
}

function TemplateForm({ template, onDone }: { template: LetterTemplate; onDone: () => void }) {
  return (
    <ActionForm
      draft={['letter-template', template.kind]}
      mutation={useSaveLetterTemplate()}
      params={{ kind: template.kind }}
      initial={{ subject: template.subject, body: template.body }}
      title={`Sjabloon: ${LETTER_KIND_LABELS[template.kind]}`}
      headingLevel={3}
      intro={<MergeFieldList />}
      submitLabel="Sjabloon opslaan"
      success={`Het sjabloon "${LETTER_KIND_LABELS[template.kind]}" is opgeslagen.`}
      onDone={onDone}
      onCancel={onDone}
    >
      {(form) => (
        <>
          <TemplatePreviewButton form={form} />
          <TextField form={form} name="subject" label="Onderwerp *" />
          <div className="app-wide-text">
            <TextArea
              form={form}
              name="body"
              rows={18}
              label="Tekst *"
              description="Begin met de aanhef. Een lege regel begint een nieuwe alinea. Groet en ondertekening komen uit het briefhoofd."
            />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The administrator's letters: letterhead and the text of each template. */
export function LettersAdmin() {
  const templates = useLetterTemplates();
  const letterhead = useLetterhead();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text?: string) => {
    setEditing(null);
    if (text) setMessage(text);
  };
  if (templates.isPending || letterhead.isPending) return <Paragraph>Laden…</Paragraph>;
  if (templates.error) return <Alert type="error">{templates.error.message}</Alert>;
  if (letterhead.error) return <Alert type="error">{letterhead.error.message}</Alert>;
  const h = letterhead.data;
  return (
    <>
      <Paragraph>
        Consulenten maken brieven vanuit een dossier. De tekst komt uit deze sjablonen; de gegevens
        van het dossier komen op de plaats van de samenvoegvelden, zoals <code>{'{{naam}}'}</code>.
      </Paragraph>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {editing === 'letterhead' ? (
        <LetterheadForm letterhead={h} onDone={() => done('Het briefhoofd is opgeslagen.')} />
      ) : (
        <div className="app-section">
          <Heading level={3}>Briefhoofd en ondertekening</Heading>
          {h.missing.length > 0 && (
            <Alert type="warning">
              Nog niet compleet: {h.missing.join(', ')}. Zolang dit ontbreekt, kunnen consulenten
              geen brieven maken en gaan er geen brieven of e-mails van benaderingsrondes uit: wie
              de brief krijgt, moet kunnen reageren.
            </Alert>
          )}
          <Paragraph>
            Gemeente {h.municipality}
            {h.department ? `, ${h.department}` : ''}. Ondertekend door{' '}
            {h.signatoryName ?? 'Team Heroriëntatie (nog niet ingesteld)'}
            {h.signatoryTitle ? `, ${h.signatoryTitle}` : ''}.
          </Paragraph>
          <Button
            appearance="secondary-action"
            onClick={() => {
              setMessage(null);
              setEditing('letterhead');
            }}
          >
            Briefhoofd aanpassen
          </Button>
          <LogoField hasLogo={h.hasLogo} canUpload={h.signatoryName !== null} />
        </div>
      )}
      <div className="app-section">
        <Heading level={3}>Sjablonen</Heading>
      </div>
      <ul className="app-cards">
        {templates.data.map((t) => (
          <li key={t.kind} className="app-card">
            {editing === t.kind ? (
              <TemplateForm
                template={t}
                onDone={() => done(`Het sjabloon "${LETTER_KIND_LABELS[t.kind]}" is opgeslagen.`)}
              />
            ) : (
              <>
                <h4 className="utrecht-heading-4">{LETTER_KIND_LABELS[t.kind]}</h4>
                <Paragraph>
                  Onderwerp: {t.subject}
                  <br />
                  {t.isDefault
                    ? 'Standaardtekst van Heroriëntatie.'
                    : `Eigen tekst, laatst gewijzigd ${formatDateTime(t.updatedAt!)} door ${t.updatedBy}.`}
                </Paragraph>
                <Button
                  appearance="secondary-action"
                  onClick={() => {
                    setMessage(null);
                    setEditing(t.kind);
                  }}
                >
                  Sjabloon aanpassen
                  <span className="app-visually-hidden"> {LETTER_KIND_LABELS[t.kind]}</span>
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
