import {
  can,
  OUTREACH_CHANNEL_LABELS,
  OUTREACH_RESPONSE_LABELS,
  OUTREACH_RESPONSES,
  RESPONDED,
  DEFAULT_RESPONSE_CHANNEL,
  RESPONSE_CHANNEL_LABELS,
  RESPONSE_CHANNELS,
  dutchDay,
  formatResponseCode,
  type Me,
  type OutreachResponse,
  type ResponseChannel,
  type Wave,
  type WaveContact,
} from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  lettersUrl,
  useFollowUpWave,
  useRecordResponse,
  useRegisterContact,
  useSendWaveEmails,
  useWaveContacts,
  useWaves,
} from '../../api/outreach.ts';
import { ApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { RadioGroup, TextArea, TextField } from '../../components/form.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { ActionForm } from '../../forms/ActionForm.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { DataList } from '../case/data-list.tsx';
import { rateText } from './WavesPage.tsx';

const FORM_PARAM = 'formulier';
type Filter = 'all' | 'open' | 'interested';
const FILTERS: Record<Filter, string> = {
  all: 'Iedereen',
  open: 'Nog zonder reactie',
  interested: 'Met interesse',
};
const shows = (filter: Filter, contact: WaveContact) =>
  filter === 'all' ||
  (filter === 'open' && (contact.response === 'pending' || contact.response === 'no_response')) ||
  (filter === 'interested' && contact.response === 'interested');

function FollowUpForm({
  wave,
  onDone,
  onCancel,
}: {
  wave: Wave;
  onDone: (message: string, created: Wave) => void;
  onCancel: () => void;
}) {
  const followUp = useFollowUpWave();
  const nonResponders = wave.recipients - wave.responded;
  return (
    <ActionForm
      draft={[wave.id, 'follow-up']}
      mutation={followUp}
      params={{ waveId: wave.id }}
      initial={{
        name: `${wave.name} – vervolg`,
        channel: wave.channel === 'letter' ? 'phone' : wave.channel,
      }}
      title="Vervolgronde"
      intro={
        <Paragraph>
          Iedereen uit deze ronde die niet reageerde (nu {nonResponders}) komt in de vervolgronde.
          Kies hoe u hen nu benadert.
        </Paragraph>
      }
      submitLabel="Vervolgronde maken"
      success={(_value, created) =>
        `De vervolgronde ${created.name} is gemaakt met ${created.recipients} ontvangers.`
      }
      onDone={onDone}
      onCancel={onCancel}
      keepsOn={[FORM_PARAM]}
    >
      {(form) => (
        <>
          <TextField form={form} name="name" label="Naam *" />
          <RadioGroup
            form={form}
            name="channel"
            label="Kanaal *"
            options={OUTREACH_CHANNEL_LABELS}
          />
          <TextField form={form} name="plannedDate" label="Datum *" type="date" />
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

/** One contact's response, changed in place; an interested contact becomes a case here. */
function ContactRow({
  wave,
  contact,
  manage,
  mayRegister,
  onRegistered,
}: {
  wave: Wave;
  contact: WaveContact;
  manage: boolean;
  mayRegister: boolean;
  onRegistered: (message: ReactNode) => void;
}) {
  const record = useRecordResponse();
  const register = useRegisterContact();
  const [error, setError] = useState<string | null>(null);
  const who = contact.name ?? contact.businessName ?? 'onbekend';
  const pending = record.isPending ? record.variables?.body.response : undefined;
  const [date, setDate] = useState(contact.responseDate ?? dutchDay());
  const [channel, setChannel] = useState<ResponseChannel>(
    contact.responseChannel ?? DEFAULT_RESPONSE_CHANNEL[wave.channel],
  );

  const change = async (
    response: OutreachResponse,
    on: { date: string; channel: ResponseChannel } = { date, channel },
  ) => {
    setError(null);
    try {
      await record.mutateAsync({
        waveId: wave.id,
        contactId: contact.id,
        body: { response, responseDate: on.date, channel: on.channel },
      });
    } catch (err) {
      const fields = err instanceof ApiError ? (err.problem?.errors ?? []) : [];
      setError(
        fields.map((f) => f.reason).join(' ') ||
          (err instanceof Error ? err.message : 'Opslaan lukte niet.'),
      );
    }
  };
  const registerCase = async () => {
    setError(null);
    try {
      const created = await register.mutateAsync({
        waveId: wave.id,
        contactId: contact.id,
        body: undefined,
      });
      onRegistered(
        <>
          {who} is aangemeld als dossier{' '}
          <Link className="utrecht-link" to={`/dossiers/${created.id}`}>
            {created.reference}
          </Link>
          .
        </>,
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Aanmelden lukte niet.');
    }
  };

  return (
    <tr className="utrecht-table__row">
      <th scope="row" className="utrecht-table__header-cell">
        {contact.name ?? '—'}
        {contact.businessName && <small className="app-block">{contact.businessName}</small>}
      </th>
      <td className="utrecht-table__cell">
        {contact.kvkNumber ?? '—'}
        <small className="app-block">Code {formatResponseCode(contact.responseCode)}</small>
      </td>
      <td className="utrecht-table__cell">
        {contact.email && <span className="app-block">{contact.email}</span>}
        {contact.phone && <span className="app-block">{contact.phone}</span>}
        {!contact.email && !contact.phone && '—'}
      </td>
      <td className="utrecht-table__cell">
        {manage ? (
          <select
            aria-label={`Reactie van ${who}`}
            className="utrecht-select utrecht-select--html-select"
            value={pending ?? contact.response}
            disabled={record.isPending}
            onChange={(e) => void change(e.target.value as OutreachResponse)}
          >
            {OUTREACH_RESPONSES.map((r) => (
              <option key={r} value={r}>
                {OUTREACH_RESPONSE_LABELS[r]}
              </option>
            ))}
          </select>
        ) : (
          OUTREACH_RESPONSE_LABELS[contact.response]
        )}
        {manage && (
          <span className="app-block app-response-when">
            <label>
              Op{' '}
              <input
                type="date"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={date}
                max={dutchDay()}
                min={wave.plannedDate}
                aria-label={`Datum van de reactie van ${who}`}
                onChange={(e) => {
                  setDate(e.target.value);
                  if (contact.response !== 'pending' && e.target.value)
                    void change(contact.response, { date: e.target.value, channel });
                }}
              />
            </label>{' '}
            <label>
              via{' '}
              <select
                className="utrecht-select utrecht-select--html-select"
                value={channel}
                aria-label={`Hoe de reactie van ${who} binnenkwam`}
                onChange={(e) => {
                  const next = e.target.value as ResponseChannel;
                  setChannel(next);
                  if (contact.response !== 'pending')
                    void change(contact.response, { date, channel: next });
                }}
              >
                {RESPONSE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {RESPONSE_CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            </label>
          </span>
        )}
        {!manage && contact.responseDate && (
          <span className="app-block">
            {formatDate(contact.responseDate)}
            {contact.responseChannel
              ? `, ${RESPONSE_CHANNEL_LABELS[contact.responseChannel].toLowerCase()}`
              : ''}
          </span>
        )}
        {record.isPending && <span className="app-block">Bezig met opslaan…</span>}
        {error && (
          <span className="app-block app-inline-error" role="alert">
            {error}
          </span>
        )}
      </td>
      <td className="utrecht-table__cell">
        {contact.caseId ? (
          <Link className="utrecht-link" to={`/dossiers/${contact.caseId}`}>
            Dossier van {who}
          </Link>
        ) : contact.response === 'interested' && mayRegister ? (
          <Button
            appearance="secondary-action"
            onClick={() => void registerCase()}
            disabled={register.isPending}
          >
            {register.isPending ? 'Bezig…' : `${who} aanmelden`}
          </Button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

function Contacts({
  wave,
  manage,
  mayRegister,
}: {
  wave: Wave;
  manage: boolean;
  mayRegister: boolean;
}) {
  const contacts = useWaveContacts(wave.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [message, setMessage] = useState<ReactNode>(null);
  if (contacts.isPending) return <Paragraph>Ontvangers laden…</Paragraph>;
  if (contacts.error) return <Alert type="error">{contacts.error.message}</Alert>;
  const shown = contacts.data.filter((c) => shows(filter, c));
  return (
    <>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      <div className="utrecht-form-field app-filter">
        <label className="utrecht-form-label" htmlFor="contact-filter">
          Toon
        </label>
        <select
          id="contact-filter"
          className="utrecht-select utrecht-select--html-select"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          {Object.entries(FILTERS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="utrecht-table-container app-table">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">
            {shown.length} van {contacts.data.length} ontvangers
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {['Naam', 'KvK-nummer en code', 'Contactgegevens', 'Reactie', 'Dossier'].map(
                (label) => (
                  <th key={label} scope="col" className="utrecht-table__header-cell">
                    {label}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((contact) => (
              <ContactRow
                key={contact.id}
                wave={wave}
                contact={contact}
                manage={manage}
                mayRegister={mayRegister}
                onRegistered={setMessage}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SendEmails({ wave }: { wave: Wave }) {
  const send = useSendWaveEmails();
  const [asking, setAsking] = useState(false);
  const confirm = () => {
    setAsking(false);
    send.mutate({ waveId: wave.id, body: undefined });
  };
  return (
    <>
      <Button
        appearance="secondary-action"
        aria-haspopup="dialog"
        onClick={() => setAsking(true)}
        disabled={send.isPending}
      >
        E-mails versturen
      </Button>
      {asking && (
        <ConfirmDialog
          title="E-mails versturen"
          cancelLabel="Nog niet versturen"
          confirmLabel="Versturen"
          onCancel={() => setAsking(false)}
          onConfirm={confirm}
        >
          <Paragraph>
            Iedereen in deze ronde met een e-mailadres die nog geen e-mail kreeg, krijgt nu de
            e-mail. Wie al een e-mail kreeg, krijgt hem niet nog een keer.
          </Paragraph>
        </ConfirmDialog>
      )}
      <div aria-live="polite">
        {send.data && (
          <Alert type="ok">
            {send.data.queued} e-mails staan klaar om te versturen.
            {send.data.withoutAddress > 0 &&
              ` ${send.data.withoutAddress} ontvangers hebben geen e-mailadres.`}
          </Alert>
        )}
        {send.error && <Alert type="error">{send.error.message}</Alert>}
      </div>
    </>
  );
}

function WaveView({ wave, waves, me }: { wave: Wave; waves: Wave[]; me: Me }) {
  const user = principalOf(me);
  const manage = can(user, 'outreach:manage');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(
    () => (location.state as { message?: string } | null)?.message ?? null,
  );
  const following = manage && params.get(FORM_PARAM) === 'vervolg';
  const parent = waves.find((w) => w.id === wave.parentWaveId);
  const followUps = waves.filter((w) => w.parentWaveId === wave.id);
  const nonResponders = wave.recipients - wave.responded;

  return (
    <>
      <p className="app-breadcrumb">
        <Link to="/benadering/rondes">Rondes</Link> › {wave.name}
      </p>
      <Heading level={1}>{wave.name}</Heading>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      <DataList
        rows={[
          ['Kanaal', OUTREACH_CHANNEL_LABELS[wave.channel]],
          ['Datum', formatDate(wave.plannedDate)],
          ['Ontvangers', String(wave.recipients)],
          ['Gereageerd', String(wave.responded)],
          ['Met interesse', String(wave.interested)],
          ['Respons', rateText(wave.responseRate)],
          [
            'Vervolg op',
            parent ? (
              <Link className="utrecht-link" to={`/benadering/rondes/${parent.id}`}>
                {parent.name}
              </Link>
            ) : null,
          ],
          [
            'Vervolgrondes',
            followUps.length > 0
              ? followUps.map((f, index) => (
                  <span key={f.id}>
                    {index > 0 && ', '}
                    <Link className="utrecht-link" to={`/benadering/rondes/${f.id}`}>
                      {f.name}
                    </Link>
                  </span>
                ))
              : null,
          ],
        ]}
      />
      <Paragraph>
        Als gereageerd telt:{' '}
        {RESPONDED.map((r) => OUTREACH_RESPONSE_LABELS[r].toLowerCase()).join(', ')}.
      </Paragraph>
      {manage && (
        <section aria-labelledby="wave-actions" className="app-actions">
          <h2 id="wave-actions" className="utrecht-heading-2">
            Wat wilt u doen?
          </h2>
          <div className="utrecht-button-group">
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={lettersUrl(wave.id, 'pdf')}
              download
            >
              Brieven downloaden (PDF)
            </a>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={lettersUrl(wave.id, 'csv')}
              download
            >
              Adressen downloaden (CSV)
            </a>
            {wave.channel === 'email' && <SendEmails wave={wave} />}
            {!following && nonResponders > 0 && (
              <Button
                appearance="secondary-action"
                aria-expanded={false}
                onClick={() => {
                  setMessage(null);
                  setParams({ [FORM_PARAM]: 'vervolg' }, { replace: true });
                }}
              >
                Vervolgronde voor wie niet reageerde
              </Button>
            )}
          </div>
          {following && (
            <div className="app-form-panel">
              <FollowUpForm
                wave={wave}
                onDone={(text, created) =>
                  navigate(`/benadering/rondes/${created.id}`, { state: { message: text } })
                }
                onCancel={() => setParams({}, { replace: true })}
              />
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="contacts-heading" className="app-section">
        <Heading level={2} id="contacts-heading">
          Ontvangers en hun reactie
        </Heading>
        <Contacts wave={wave} manage={manage} mayRegister={can(user, 'case:register')} />
      </section>
    </>
  );
}

/** One wave: its figures, letters and e-mails, follow-up, and every contact's response. */
export function WavePage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const waves = useWaves();
  const wave = waves.data?.find((w) => w.id === id);
  usePageTitle(wave ? `Ronde ${wave.name}` : waves.isPending ? 'Ronde' : 'Ronde niet gevonden');
  if (waves.isPending) return <Paragraph>Ronde laden…</Paragraph>;
  if (waves.error) return <Alert type="error">{waves.error.message}</Alert>;
  if (!wave) {
    return (
      <>
        <Heading level={1}>Ronde niet gevonden</Heading>
        <Paragraph>
          Deze ronde bestaat niet (meer). <Link to="/benadering/rondes">Naar de rondes</Link>.
        </Paragraph>
      </>
    );
  }
  return <WaveView key={wave.id} wave={wave} waves={waves.data} me={me} />;
}

export default WavePage;
