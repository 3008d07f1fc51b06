import { can, formatEuro, type CampaignSummary, type Me } from '@herorientatie/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCampaigns } from '../../api/campaigns.ts';
import { BarFigure, euroRounded, FIGURE_COLOURS } from '../../components/charts.tsx';
import { formatDate } from '../../components/StatusBadge.tsx';
import { DataTable } from '../../components/table.tsx';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.tsx';
import { usePageTitle } from '../../page-focus.ts';
import { principalOf } from '../../principal.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { BudgetBar, isOverBudget } from './budget.tsx';
import { CreateCampaignForm, FORM_PARAM } from './campaign-forms.tsx';

export const levelText = (c: Pick<CampaignSummary, 'level' | 'municipalityName'>) =>
  c.level === 'regional' ? 'Regionaal' : `Lokaal (${c.municipalityName ?? 'eigen gemeente'})`;

export const periodText = (c: { periodStart: string; periodEnd: string }) =>
  `${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}`;

function Overview({ campaigns }: { campaigns: CampaignSummary[] }) {
  const over = campaigns.filter(isOverBudget);
  return (
    <>
      {over.length > 0 && (
        <Alert type="warning">
          {over.length === 1
            ? `De campagne ${over[0]!.name} is over het budget.`
            : `${over.length} campagnes zijn over het budget.`}
        </Alert>
      )}
      <DataTable
        caption="Campagnes met hun budget"
        columns={[
          'Campagne',
          'Niveau',
          'Periode',
          { label: 'Budget', numeric: true },
          { label: 'Uitgegeven', numeric: true },
          { label: 'Over', numeric: true },
          'Besteding',
        ]}
        rows={campaigns.map((c) => ({
          key: c.id,
          cells: [
            <Link key="name" className="utrecht-link" to={`/campagnes/${c.id}`}>
              {c.name}
            </Link>,
            levelText(c),
            periodText(c),
            formatEuro(c.budgetCents),
            formatEuro(c.spentCents),
            <span key="remaining" className={c.remainingCents < 0 ? 'app-negative' : undefined}>
              {formatEuro(c.remainingCents)}
            </span>,
            <BudgetBar key="bar" figures={c} />,
          ],
        }))}
      />
      <BarFigure
        caption="Budget en uitgaven per campagne. Rood: meer uitgegeven dan het budget."
        data={campaigns.map((c) => ({
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
    </>
  );
}

/** The regional campaign and the own local campaigns, with their budgets side by side. */
export function CampaignListPage({ me }: { me: Me }) {
  usePageTitle('Campagnes');
  const campaigns = useCampaigns();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const user = principalOf(me);
  if (!can(user, 'campaign:read')) return <NotFoundPage />;

  const levels = [
    ...(can(user, 'campaign:manage') ? (['regional'] as const) : []),
    ...(can(user, 'local-campaign:manage') ? (['local'] as const) : []),
  ];
  const open = levels.find((level) => params.get(FORM_PARAM) === `nieuw-${level}`);
  const setForm = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(FORM_PARAM, value);
        else next.delete(FORM_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Heading level={1}>Campagnes</Heading>
      <Paragraph>
        De regionale campagne van de centrumgemeente en de lokale campagnes van uw gemeente. Per
        campagne ziet u het budget, wat er is uitgegeven en wat er over is.
      </Paragraph>
      {levels.length > 0 && !open && (
        <div className="utrecht-button-group">
          {levels.map((level) => (
            <Button
              key={level}
              appearance="secondary-action"
              aria-expanded={false}
              onClick={() => setForm(`nieuw-${level}`)}
            >
              {level === 'regional' ? 'Regionale campagne aanmaken' : 'Lokale campagne aanmaken'}
            </Button>
          ))}
        </div>
      )}
      {open && (
        <div className="app-form-panel app-actions">
          <CreateCampaignForm
            key={open}
            level={open}
            onDone={(text, created) =>
              navigate(`/campagnes/${created.id}`, { state: { message: text } })
            }
            onCancel={() => setForm(null)}
          />
        </div>
      )}
      <section aria-labelledby="campaigns-heading" className="app-section">
        <Heading level={2} id="campaigns-heading">
          Overzicht
        </Heading>
        {campaigns.isPending && <Paragraph>Campagnes laden…</Paragraph>}
        {campaigns.error && <Alert type="error">{campaigns.error.message}</Alert>}
        {campaigns.data?.length === 0 && <Paragraph>Er zijn nog geen campagnes.</Paragraph>}
        {campaigns.data && campaigns.data.length > 0 && <Overview campaigns={campaigns.data} />}
      </section>
    </>
  );
}

export default CampaignListPage;
