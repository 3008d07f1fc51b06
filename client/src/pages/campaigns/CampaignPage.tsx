import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_SEGMENT_LABELS,
  can,
  formatEuro,
  type CampaignDetail,
  type Me,
} from '@herorientatie/domain';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { qrCodeUrl, useCampaign } from '../../api/campaigns.ts';
import { BarFigure, euroRounded, FIGURE_COLOURS } from '../../components/charts.tsx';
import { formatDate, formatDateTime } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { DataList } from '../case/data-list.tsx';
import { AttributionSection } from './attribution.tsx';
import { BudgetBar } from './budget.tsx';
import {
  BudgetChangeForm,
  ChannelForm,
  ExpenditureForm,
  FORM_PARAM,
  ReachForm,
  UpdateCampaignForm,
} from './campaign-forms.tsx';
import { levelText, periodText } from './CampaignListPage.tsx';

type FormKey = 'gegevens' | 'budget' | 'kanaal' | 'uitgave' | 'bereik';

/** Which form is open lives in the address, so the unsaved-form guard can hold a switch. */
function useOpenForm() {
  const [params, setParams] = useSearchParams();
  const set = (value: FormKey | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(FORM_PARAM, value);
        else next.delete(FORM_PARAM);
        return next;
      },
      { replace: true },
    );
  return { open: params.get(FORM_PARAM) as FormKey | null, set };
}

/** A section's action: a button that opens its form in place, and what was last saved. */
function SectionForm({
  id,
  label,
  visible,
  openForm,
  message,
  children,
}: {
  id: FormKey;
  label: string;
  visible: boolean;
  openForm: ReturnType<typeof useOpenForm> & { onOpen: () => void };
  message: string | null;
  children: () => ReactNode;
}) {
  return (
    <>
      <div aria-live="polite">{message && <Alert type="ok">{message}</Alert>}</div>
      {visible &&
        (openForm.open === id ? (
          <div className="app-form-panel app-actions">{children()}</div>
        ) : (
          <Button
            appearance="secondary-action"
            aria-expanded={false}
            onClick={() => {
              openForm.onOpen();
              openForm.set(id);
            }}
          >
            {label}
          </Button>
        ))}
    </>
  );
}

function CopyableLink({ url, name }: { url: string; name: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const id = `link-${name.replace(/\W+/g, '-')}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="utrecht-form-field app-copy">
      <label className="utrecht-form-label" htmlFor={id}>
        Aanmeldlink
      </label>
      <div className="app-copy__row">
        <input
          id={id}
          readOnly
          className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only"
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <Button appearance="secondary-action" onClick={() => void copy()}>
          Link kopiëren
        </Button>
      </div>
      <div role="status" className="app-copy__status">
        {copied === true && 'De link is gekopieerd.'}
        {copied === false && 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.'}
      </div>
    </div>
  );
}

function Channels({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.channels.length === 0) {
    return <Paragraph>Deze campagne heeft nog geen kanalen.</Paragraph>;
  }
  return (
    <>
      <DataTable
        caption="Kanalen met hun budget"
        columns={[
          'Kanaal',
          'Soort',
          'Code',
          { label: 'Budget', numeric: true },
          { label: 'Uitgegeven', numeric: true },
        ]}
        rows={campaign.channels.map((c) => ({
          key: c.id,
          cells: [
            c.name,
            CAMPAIGN_CHANNEL_LABELS[c.kind],
            <code key="code">{c.code}</code>,
            formatEuro(c.budgetCents),
            <span key="spent" className={c.spentCents > c.budgetCents ? 'app-negative' : undefined}>
              {formatEuro(c.spentCents)}
            </span>,
          ],
        }))}
      />
      <BarFigure
        caption="Budget en uitgaven per kanaal. Rood: meer uitgegeven dan het budget van het kanaal."
        data={campaign.channels.map((c) => ({
          name: c.name,
          budget: c.budgetCents,
          spent: c.spentCents,
        }))}
        category="name"
        format={euroRounded}
        series={[
          { key: 'budget', label: 'Budget', color: FIGURE_COLOURS.budget },
          {
            key: 'spent',
            label: 'Uitgegeven',
            color: FIGURE_COLOURS.spent,
            highlight: { when: (row) => row.spent > row.budget, color: FIGURE_COLOURS.over },
          },
        ]}
      />
      <Heading level={3}>Aanmeldlinks en QR-codes</Heading>
      <Paragraph>
        Gebruik per kanaal een eigen link of QR-code. Wie zich daarmee aanmeldt, krijgt de code van
        het kanaal mee; zo ziet u wat elk kanaal oplevert.
      </Paragraph>
      <ul className="app-cards app-channel-cards">
        {campaign.channels.map((c) => (
          <li key={c.id} className="app-card app-channel">
            <strong>{c.name}</strong> <code>{c.code}</code>
            <CopyableLink url={c.signUpUrl} name={c.code} />
            <img
              className="app-qr"
              src={qrCodeUrl(campaign.id, c.id)}
              alt={`QR-code met de aanmeldlink van ${c.name}`}
              width={160}
              height={160}
            />
            <a
              className="utrecht-link"
              href={qrCodeUrl(campaign.id, c.id)}
              download={`qr-${c.code}.svg`}
            >
              QR-code van {c.name} downloaden (SVG)
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function Expenditures({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.expenditures.length === 0) return <Paragraph>Nog geen uitgaven.</Paragraph>;
  const channelName = (id: string | null) =>
    campaign.channels.find((c) => c.id === id)?.name ?? 'Algemeen';
  return (
    <DataTable
      caption="Uitgaven"
      columns={[
        'Datum',
        'Leverancier',
        'Kanaal',
        'Factuur',
        { label: 'Bedrag', numeric: true },
        'Vastgelegd door',
        'Boven budget, reden',
      ]}
      rows={campaign.expenditures.map((e) => ({
        key: e.id,
        cells: [
          formatDate(e.spentOn),
          e.description ? `${e.supplier}: ${e.description}` : e.supplier,
          channelName(e.channelId),
          e.invoiceReference ?? '—',
          formatEuro(e.amountCents),
          e.recordedByName,
          e.overrideReason ?? '—',
        ],
      }))}
    />
  );
}

function BudgetHistory({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.budgetChanges.length === 0) {
    return <Paragraph>Het budget is sinds het begin niet gewijzigd.</Paragraph>;
  }
  return (
    <DataTable
      caption="Wijzigingen van het budget"
      columns={[
        'Wanneer',
        { label: 'Was', numeric: true },
        { label: 'Werd', numeric: true },
        'Reden',
        'Door',
      ]}
      rows={campaign.budgetChanges.map((b, index) => ({
        key: `${b.changedAt}-${index}`,
        cells: [
          formatDateTime(b.changedAt),
          formatEuro(b.oldCents),
          formatEuro(b.newCents),
          b.reason,
          b.changedByName,
        ],
      }))}
    />
  );
}

const count = (n: number | null) => (n === null ? '—' : n.toLocaleString('nl-NL'));

function Reach({ campaign }: { campaign: CampaignDetail }) {
  if (campaign.reach.length === 0) return <Paragraph>Nog geen bereik vastgelegd.</Paragraph>;
  const channelName = (id: string) => campaign.channels.find((c) => c.id === id)?.name ?? '—';
  return (
    <DataTable
      caption="Bereik per kanaal en periode"
      columns={[
        'Kanaal',
        'Periode',
        { label: 'Vertoningen', numeric: true },
        { label: 'Klikken', numeric: true },
        { label: 'Bezoekers', numeric: true },
        { label: 'Deelnemers', numeric: true },
      ]}
      rows={campaign.reach.map((r) => ({
        key: r.id,
        cells: [
          channelName(r.channelId),
          periodText(r),
          count(r.impressions),
          count(r.clicks),
          count(r.visitors),
          count(r.attendees),
        ],
      }))}
    />
  );
}

function Campaign({ campaign, me }: { campaign: CampaignDetail; me: Me }) {
  const user = principalOf(me);
  const forms = useOpenForm();
  const location = useLocation();
  const [message, setMessage] = useState<{ form: FormKey | 'created'; text: string } | null>(() => {
    const text = (location.state as { message?: string } | null)?.message;
    return text ? { form: 'created', text } : null;
  });
  // A manager of the campaign's owner may record spending beyond the budget, with a reason.
  const mayOverride =
    can(user, 'budget:override') && (campaign.level === 'local' || me.municipality.isCentre);
  const manage = campaign.canManage;
  const openForm = { ...forms, onOpen: () => setMessage(null) };
  const done = (form: FormKey) => (text: string) => {
    forms.set(null);
    setMessage({ form, text });
  };
  const props = (form: FormKey) => ({
    campaign,
    onDone: done(form),
    onCancel: () => forms.set(null),
  });
  const messageOf = (form: FormKey) => (message?.form === form ? message.text : null);

  return (
    <>
      <p className="app-breadcrumb">
        <Link to="/campagnes">Campagnes</Link> › {campaign.name}
      </p>
      <Heading level={1}>
        {campaign.name} <small className="app-subtitle">{levelText(campaign)}</small>
      </Heading>
      <div aria-live="polite">
        {message?.form === 'created' && <Alert type="ok">{message.text}</Alert>}
      </div>
      <DataList
        rows={[
          ['Periode', periodText(campaign)],
          [
            'Doelgroepen',
            campaign.targetSegments.map((s) => CAMPAIGN_SEGMENT_LABELS[s]).join(', ') || null,
          ],
          ['Omschrijving', campaign.description],
        ]}
      />
      {!manage && (
        <Paragraph>
          {campaign.level === 'regional'
            ? 'De regiocoördinator van de centrumgemeente beheert deze campagne. U kunt hem inzien.'
            : 'De manager van de gemeente beheert deze campagne. U kunt hem inzien.'}
        </Paragraph>
      )}
      <SectionForm
        id="gegevens"
        label="Gegevens wijzigen"
        visible={manage}
        openForm={openForm}
        message={messageOf('gegevens')}
      >
        {() => <UpdateCampaignForm {...props('gegevens')} />}
      </SectionForm>

      <section aria-labelledby="budget-heading" className="app-section">
        <Heading level={2} id="budget-heading">
          Budget
        </Heading>
        <BudgetBar figures={campaign} large />
        <SectionForm
          id="budget"
          label="Budget wijzigen"
          visible={manage}
          openForm={openForm}
          message={messageOf('budget')}
        >
          {() => <BudgetChangeForm {...props('budget')} />}
        </SectionForm>
        <BudgetHistory campaign={campaign} />
      </section>

      <section aria-labelledby="channels-heading" className="app-section">
        <Heading level={2} id="channels-heading">
          Kanalen
        </Heading>
        <SectionForm
          id="kanaal"
          label="Kanaal toevoegen"
          visible={manage}
          openForm={openForm}
          message={messageOf('kanaal')}
        >
          {() => <ChannelForm {...props('kanaal')} />}
        </SectionForm>
        <Channels campaign={campaign} />
      </section>

      <section aria-labelledby="expenditures-heading" className="app-section">
        <Heading level={2} id="expenditures-heading">
          Uitgaven
        </Heading>
        <SectionForm
          id="uitgave"
          label={manage ? 'Uitgave vastleggen' : 'Uitgave boven het budget vastleggen'}
          visible={manage || mayOverride}
          openForm={openForm}
          message={messageOf('uitgave')}
        >
          {() => <ExpenditureForm {...props('uitgave')} mayOverride={mayOverride} />}
        </SectionForm>
        <Expenditures campaign={campaign} />
      </section>

      <section aria-labelledby="reach-heading" className="app-section">
        <Heading level={2} id="reach-heading">
          Bereik
        </Heading>
        <SectionForm
          id="bereik"
          label="Bereik vastleggen"
          visible={manage && campaign.channels.length > 0}
          openForm={openForm}
          message={messageOf('bereik')}
        >
          {() => <ReachForm {...props('bereik')} />}
        </SectionForm>
        <Reach campaign={campaign} />
      </section>

      <AttributionSection campaignId={campaign.id} ownKnown={can(user, 'case:read')} />
    </>
  );
}

/** One campaign: its budget, channels with links and QR codes, spending, reach and results. */
export function CampaignPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  usePageTitle(
    campaign.data
      ? `Campagne ${campaign.data.name}`
      : campaign.error
        ? 'Campagne niet beschikbaar'
        : 'Campagne',
  );
  if (campaign.isPending) return <Paragraph>Campagne laden…</Paragraph>;
  if (campaign.error) {
    return (
      <>
        <Heading level={1}>Campagne niet beschikbaar</Heading>
        <Alert type="error">{campaign.error.message}</Alert>
        <Link to="/campagnes">Terug naar de campagnes</Link>
      </>
    );
  }
  return <Campaign campaign={campaign.data} me={me} />;
}

export default CampaignPage;
