import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantTable } from '../table-kinds.ts';

/** TONK applications (a self-employed applicant can get a case in one step) and Bbz requests on a case. */
export class TonkBbz1765300000000 implements MigrationInterface {
  name = 'TonkBbz1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tonk_application (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        name text not null,
        email text,
        postcode text,
        self_employed boolean not null,
        business_name text,
        kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
        monthly_housing_costs_cents bigint not null check (monthly_housing_costs_cents >= 0),
        requested_cents bigint not null check (requested_cents >= 0),
        period_from date not null,
        period_to date not null,
        received_on date not null,
        decision text not null default 'pending' check (decision in ('pending', 'granted', 'rejected')),
        granted_cents bigint check (granted_cents >= 0),
        decided_on date,
        case_id uuid,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id),
        check (period_to >= period_from),
        check ((decision = 'granted') = (granted_cents is not null))
      );
      create index tonk_application_received_idx on tonk_application (municipality_id, received_on desc);
      create index tonk_application_case_idx on tonk_application (municipality_id, case_id) where case_id is not null;
      ${tenantTable('tonk_application', { grants: ['select', 'insert', 'update'], aggregate: true })}

      create table bbz_request (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        kind text not null check (kind in ('income_support', 'business_credit')),
        amount_cents bigint check (amount_cents >= 0),
        requested_on date not null,
        decision text not null default 'pending' check (decision in ('pending', 'granted', 'rejected')),
        granted_cents bigint check (granted_cents >= 0),
        decided_on date,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, created_by) references app_user (municipality_id, id),
        check (kind = 'income_support' or amount_cents is not null)
      );
      create index bbz_request_case_idx on bbz_request (municipality_id, case_id);
      ${tenantTable('bbz_request', { grants: ['select', 'insert', 'update'], aggregate: true })}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table bbz_request; drop table tonk_application;');
  }
}
