import {
  BUDGET_CATEGORY_LABELS,
  FIGURES_MAX_NOISE,
  type FiguresProtection,
  can,
  CASE_SOURCE_LABELS,
  formatEuro,
  type RegionalCosts,
  type RegionalFigures,
} from '@herorientatie/domain';
import { principalOf, type UserActor } from '../../context/actor.ts';
import { tableCsv } from '../../http/tabular.ts';
import { NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import {
  costSection,
  evaluationTable,
  evaluationPdf,
  narrative,
  reportSections,
} from './evaluation-report.ts';
import { FinanceService } from '../finance/finance.service.ts';
import { RegionalRepository } from './regional.repository.ts';

/**
 * The regional view: figures per municipality from the aggregate role, and the evaluation
 * report built from exactly those figures. Who sees what: analysts and coordinators every
 * municipality of their region (protected by the cell key method), a manager the own municipality in
 * full and the rest only as the region.
 */
export class RegionalService {
  constructor(
    private readonly threshold: number,
    private readonly repository = new RegionalRepository(),
    private readonly audit = new AuditService(),
    private readonly finance = new FinanceService(),
  ) {}

  /** How figures of others are protected, and up to which month they are published. */
  async protection(): Promise<FiguresProtection> {
    return {
      method: 'cell-key',
      maxNoise: FIGURES_MAX_NOISE,
      publishedThrough: await this.repository.publishedThrough(),
    };
  }

  /** The period as dates, and who may see what exactly. */
  private scope(actor: UserActor, query: { from: string; to: string }) {
    const from = `${query.from}-01`;
    const last = new Date(Date.UTC(Number(query.to.slice(0, 4)), Number(query.to.slice(5, 7)), 0));
    const to = last.toISOString().slice(0, 10);
    const user = principalOf(actor.user);
    const ownKnown = can(user, 'case:read');
    const perMunicipality = user.roles.some((r) => r === 'analyst' || r === 'coordinator');
    const keep = (id: string | null) =>
      id === null || perMunicipality || id === actor.municipalityId;
    return { from, to, ownKnown, keep };
  }

  async figures(actor: UserActor, query: { from: string; to: string }): Promise<RegionalFigures> {
    const { from, to, ownKnown, keep } = this.scope(actor, query);
    const rows = (await this.repository.figures(from, to, this.threshold, ownKnown)).filter((r) =>
      keep(r.municipality_id),
    );
    const durations = (await this.repository.durations(from, to, this.threshold, ownKnown)).filter(
      (r) => keep(r.municipality_id),
    );
    const referralDurations = (
      await this.repository.referralDurations(from, to, this.threshold, ownKnown)
    ).filter((r) => keep(r.municipality_id));
    const partners = await this.repository.partners(actor.regionId);
    await this.audit.record({
      action: 'read',
      objectType: 'regional-figures',
      objectId: null,
      query,
    });
    const refreshed = await this.repository.refreshedAt();
    return {
      from: query.from,
      to: query.to,
      threshold: this.threshold,
      protection: await this.protection(),
      refreshedAt: refreshed ? refreshed.toISOString() : null,
      rows: rows.map((r) => ({
        municipalityCode: r.municipality_code,
        municipalityName: r.municipality_name,
        measure: r.measure as RegionalFigures['rows'][number]['measure'],
        dimension: r.dimension,
        value: r.value,
        suppressed: r.suppressed,
        exact: r.exact,
      })),
      durations: durations.map((d) => ({
        municipalityCode: d.municipality_code,
        municipalityName: d.municipality_name,
        toIntakeDays: d.to_intake_days === null ? null : Number(d.to_intake_days),
        toRouteDays: d.to_route_days === null ? null : Number(d.to_route_days),
      })),
      referralDurations: referralDurations.map((d) => ({
        municipalityCode: d.municipality_code,
        municipalityName: d.municipality_name,
        days: d.days === null ? null : Number(d.days),
      })),
      partners,
    };
  }

  /**
   * Cost per client per service type for the months, and realised against the budget for
   * the year when the months lie in one year. Same who-sees-what as the other figures.
   */
  async costs(actor: UserActor, query: { from: string; to: string }): Promise<RegionalCosts> {
    const { from, to, ownKnown, keep } = this.scope(actor, query);
    const costs = (await this.repository.costs(from, to, this.threshold, ownKnown)).filter((r) =>
      keep(r.municipality_id),
    );
    const year =
      query.from.slice(0, 4) === query.to.slice(0, 4) ? Number(query.from.slice(0, 4)) : null;
    const budget =
      year === null
        ? []
        : (await this.repository.budget(year, this.threshold, ownKnown)).filter((r) =>
            keep(r.municipality_id),
          );
    await this.audit.record({
      action: 'read',
      objectType: 'regional-costs',
      objectId: null,
      query,
    });
    const refreshed = await this.repository.refreshedAt();
    return {
      from: query.from,
      to: query.to,
      threshold: this.threshold,
      protection: await this.protection(),
      moneyRoundingCents: 100_000,
      refreshedAt: refreshed ? refreshed.toISOString() : null,
      costs: costs.map((c) => ({
        municipalityCode: c.municipality_code,
        municipalityName: c.municipality_name,
        serviceType: c.service_type,
        clients: c.clients,
        perClientCents: c.per_client_cents,
        suppressed: c.suppressed,
        exact: c.exact,
      })),
      year,
      budget: budget.map((b) => ({
        municipalityCode: b.municipality_code,
        municipalityName: b.municipality_name,
        plannedCents: b.planned_cents,
        realisedCents: b.realised_cents,
        suppressed: b.suppressed,
        exact: b.exact,
      })),
    };
  }

  /** The evaluation report for the region (`regio`) or one municipality, as PDF or CSV. */
  async evaluation(
    actor: UserActor,
    query: { from: string; to: string; scope: string },
    format: 'pdf' | 'csv',
  ): Promise<{ filename: string; contentType: string; content: Buffer }> {
    const figures = await this.figures(actor, query);
    const code = query.scope === 'regio' ? null : query.scope;
    const mine = figures.rows.filter((r) => r.municipalityCode === code);
    if (
      code !== null &&
      mine.length === 0 &&
      !figures.durations.some((d) => d.municipalityCode === code)
    ) {
      throw new NotFound('De gemeente');
    }
    const name =
      code === null
        ? 'de regio'
        : (mine[0]?.municipalityName ??
          figures.durations.find((d) => d.municipalityCode === code)!.municipalityName);
    const sections = reportSections(figures, code);
    // The region's costs beside those of the report's municipality, as suppressed as on screen.
    const costs = await this.costs(actor, query);
    const regionalCosts = costSection(costs, code);
    if (regionalCosts) sections.push(regionalCosts);
    // The own municipality's budget and plan for the year of the period, for those who
    // manage it: the expectations are the municipality's own (Kosten → Begroting).
    const year = Number(query.from.slice(0, 4));
    let expectations: { label: string; value: string }[] = [];
    const ownReport = code !== null && code === actor.user.municipalityCode;
    if (!ownReport && query.to.startsWith(String(year))) {
      // Every municipality in the report beside what it expected, from the same protected
      // figures as the rest of the report.
      const plans = (await this.repository.plans(year)).filter(
        (p) => code === null || p.municipality_code === code,
      );
      const value = (municipality: string, measure: string, dimension = '*') => {
        const row = figures.rows.find(
          (r) =>
            r.municipalityCode === municipality &&
            r.measure === measure &&
            r.dimension === dimension,
        );
        if (!row) return { value: 0, hidden: false };
        return { value: row.value, hidden: row.suppressed };
      };
      const shown = (v: { value: number | null; hidden: boolean }) =>
        v.hidden || v.value === null
          ? `verborgen (minder dan ${figures.threshold})`
          : String(v.value);
      const rows = plans
        .filter((p) => figures.rows.some((r) => r.municipalityCode === p.municipality_code))
        .flatMap((p) => {
          const persons = value(p.municipality_code, 'approached_person');
          const responded = value(p.municipality_code, 'responded_person');
          const rate =
            persons.hidden ||
            responded.hidden ||
            !persons.value ||
            persons.value < figures.threshold
              ? 'niet te tonen'
              : `${((100 * responded.value!) / persons.value).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`;
          return [
            {
              label: `${p.municipality_name}: respons (per ondernemer)`,
              value: `${rate} (verwacht ${Number(p.response_rate_percent ?? 20).toLocaleString('nl-NL')}%)`,
            },
            {
              label: `${p.municipality_name}: aanmeldingen via de campagne`,
              value: `${shown(value(p.municipality_code, 'registered', 'regional_campaign'))} (verwacht ${p.expected_campaign_sign_ups ?? 40})`,
            },
          ];
        });
      if (rows.length > 0) sections.unshift({ title: `Plan tegenover realisatie ${year}`, rows });
    }
    if (
      code !== null &&
      code === actor.user.municipalityCode &&
      query.to.startsWith(String(year)) &&
      can(principalOf(actor.user), 'finance:manage')
    ) {
      const budget = await this.finance.overview(year);
      const own = (measure: string, dimension = '*') =>
        mine.find((r) => r.measure === measure && r.dimension === dimension)?.value ?? 0;
      const persons = own('approached_person');
      const realisedRate =
        persons > 0
          ? `${((100 * own('responded_person')) / persons).toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`
          : 'nog niemand benaderd';
      const a = budget.forecast.assumptions;
      expectations = [
        { label: 'Verwachte respons', value: `${a.responseRatePercent.toLocaleString('nl-NL')}%` },
        {
          label: 'Verwachte aanmeldingen via de campagne',
          value: String(a.expectedCampaignSignUps),
        },
        { label: 'Verwachte cliënten (prognose)', value: String(budget.forecast.expectedClients) },
      ];
      sections.unshift({
        title: `Plan tegenover realisatie ${year}`,
        rows: [
          {
            label: 'Respons (per ondernemer)',
            value: `${realisedRate} (verwacht ${a.responseRatePercent.toLocaleString('nl-NL')}%)`,
          },
          {
            label: 'Aanmeldingen via de campagne',
            value: `${own('registered', 'regional_campaign')} (verwacht ${a.expectedCampaignSignUps})`,
          },
          {
            label: 'Aanmeldingen uit de Tozo-benadering',
            value: String(own('registered', 'tozo_outreach')),
          },
          {
            label: 'Gerealiseerd van begroot (alle kostensoorten)',
            value: `${formatEuro(budget.total.realisedCents)} van ${formatEuro(budget.total.plannedCents)}`,
          },
        ],
      });
      sections.push({
        title: `Kosten en dekking ${year}`,
        rows: [
          { label: 'Dekking', value: formatEuro(budget.coverageCents) },
          ...budget.categories
            .filter((c) => c.plannedCents > 0 || c.realisedCents !== 0)
            .map((c) => ({
              label: `   ${BUDGET_CATEGORY_LABELS[c.category]}`,
              value: `${formatEuro(c.realisedCents)} van ${formatEuro(c.plannedCents)}`,
            })),
          {
            label: 'Gerealiseerd van gepland',
            value: `${formatEuro(budget.total.realisedCents)} van ${formatEuro(budget.total.plannedCents)}`,
          },
          {
            label: 'Verplicht (lopende trajecten)',
            value: formatEuro(budget.total.committedCents),
          },
          {
            label: 'Verwachte cliënten (prognose)',
            value: String(budget.forecast.expectedClients),
          },
        ],
      });
    }
    await this.audit.record({
      action: 'export',
      objectType: `evaluation-${format}`,
      objectId: query.scope,
      query,
    });
    const basename = `evaluatie-${query.scope.toLowerCase()}-${query.from}-${query.to}`;
    const filename = `${basename}.${format}`;
    if (format === 'csv')
      return tableCsv(
        evaluationTable([
          {
            title: 'Samenvatting',
            rows: [
              {
                label: 'Samenvatting',
                value: narrative(figures, code, code === null ? 'de regio' : name),
              },
            ],
          },
          ...sections,
        ]),
        basename,
      );
    const content = await evaluationPdf({
      title: `Evaluatie heroriëntatie ${code === null ? 'regio' : name}`,
      figures,
      sections,
      chart: mine
        .filter((r) => r.measure === 'registered' && r.dimension !== '*')
        .map((r) => ({
          label: CASE_SOURCE_LABELS[r.dimension as keyof typeof CASE_SOURCE_LABELS] ?? r.dimension,
          value: r.suppressed ? null : r.value,
        })),
      expectations,
      exact: mine.length > 0 && mine.every((r) => r.exact),
      summary: narrative(figures, code, code === null ? 'de regio' : name),
    });
    return { filename, contentType: 'application/pdf', content };
  }
}
