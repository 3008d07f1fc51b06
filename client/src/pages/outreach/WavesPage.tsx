import {
  can,
  OUTREACH_CHANNEL_LABELS,
  TOZO_LABELS,
  type Me,
  type ResponseRates,
  type Wave,
} from '@herorientatie/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateWave, useResponseRates, useWaves } from '../../api/outreach.ts';
import { BarFigure, FIGURE_COLOURS } from '../../components/charts.tsx';
import {
  CheckboxField,
  CheckboxGroup,
  ListField,
  RadioGroup,
  TextArea,
  TextField,
} from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';

const FORM_PARAM = 'formulier';

/** A response rate in Dutch notation ("12,5%"), or a dash while nobody answered. */
export const rateText = (rate: number | null) =>
  rate === null ? '—' : `${rate.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;

function ResponseByChannel({ rates }: { rates: ResponseRates }) {
  const used = rates.byChannel.filter((c) => c.recipients > 0);
  if (used.length === 0) return null;
  return (
    <section aria-labelledby="rates-heading" className="app-section">
      <Heading level={2} id="rates-heading">
        Respons per kanaal
      </Heading>
      <DataTable
        caption="Respons per kanaal, alle rondes samen"
        columns={[
          'Kanaal',
          { label: 'Benaderd', numeric: true },
          { label: 'Gereageerd', numeric: true },
          { label: 'Respons', numeric: true },
        ]}
        rows={used.map((c) => ({
          key: c.channel,
          cells: [
            OUTREACH_CHANNEL_LABELS[c.channel],
            c.recipients,
            c.responded,
            rateText(c.responseRate),
          ],
        }))}
      />
      <BarFigure
        caption="Respons per kanaal in procenten."
        data={used.map((c) => ({
          channel: OUTREACH_CHANNEL_LABELS[c.channel],
          rate: c.responseRate ?? 0,
        }))}
        category="channel"
        format={(v) => `${v.toLocaleString('nl-NL', { maximumFractionDigits: 0 })}%`}
        series={[{ key: 'rate', label: 'Respons', color: FIGURE_COLOURS.spent }]}
      />
    </section>
  );
}

function WaveTable({ waves }: { waves: Wave[] }) {
  const nameOf = (id: string | null) => waves.find((w) => w.id === id)?.name;
  return (
    <DataTable
      caption="Rondes, nieuwste eerst"
      columns={[
        'Ronde',
        'Kanaal',
        'Datum',
        { label: 'Ontvangers', numeric: true },
        { label: 'Gereageerd', numeric: true },
        { label: 'Interesse', numeric: true },
        { label: 'Respons', numeric: true },
        'Vervolg op',
      ]}
      rows={waves.map((w) => ({
        key: w.id,
        cells: [
          <Link key="name" className="utrecht-link" to={`/benadering/rondes/${w.id}`}>
            {w.name}
          </Link>,
          OUTREACH_CHANNEL_LABELS[w.channel],
          formatDate(w.plannedDate),
          w.recipients,
          w.responded,
          w.interested,
          rateText(w.responseRate),
          nameOf(w.parentWaveId) ?? '—',
        ],
      }))}
    />
  );
}

function NewWaveForm({ onCancel }: { onCancel: () => void }) {
  const create = useCreateWave();
  const navigate = useNavigate();
  return (
    <ActionForm
      draft={['new', 'wave']}
      mutation={create}
      params={{}}
      initial={{
        channel: 'letter',
        criteria: { tozoPeriods: [], sbiPrefixes: [], notYetApproached: true, noResponse: false },
      }}
      title="Nieuwe ronde"
      intro={
        <Paragraph>
          Kies wie u benadert. Alleen ontvangers die aan alle keuzes voldoen, komen in de ronde.
          Zonder keuzes komen alle ontvangers uit de ingelezen lijst erin.
        </Paragraph>
      }
      submitLabel="Ronde maken"
      success={(_value, wave) =>
        `De ronde ${wave.name} is gemaakt met ${wave.recipients} ontvangers.`
      }
      onDone={(message, wave) => navigate(`/benadering/rondes/${wave.id}`, { state: { message } })}
      onCancel={onCancel}
      keepsOn={[FORM_PARAM]}
    >
      {(form) => (
        <>
          <TextField
            form={form}
            name="name"
            label="Naam *"
            description='Bijvoorbeeld "Brief Tozo 1 en 2, mei"'
          />
          <RadioGroup
            form={form}
            name="channel"
            label="Kanaal *"
            options={OUTREACH_CHANNEL_LABELS}
          />
          <TextField form={form} name="plannedDate" label="Datum *" type="date" />
          <fieldset className="utrecht-form-fieldset" id="field-criteria">
            <legend className="utrecht-form-fieldset__legend">Wie benadert u?</legend>
            {form.errors.fields.criteria && (
              <div className="utrecht-form-field-error-message">{form.errors.fields.criteria}</div>
            )}
            <CheckboxGroup
              form={form}
              name="criteria.tozoPeriods"
              label="Tozo-periode (een of meer)"
              options={TOZO_LABELS}
            />
            <ListField
              form={form}
              name="criteria.sbiPrefixes"
              label="Sector (SBI-codes)"
              description="Een of meer SBI-codes of het begin ervan, met komma’s ertussen. Bijvoorbeeld 56 (eet- en drinkgelegenheden), 47 (detailhandel)."
            />
            <CheckboxField
              form={form}
              name="criteria.notYetApproached"
              label="Alleen wie nog niet is benaderd"
            />
            <CheckboxField
              form={form}
              name="criteria.noResponse"
              label="Alleen wie eerder niet reageerde"
            />
          </fieldset>
          <TextArea
            form={form}
            name="message"
            label="Tekst van de brief of e-mail"
            description="Niet verplicht; zonder tekst gebruiken we de standaardtekst."
          />
        </>
      )}
    </ActionForm>
  );
}

/** Outreach waves with their response, and a new wave chosen by criteria. */
export function WavesPage({ me }: { me: Me }) {
  usePageTitle('Benaderingsrondes');
  const waves = useWaves();
  const rates = useResponseRates();
  const [params, setParams] = useSearchParams();
  const manage = can(principalOf(me), 'outreach:manage');
  const creating = manage && params.get(FORM_PARAM) === 'nieuw';
  const setForm = (open: boolean) =>
    setParams(open ? { [FORM_PARAM]: 'nieuw' } : {}, { replace: true });

  return (
    <>
      <Heading level={1}>Benaderingsrondes</Heading>
      <Paragraph>
        Een ronde is één keer benaderen van een groep ondernemers uit de ingelezen lijst: per brief,
        e-mail, telefoon of sms. Per ronde legt u de reactie vast; wie interesse heeft, meldt u in
        één stap aan als dossier.
      </Paragraph>
      {manage &&
        (creating ? (
          <div className="app-form-panel app-actions">
            <NewWaveForm onCancel={() => setForm(false)} />
          </div>
        ) : (
          <Button aria-expanded={false} onClick={() => setForm(true)}>
            Nieuwe ronde
          </Button>
        ))}
      <section aria-labelledby="waves-heading" className="app-section">
        <Heading level={2} id="waves-heading">
          Rondes
        </Heading>
        {waves.isPending && <Paragraph>Rondes laden…</Paragraph>}
        {waves.error && <Alert type="error">{waves.error.message}</Alert>}
        {waves.data?.length === 0 && (
          <Paragraph>
            Er zijn nog geen rondes.{' '}
            {manage && (
              <>
                Lees eerst een lijst in via <Link to="/benadering/importeren">Importeren</Link>.
              </>
            )}
          </Paragraph>
        )}
        {waves.data && waves.data.length > 0 && <WaveTable waves={waves.data} />}
      </section>
      {rates.data && <ResponseByChannel rates={rates.data} />}
    </>
  );
}

export default WavesPage;
