import type { PrivacySettings } from '@herorientatie/domain';
import { useState } from 'react';
import { usePrivacySettings, useSavePrivacySettings } from '../api/letters.ts';
import { formatDateTime } from '../components/StatusBadge.tsx';
import { TextArea, TextField } from '../components/form.tsx';
import { Alert, Button, Heading, Paragraph } from '../components/ui.tsx';
import { ActionForm } from '../forms/ActionForm.tsx';

function PrivacyForm({ settings, onDone }: { settings: PrivacySettings; onDone: () => void }) {
  return (
    <ActionForm
      draft={['privacy-settings', 'edit']}
      mutation={useSavePrivacySettings()}
      params={{}}
      initial={{
        controller: settings.controller ?? '',
        contactEmail: settings.contactEmail ?? '',
        contactPhone: settings.contactPhone ?? '',
        dpoName: settings.dpoName ?? '',
        dpoEmail: settings.dpoEmail ?? '',
        dpoPhone: settings.dpoPhone ?? '',
        legalBasis: settings.legalBasis ?? '',
        advisorOrganisation: settings.advisorOrganisation ?? '',
        retentionYears:
          settings.retentionYears === undefined ? '' : String(settings.retentionYears),
      }}
      title="Privacyverklaring"
      headingLevel={3}
      submitLabel="Privacyverklaring opslaan"
      success="De privacyverklaring is opgeslagen."
      onDone={onDone}
      onCancel={onDone}
    >
      {(form) => (
        <>
          <TextField
            form={form}
            name="controller"
            label="Verwerkingsverantwoordelijke *"
            description="Meestal: het college van burgemeester en wethouders van de gemeente."
          />
          <TextField form={form} name="contactEmail" label="E-mailadres voor vragen en verzoeken" />
          <TextField form={form} name="contactPhone" label="Telefoonnummer voor vragen" />
          <TextField form={form} name="dpoName" label="Functionaris gegevensbescherming (naam)" />
          <TextField
            form={form}
            name="dpoEmail"
            label="E-mailadres functionaris gegevensbescherming *"
          />
          <TextField
            form={form}
            name="dpoPhone"
            label="Telefoonnummer functionaris gegevensbescherming"
          />
          <TextArea
            form={form}
            name="legalBasis"
            rows={5}
            label="Grondslag *"
            description="Heroriëntatie is geen wettelijke taak: noem het besluit van de gemeenteraad (datum en onderwerp) waarop de hulp berust."
          />
          <TextField
            form={form}
            name="advisorOrganisation"
            label="Organisatie van de bedrijfsadviseurs"
            description="De externe adviseurs die de intake doen, zoals in de privacyverklaring genoemd."
          />
          <TextField
            form={form}
            name="retentionYears"
            label="Bewaartermijn in jaren *"
            description="Hoe lang een dossier na afsluiten wordt bewaard, volgens de selectielijst van de gemeente."
          />
        </>
      )}
    </ActionForm>
  );
}

/** What the public privacy statement says for this municipality, kept by the administrator. */
export function PrivacyAdmin() {
  const settings = usePrivacySettings();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (settings.isPending) return <Paragraph>Laden…</Paragraph>;
  if (settings.error) return <Alert type="error">{settings.error.message}</Alert>;
  const s = settings.data;
  return (
    <>
      <Paragraph>
        De openbare aanmeldpagina toont de privacyverklaring van uw gemeente. De tekst wordt gemaakt
        uit deze gegevens: wie verantwoordelijk is, hoe de functionaris gegevensbescherming te
        bereiken is, de grondslag en de bewaartermijn.
      </Paragraph>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {!s.configured && !editing && (
        <Alert type="warning">
          Nog niet ingevuld: de openbare pagina toont nu een standaardtekst zonder functionaris
          gegevensbescherming en zonder bewaartermijn.
        </Alert>
      )}
      {editing ? (
        <PrivacyForm
          settings={s}
          onDone={() => {
            setEditing(false);
            setMessage('De privacyverklaring is opgeslagen.');
          }}
        />
      ) : (
        <div className="app-section">
          <Heading level={3}>Privacyverklaring</Heading>
          {s.configured && (
            <Paragraph>
              {s.controller}. Functionaris gegevensbescherming: {s.dpoName ?? ''} {s.dpoEmail}.
              Bewaartermijn {s.retentionYears} jaar. Laatst gewijzigd{' '}
              {s.updatedAt ? formatDateTime(s.updatedAt) : ''}.
            </Paragraph>
          )}
          <Button
            appearance="secondary-action"
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Privacyverklaring aanpassen
          </Button>
        </div>
      )}
    </>
  );
}
