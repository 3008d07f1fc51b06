import { tableCsv } from '../../http/tabular.ts';
import { createHash } from 'node:crypto';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  formatDateNl,
  SERVICE_TYPE_LABELS,
  type BudgetCategory,
  type BudgetInput,
  type BudgetOverview,
  type Contract,
  type ContractInput,
  type CostLine,
  type UncostedService,
  type ServiceType,
  type Statement,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { currentActor, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { FinanceRepository } from './finance.repository.ts';
import { LettersRepository } from '../letters/letters.repository.ts';
import { statementPdf } from './statement-pdf.ts';

const DEFAULT_ASSUMPTIONS = {
  responseRatePercent: 20,
  expectedCampaignSignUps: 40,
  analysisSharePercent: 100,
  coachingSharePercent: 100,
};

/** A reference for a client on a provider's statement that says nothing about who it is. */
export const clientReference = (municipalityId: string, caseId: string) =>
  `K-${createHash('sha256').update(`${municipalityId}:${caseId}`).digest('hex').slice(0, 8).toUpperCase()}`;

/**
 * Costs and coverage: contracts, cost lines created by the work itself (exactly once per
 * client and service, priced by the contract valid on the day), credits with a reason,
 * budgets with planned, committed, realised, remaining and a forecast, and statements per
 * provider and month.
 */
export class FinanceService {
  constructor(
    private readonly repository = new FinanceRepository(),
    private readonly access = new CaseAccess(),
    private readonly audit = new AuditService(),
  ) {}

  contracts(): Promise<Contract[]> {
    return this.repository.contracts();
  }

  async addContract(actor: UserActor, input: ContractInput): Promise<Contract[]> {
    const id = await this.repository.insertContract(input, actor.user.id);
    await this.audit.record({ action: 'create', objectType: 'contract', objectId: id });
    return this.repository.contracts();
  }

  /**
   * Records the cost of a service given to a client, once however often or concurrently the
   * event is saved. Without a valid contract the line is kept without amount and warns.
   */
  async charge(
    caseId: string,
    serviceType: ServiceType,
    occurredOn: string,
    provider?: string,
  ): Promise<void> {
    // A named provider is billed only on its own contract; without one the line is recorded
    // for that provider with the warning "no contract", never on another provider's contract.
    const contract = await this.repository.contractOn(serviceType, occurredOn, provider);
    const warning = !contract
      ? 'missing_contract'
      : contract.max_clients !== null && contract.clients >= contract.max_clients
        ? 'over_maximum'
        : null;
    const actor = currentActor();
    const created = await this.repository.insertCharge({
      caseId,
      serviceType,
      eventKey: `${serviceType}:${caseId}`,
      occurredOn,
      contract,
      provider: provider ?? null,
      warning,
      by: actor.kind === 'user' ? actor.user.id : null,
    });
    if (created)
      await this.audit.record({
        action: 'create',
        objectType: 'cost-line',
        objectId: caseId,
        reason: serviceType,
      });
  }

  async credit(actor: UserActor, lineId: string, reason: string): Promise<CostLine> {
    const line = await this.repository.line(lineId);
    if (!line) throw new NotFound('De kostenregel');
    if (line.kind !== 'charge')
      throw new Conflict('Alleen een kostenregel kan worden gecrediteerd, geen creditregel.');
    if (!(await this.repository.insertCredit(line, reason, actor.user.id))) {
      throw new Conflict('Deze kostenregel is al gecrediteerd.');
    }
    await this.audit.record({
      action: 'create',
      objectType: 'cost-line-credit',
      objectId: lineId,
      reason,
    });
    return (await this.repository.linesForCase(line.caseId)).find(
      (l) => l.creditsLineId === lineId,
    )!;
  }

  async linesForCase(actor: UserActor, caseId: string): Promise<CostLine[]> {
    await this.access.read(actor, caseId);
    return this.repository.linesForCase(caseId);
  }

  /** What the case received without a cost line: free services, or on a Bbz credit. */
  async uncostedServices(actor: UserActor, caseId: string): Promise<UncostedService[]> {
    await this.access.read(actor, caseId);
    return this.repository.uncostedServices(caseId);
  }

  warnings(): Promise<CostLine[]> {
    return this.repository.missingContracts();
  }

  async saveBudget(actor: UserActor, year: number, input: BudgetInput): Promise<BudgetOverview> {
    await this.repository.saveBudget(year, input, actor.user.id);
    await this.audit.record({ action: 'update', objectType: 'budget', objectId: String(year) });
    return this.overview(year);
  }

  async overview(year: number): Promise<BudgetOverview> {
    const budget = await this.repository.budget(year);
    const coverage = budget?.coverage ?? [];
    const planned = budget?.planned ?? {};
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...(budget?.assumptions ?? {}) };
    const realisedRows = await this.repository.realised(year);
    const realisedOf = (c: BudgetCategory) =>
      c === 'local_communication'
        ? 0
        : (realisedRows.find((r) => r.service_type === c)?.cents ?? 0);
    const local = await this.repository.localCommunication(year);
    const today = new Date().toISOString().slice(0, 10);
    const price = async (s: ServiceType) =>
      (await this.repository.contractOn(s, today))?.price_cents ?? 0;
    const prices = {
      intake: await price('intake'),
      perspective_analysis: await price('perspective_analysis'),
      coaching: await price('coaching'),
    };
    const open = await this.repository.openWithout();
    const committed: Record<BudgetCategory, number> = {
      intake: open.intake * prices.intake,
      perspective_analysis: open.analysis * prices.perspective_analysis,
      coaching: open.coaching * prices.coaching,
      local_communication: 0,
      debt_restructuring: 0,
    };
    const remainingRecipients =
      assumptions.remainingRecipients ?? (await this.repository.recipientsNotApproached());
    const expectedClients =
      Math.round((assumptions.responseRatePercent / 100) * remainingRecipients) +
      assumptions.expectedCampaignSignUps;
    const forecast: Record<BudgetCategory, number> = {
      intake: expectedClients * prices.intake,
      perspective_analysis:
        Math.round(expectedClients * (assumptions.analysisSharePercent / 100)) *
        prices.perspective_analysis,
      coaching:
        Math.round(expectedClients * (assumptions.coachingSharePercent / 100)) * prices.coaching,
      local_communication: 0,
      debt_restructuring: 0,
    };
    const categories = BUDGET_CATEGORIES.map((category) => {
      const realised = category === 'local_communication' ? local : realisedOf(category);
      const plannedCents = planned[category] ?? 0;
      return {
        category,
        plannedCents,
        committedCents: committed[category],
        realisedCents: realised,
        remainingCents: plannedCents - realised - committed[category],
        forecastCents: forecast[category],
      };
    });
    const sum = (k: keyof (typeof categories)[number]) =>
      categories.reduce((a, c) => a + (c[k] as number), 0);
    const coverageCents = coverage.reduce((a, c) => a + c.amountCents, 0);
    const total = {
      plannedCents: sum('plannedCents'),
      committedCents: sum('committedCents'),
      realisedCents: sum('realisedCents'),
      remainingCents: sum('remainingCents'),
      forecastCents: sum('forecastCents'),
    };
    const warnings = [
      ...categories
        .filter((c) => c.plannedCents > 0 && c.realisedCents + c.committedCents > c.plannedCents)
        .map(
          (c) =>
            `${BUDGET_CATEGORY_LABELS[c.category]}: gerealiseerd en verplicht samen boven de begroting.`,
        ),
      ...((await this.repository.missingContracts()).length > 0
        ? ['Er zijn diensten zonder geldig contract: die staan zonder bedrag in de kosten.']
        : []),
    ];
    return {
      year,
      coverage,
      coverageCents,
      categories,
      total,
      forecast: {
        assumptions,
        remainingRecipients,
        expectedClients,
        expectedCostCents: total.forecastCents,
        coverageLeftCents: coverageCents - total.realisedCents - total.committedCents,
      },
      warnings,
    };
  }

  async statement(provider: string, month: string): Promise<Statement> {
    const lines = await this.repository.statementLines(provider, month);
    const municipalityId = currentMunicipalityId();
    await this.audit.record({
      action: 'read',
      objectType: 'provider-statement',
      objectId: `${provider} ${month}`,
    });
    return {
      provider,
      month,
      status: await this.repository.statementStatus(provider, month),
      lines: lines.map((l) => ({
        clientReference: clientReference(municipalityId, l.case_id),
        serviceType: l.service_type as ServiceType,
        occurredOn: l.occurred_on,
        amountCents: l.amount_cents,
      })),
      totalCents: lines.reduce((a, l) => a + l.amount_cents, 0),
    };
  }

  async setStatementStatus(
    actor: UserActor,
    provider: string,
    month: string,
    status: Statement['status'],
  ) {
    await this.repository.setStatementStatus(provider, month, status, actor.user.id);
    await this.audit.record({
      action: 'update',
      objectType: 'provider-statement',
      objectId: `${provider} ${month}`,
      reason: status,
    });
    return this.statement(provider, month);
  }

  async statementFile(provider: string, month: string, format: 'csv' | 'pdf') {
    const s = await this.statement(provider, month);
    const basename = `specificatie-${provider.replace(/[^\w-]+/g, '-').toLowerCase()}-${month}`;
    const filename = `${basename}.${format}`;
    if (format === 'csv') {
      const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
      return tableCsv(
        {
          title: 'Specificatie',
          header: ['Cliënt', 'Dienst', 'Datum', 'Bedrag'],
          rows: [
            ...s.lines.map((l) => [
              l.clientReference,
              SERVICE_TYPE_LABELS[l.serviceType],
              formatDateNl(l.occurredOn),
              euro(l.amountCents),
            ]),
            ['Totaal', '', '', euro(s.totalCents)],
          ],
        },
        basename,
      );
    }
    const letterhead = await new LettersRepository().letterhead();
    const contracts = await this.repository.statementContracts(provider, month);
    const content = await statementPdf(s, letterhead, contracts);
    return { filename, contentType: 'application/pdf', content };
  }
}
