import { can, type Me } from '@herorientatie/domain';
import type { OutboxEntry } from '@herorientatie/domain';
import { useDevMailbox, useOutbox } from '../api/admin.ts';
import { formatDateTime } from '../components/StatusBadge.tsx';
import { DataTable } from '../components/table.tsx';
import { Alert, Heading, Paragraph } from '../components/ui.tsx';
import { usePageTitle } from '../page-focus.ts';
import { principalOf } from '../principal.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { LettersAdmin } from './admin-letters.tsx';
import { PartnersAdmin } from './admin-partners.tsx';
import { PrivacyAdmin } from './admin-privacy.tsx';

const STATUS_LABELS: Record<OutboxEntry['status'], string> = {
  pending: 'Wacht op verzending',
  sent: 'Verzonden',
  failed: 'Mislukt',
};

const PURPOSE_LABELS: Record<string, string> = {
  'signup-confirmation': 'Bevestiging aanmelding',
  'outreach-wave': 'Benaderingsronde',
  'letter-intake-invitation': 'Brief: uitnodiging intakegesprek',
  'letter-confirmation': 'Brief: bevestiging aanmelding',
  'letter-closing': 'Brief: afsluitbrief',
  'letter-referral': 'Brief: verwijsbrief',
};

const messages = (n: number) => (n === 1 ? '1 bericht' : `${n} berichten`);

function OutboxStatus({ entry }: { entry: OutboxEntry }) {
  return (
    <span className={`app-mail-status app-mail-status--${entry.status}`}>
      {STATUS_LABELS[entry.status]}
    </span>
  );
}

function Outbox() {
  const outbox = useOutbox();
  if (outbox.isPending) return <Paragraph>Laden…</Paragraph>;
  if (outbox.error) return <Alert type="error">{outbox.error.message}</Alert>;
  if (outbox.data.length === 0) return <Paragraph>Er is nog geen e-mail verstuurd.</Paragraph>;
  const failed = outbox.data.filter((m) => m.status === 'failed').length;
  return (
    <>
      {failed > 0 && (
        <Alert type="warning">
          {failed} {failed === 1 ? 'bericht is' : 'berichten zijn'} niet verzonden. De reden staat
          in de tabel.
        </Alert>
      )}
      <DataTable
        caption={`${messages(outbox.data.length)}, nieuwste eerst`}
        columns={[
          'Aangemaakt',
          'Aan',
          'Onderwerp',
          'Soort',
          'Status',
          { label: 'Pogingen', numeric: true },
          'Verzonden',
          'Laatste fout',
        ]}
        rows={outbox.data.map((m) => ({
          key: m.id,
          cells: [
            formatDateTime(m.createdAt),
            m.to,
            m.subject,
            PURPOSE_LABELS[m.purpose] ?? m.purpose,
            <OutboxStatus key="status" entry={m} />,
            m.attempts,
            m.sentAt ? formatDateTime(m.sentAt) : '—',
            m.lastError ?? '—',
          ],
        }))}
      />
    </>
  );
}

function DevMailbox() {
  const mailbox = useDevMailbox();
  if (mailbox.isPending) return <Paragraph>Laden…</Paragraph>;
  if (mailbox.error?.status === 404) {
    return (
      <Paragraph>
        Er is een echte mailserver ingesteld (SMTP_URL). Berichten gaan daarheen; de ingebouwde
        mailserver staat uit.
      </Paragraph>
    );
  }
  if (mailbox.error) return <Alert type="error">{mailbox.error.message}</Alert>;
  if (mailbox.data.length === 0) {
    return <Paragraph>De ingebouwde mailserver heeft nog niets ontvangen.</Paragraph>;
  }
  return (
    <DataTable
      caption={`${messages(mailbox.data.length)} ontvangen, nieuwste eerst`}
      columns={['Ontvangen', 'Aan', 'Onderwerp', 'Van', { label: 'Grootte', numeric: true }]}
      rows={mailbox.data.map((m, index) => ({
        key: m.messageId ?? String(index),
        cells: [
          formatDateTime(m.receivedAt),
          m.to.join(', '),
          m.subject,
          m.from,
          `${Math.max(1, Math.round(m.size / 1024))} kB`,
        ],
      }))}
    />
  );
}

/**
 * Administration: the municipality's letters, how its e-mail is doing, and what the test
 * server got.
 */
export function AdminPage({ me }: { me: Me }) {
  usePageTitle('Beheer');
  if (!can(principalOf(me), 'outbox:read')) return <NotFoundPage />;
  return (
    <>
      <Heading level={1}>Beheer</Heading>
      {can(principalOf(me), 'partners:manage') && (
        <section aria-labelledby="partners-heading" className="app-section">
          <Heading level={2} id="partners-heading">
            Partnerorganisaties van de regio
          </Heading>
          <PartnersAdmin />
        </section>
      )}
      {can(principalOf(me), 'letters:manage') && (
        <section aria-labelledby="letters-heading" className="app-section">
          <Heading level={2} id="letters-heading">
            Brieven
          </Heading>
          <LettersAdmin />
        </section>
      )}
      {can(principalOf(me), 'letters:manage') && (
        <section aria-labelledby="privacy-heading" className="app-section">
          <Heading level={2} id="privacy-heading">
            Privacyverklaring op de aanmeldpagina
          </Heading>
          <PrivacyAdmin />
        </section>
      )}
      <section aria-labelledby="outbox-heading" className="app-section">
        <Heading level={2} id="outbox-heading">
          Uitgaande e-mail van de gemeente {me.municipality.name}
        </Heading>
        <Paragraph>
          E-mail gaat via een wachtrij: een bericht wordt eerst bewaard en daarna verstuurd, met
          nieuwe pogingen als dat mislukt. Deze pagina ververst zichzelf elke 15 seconden.
        </Paragraph>
        <Outbox />
      </section>
      <section aria-labelledby="mailbox-heading" className="app-section">
        <Heading level={2} id="mailbox-heading">
          Ontvangen door de ingebouwde mailserver
        </Heading>
        <Paragraph>
          Zonder eigen mailserver (test en ontwikkeling) ontvangt Heroriëntatie zijn e-mail zelf.
          Hier ziet u wat er is aangekomen.
        </Paragraph>
        <DevMailbox />
      </section>
    </>
  );
}
