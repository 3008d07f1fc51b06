import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTable } from '../table-kinds.ts';

/**
 * Costs and coverage: contracts per municipality (price per client per service, valid from
 * a date), cost lines created by the work itself (exactly once per event; corrections are
 * credit lines), budgets per year with coverage, planned amounts and forecast assumptions,
 * and provider statements per month.
 */
export class Finance1765350000000 implements MigrationInterface {
  name = 'Finance1765350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table contract (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        provider text not null,
        service_type text not null,
        price_cents bigint not null check (price_cents >= 0),
        valid_from date not null,
        valid_to date,
        max_clients integer check (max_clients > 0),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id),
        check (valid_to is null or valid_to >= valid_from)
      );
      create index contract_service_idx on contract (municipality_id, service_type, valid_from);
      ${tenantTable('contract', { grants: ['select', 'insert', 'update'] })}

      create table cost_line (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        service_type text not null,
        contract_id uuid,
        provider text,
        amount_cents bigint,
        kind text not null check (kind in ('charge', 'credit')),
        event_key text,
        occurred_on date not null,
        warning text check (warning in ('missing_contract', 'over_maximum')),
        reason text,
        credits_line_id uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, contract_id) references contract (municipality_id, id),
        foreign key (municipality_id, credits_line_id) references cost_line (municipality_id, id),
        check ((kind = 'charge') = (event_key is not null)),
        check (kind = 'charge' or (reason is not null and credits_line_id is not null))
      );
      -- Exactly once per event, however often or concurrently it is saved; one credit per charge.
      create unique index cost_line_event_idx on cost_line (municipality_id, event_key) where kind = 'charge';
      create unique index cost_line_credit_idx on cost_line (municipality_id, credits_line_id) where kind = 'credit';
      create index cost_line_case_idx on cost_line (municipality_id, case_id);
      create index cost_line_provider_idx on cost_line (municipality_id, provider, occurred_on);
      ${tenantTable('cost_line', { grants: ['select', 'insert'], aggregate: true })}

      create table budget (
        municipality_id uuid not null references municipality (id),
        year integer not null check (year between 2000 and 2100),
        coverage jsonb not null default '[]',
        planned jsonb not null default '{}',
        assumptions jsonb not null default '{}',
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        primary key (municipality_id, year),
        foreign key (municipality_id, updated_by) references app_user (municipality_id, id)
      );
      ${tenantTable('budget', { grants: ['select', 'insert', 'update'] })}

      create table provider_statement (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        provider text not null,
        month date not null,
        status text not null check (status in ('open', 'invoiced', 'paid')),
        updated_by uuid not null,
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, provider, month),
        foreign key (municipality_id, updated_by) references app_user (municipality_id, id)
      );
      ${tenantTable('provider_statement', { grants: ['select', 'insert', 'update'] })}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'drop table provider_statement; drop table budget; drop table cost_line; drop table contract;',
    );
  }
}
