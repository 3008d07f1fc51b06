import {
  PARTNER_SERVICE_TYPES,
  type BudgetInput,
  type Contract,
  type ContractInput,
  type CostLine,
  type ServiceType,
  type UncostedService,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const m = () => currentMunicipalityId();

const LINE = `
  select l.id, l.case_id as "caseId", f.reference as "caseReference", l.service_type as "serviceType", l.provider,
         l.amount_cents::float8 as "amountCents", l.kind, to_char(l.occurred_on, 'YYYY-MM-DD') as "occurredOn",
         l.warning, l.reason, l.credits_line_id as "creditsLineId"
    from cost_line l join case_file f on f.municipality_id = l.municipality_id and f.id = l.case_id`;

/** Contracts, cost lines, budgets and statements of the current municipality. */
export class FinanceRepository {
  contracts(): Promise<Contract[]> {
    return q(
      `select c.id, c.provider, c.service_type as "serviceType", c.price_cents::float8 as "priceCents",
              to_char(c.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(c.valid_to, 'YYYY-MM-DD') as "validTo",
              c.max_clients as "maxClients",
              (select count(*) from cost_line l where l.municipality_id = c.municipality_id and l.contract_id = c.id
                  and l.kind = 'charge')::int as clients
         from contract c where c.municipality_id = $1 order by c.service_type, c.valid_from desc`,
      [m()],
    );
  }

  async insertContract(input: ContractInput, by: string): Promise<string> {
    const rows = await q(
      `insert into contract (municipality_id, provider, service_type, price_cents, valid_from, valid_to, max_clients, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        m(),
        input.provider,
        input.serviceType,
        input.priceCents,
        input.validFrom,
        input.validTo ?? null,
        input.maxClients ?? null,
        by,
      ],
    );
    return rows[0].id;
  }

  /** The contract valid on a date for a service: the one that started last. */
  async contractOn(
    serviceType: ServiceType,
    date: string,
    provider?: string,
  ): Promise<{
    id: string;
    provider: string;
    price_cents: number;
    max_clients: number | null;
    clients: number;
  } | null> {
    const rows = await q(
      `select c.id, c.provider, c.price_cents::float8 as price_cents, c.max_clients,
              (select count(*) from cost_line l where l.municipality_id = c.municipality_id and l.contract_id = c.id
                  and l.kind = 'charge')::int as clients
         from contract c
        where c.municipality_id = $1 and c.service_type = $2 and c.valid_from <= $3 and (c.valid_to is null or c.valid_to >= $3)
          and ($4::text is null or lower(trim(c.provider)) = lower(trim($4)))
        order by c.valid_from desc, c.created_at desc limit 1`,
      [m(), serviceType, date, provider ?? null],
    );
    return rows[0] ?? null;
  }

  /** Inserts the charge of an event unless it exists; true when this call created it. */
  async insertCharge(line: {
    caseId: string;
    serviceType: ServiceType;
    eventKey: string;
    occurredOn: string;
    contract: { id: string; provider: string; price_cents: number } | null;
    /** The provider named on the record, kept on a line without a contract. */
    provider?: string | null;
    warning: string | null;
    by: string | null;
  }): Promise<boolean> {
    const rows = await q(
      `insert into cost_line (municipality_id, case_id, service_type, contract_id, provider, amount_cents, kind, event_key,
         occurred_on, warning, created_by)
       values ($1, $2, $3, $4, $5, $6, 'charge', $7, $8, $9, $10)
       on conflict (municipality_id, event_key) where kind = 'charge' do nothing returning id`,
      [
        m(),
        line.caseId,
        line.serviceType,
        line.contract?.id ?? null,
        line.contract?.provider ?? line.provider ?? null,
        line.contract?.price_cents ?? null,
        line.eventKey,
        line.occurredOn,
        line.warning,
        line.by,
      ],
    );
    return rows.length > 0;
  }

  async line(id: string): Promise<CostLine | null> {
    const rows = await q(`${LINE} where l.municipality_id = $1 and l.id = $2`, [m(), id]);
    return rows[0] ?? null;
  }

  /** A credit belongs to the period of the service it corrects. */
  async insertCredit(charge: CostLine, reason: string, by: string): Promise<boolean> {
    const rows = await q(
      `insert into cost_line (municipality_id, case_id, service_type, contract_id, provider, amount_cents, kind, occurred_on,
         reason, credits_line_id, created_by)
       select municipality_id, case_id, service_type, contract_id, provider, -amount_cents, 'credit', occurred_on, $3, id, $4
         from cost_line where municipality_id = $1 and id = $2
       on conflict (municipality_id, credits_line_id) where kind = 'credit' do nothing returning id`,
      [m(), charge.id, reason, by],
    );
    return rows.length > 0;
  }

  linesForCase(caseId: string): Promise<CostLine[]> {
    return q(
      `${LINE} where l.municipality_id = $1 and l.case_id = $2 order by l.occurred_on, l.created_at`,
      [m(), caseId],
    );
  }

  /**
   * Services the case received without a cost line: referrals that started with a partner
   * whose service is free to the municipality, or debt restructuring on a Bbz credit.
   */
  uncostedServices(caseId: string): Promise<UncostedService[]> {
    return q(
      `select r.id as "referralId", p.code, p.name as provider,
              to_char(s.started_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as "startedOn",
              r.cost_bearer
         from referral r
         join partner_organisation p on p.id = r.partner_id
         cross join lateral (
           select coalesce(min(e.at), r.last_change_at) as started_at from referral_event e
            where e.municipality_id = r.municipality_id and e.referral_id = r.id
              and e.status = 'started') s
        where r.municipality_id = $1 and r.case_id = $2 and r.status in ('started', 'completed')
          and p.code = any($3)
        order by s.started_at`,
      [m(), caseId, Object.keys(PARTNER_SERVICE_TYPES)],
    ).then(
      (
        rows: {
          referralId: string;
          code: string;
          provider: string;
          startedOn: string;
          cost_bearer: string | null;
        }[],
      ) =>
        rows.map((r) => ({
          referralId: r.referralId,
          serviceType: PARTNER_SERVICE_TYPES[r.code]!,
          provider: r.provider,
          startedOn: r.startedOn,
          paidBy: (r.code !== 'schuldhulp'
            ? 'free'
            : r.cost_bearer === 'bbz_credit'
              ? 'bbz_credit'
              : 'debt_assistance') as UncostedService['paidBy'],
        })),
    );
  }

  missingContracts(): Promise<CostLine[]> {
    return q(
      `${LINE} where l.municipality_id = $1 and l.warning is not null order by l.occurred_on desc limit 100`,
      [m()],
    );
  }

  async budget(year: number): Promise<{
    coverage: BudgetInput['coverage'];
    planned: Record<string, number>;
    assumptions: BudgetInput['assumptions'];
  } | null> {
    const rows = await q(
      'select coverage, planned, assumptions from budget where municipality_id = $1 and year = $2',
      [m(), year],
    );
    return rows[0] ?? null;
  }

  async saveBudget(year: number, input: BudgetInput, by: string) {
    await q(
      `insert into budget (municipality_id, year, coverage, planned, assumptions, updated_by) values ($1, $2, $3, $4, $5, $6)
       on conflict (municipality_id, year) do update set coverage = excluded.coverage, planned = excluded.planned,
         assumptions = excluded.assumptions, updated_by = excluded.updated_by, updated_at = now()`,
      [
        m(),
        year,
        JSON.stringify(input.coverage),
        JSON.stringify(input.planned),
        JSON.stringify(input.assumptions),
        by,
      ],
    );
  }

  /** Realised per budget category in a year (charges minus credits). */
  realised(year: number): Promise<{ service_type: string; cents: number }[]> {
    return q(
      `select service_type, coalesce(sum(amount_cents), 0)::float8 as cents from cost_line
        where municipality_id = $1 and extract(year from occurred_on) = $2 group by service_type`,
      [m(), year],
    );
  }

  /** Local communication: what the municipality's own campaigns spent in the year. */
  async localCommunication(year: number): Promise<number> {
    const rows = await q(
      `select coalesce(sum(e.amount_cents), 0)::float8 as cents from campaign_expenditure e
        where e.owner_municipality_id = $1 and extract(year from e.spent_on) = $2`,
      [m(), year],
    );
    return rows[0].cents;
  }

  /** Open cases still to receive a service: the committed part of the budget. */
  async openWithout(): Promise<{ intake: number; analysis: number; coaching: number }> {
    const rows = await q(
      `select count(*) filter (where c.status in ('registered', 'intake_scheduled'))::int as intake,
              count(*) filter (where c.status in ('intake_done', 'in_progress') and not exists (
                 select 1 from perspective_analysis a where a.municipality_id = c.municipality_id and a.case_id = c.id))::int as analysis,
              count(*) filter (where c.status = 'in_progress' and not exists (
                 select 1 from coaching co where co.municipality_id = c.municipality_id and co.case_id = c.id))::int as coaching
         from case_file c where c.municipality_id = $1`,
      [m()],
    );
    return rows[0];
  }

  /** Tozo recipients not yet approached by any wave. */
  async recipientsNotApproached(): Promise<number> {
    const rows = await q(
      `select count(*)::int as n from outreach_recipient r where r.municipality_id = $1
          and not exists (select 1 from outreach_contact c where c.municipality_id = r.municipality_id and c.recipient_id = r.id)`,
      [m()],
    );
    return rows[0].n;
  }

  statementLines(
    provider: string,
    month: string,
  ): Promise<
    { case_id: string; service_type: string; occurred_on: string; amount_cents: number }[]
  > {
    return q(
      `select case_id, service_type, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on, amount_cents::float8 as amount_cents
         from cost_line
        where municipality_id = $1 and provider = $2 and date_trunc('month', occurred_on) = $3::date and amount_cents is not null
        order by occurred_on, created_at`,
      [m(), provider, `${month}-01`],
    );
  }

  /** The contracts the lines of a statement were priced with: what the invoice is checked against. */
  statementContracts(
    provider: string,
    month: string,
  ): Promise<
    {
      id: string;
      service_type: string;
      price_cents: number;
      valid_from: string;
      valid_to: string | null;
    }[]
  > {
    return q(
      `select distinct c.id, c.service_type, c.price_cents::float8 as price_cents,
              to_char(c.valid_from, 'YYYY-MM-DD') as valid_from, to_char(c.valid_to, 'YYYY-MM-DD') as valid_to
         from cost_line l join contract c on c.municipality_id = l.municipality_id and c.id = l.contract_id
        where l.municipality_id = $1 and l.provider = $2 and date_trunc('month', l.occurred_on) = $3::date
        order by c.service_type, valid_from`,
      [m(), provider, `${month}-01`],
    );
  }

  async statementStatus(provider: string, month: string): Promise<'open' | 'invoiced' | 'paid'> {
    const rows = await q(
      'select status from provider_statement where municipality_id = $1 and provider = $2 and month = $3',
      [m(), provider, `${month}-01`],
    );
    return rows[0]?.status ?? 'open';
  }

  async setStatementStatus(provider: string, month: string, status: string, by: string) {
    await q(
      `insert into provider_statement (municipality_id, provider, month, status, updated_by) values ($1, $2, $3, $4, $5)
       on conflict (municipality_id, provider, month) do update set status = excluded.status, updated_by = excluded.updated_by,
         updated_at = now()`,
      [m(), provider, `${month}-01`, status, by],
    );
  }
}
