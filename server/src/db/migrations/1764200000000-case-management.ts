import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'entrepreneur',
  'case_counter',
  'case_file',
  'intake',
  'perspective_analysis',
  'case_route',
  'coaching',
  'contact',
  'case_event',
  'idempotency_key',
];

/**
 * Case management: entrepreneurs, cases with their status, intake, perspective analysis,
 * routes, coaching, contacts, the timeline of events and idempotency keys. All tenant
 * tables, under the same row-level security as the foundation.
 */
export class CaseManagement1764200000000 implements MigrationInterface {
  name = 'CaseManagement1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table entrepreneur (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        name text not null,
        email text,
        phone text,
        postcode text,
        house_number text,
        business_name text not null,
        kvk_number text check (kvk_number ~ '^[0-9]{8}$'),
        legal_form text not null,
        sbi_code text,
        business_start_date date,
        tozo_periods text[] not null default '{}',
        partner_income text not null default 'unknown',
        bsn text check (bsn ~ '^[0-9]{9}$'),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id)
      );
      create unique index entrepreneur_kvk_idx on entrepreneur (municipality_id, kvk_number) where kvk_number is not null;
      create unique index entrepreneur_bsn_idx on entrepreneur (municipality_id, bsn) where bsn is not null;
      create index entrepreneur_name_idx on entrepreneur (municipality_id, lower(name));

      create table case_counter (
        municipality_id uuid not null references municipality (id),
        last_number integer not null default 0,
        primary key (municipality_id)
      );

      create table case_file (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        reference text not null,
        entrepreneur_id uuid not null,
        status text not null default 'registered' check (status in
          ('registered', 'intake_scheduled', 'intake_done', 'in_progress', 'closed', 'withdrawn')),
        source text not null,
        source_detail text,
        urgency text not null,
        other_support text not null,
        caseworker_id uuid,
        advisor_id uuid,
        intake_scheduled_at timestamptz,
        registered_at timestamptz not null default now(),
        last_contact_at timestamptz,
        closed_at timestamptz,
        outcome text,
        outcome_note text,
        withdrawn_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, reference),
        foreign key (municipality_id, entrepreneur_id) references entrepreneur (municipality_id, id),
        foreign key (municipality_id, caseworker_id) references app_user (municipality_id, id),
        foreign key (municipality_id, advisor_id) references app_user (municipality_id, id),
        check ((status = 'closed') = (outcome is not null)),
        check ((status = 'withdrawn') = (withdrawn_reason is not null))
      );
      -- One open case per entrepreneur.
      create unique index case_file_one_open_idx on case_file (municipality_id, entrepreneur_id)
        where status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress');
      create index case_file_registered_idx on case_file (municipality_id, registered_at, id);
      create index case_file_updated_idx on case_file (municipality_id, updated_at, id);
      create index case_file_status_idx on case_file (municipality_id, status);
      create index case_file_advisor_idx on case_file (municipality_id, advisor_id);
      create index case_file_caseworker_idx on case_file (municipality_id, caseworker_id);

      create table intake (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        date date not null,
        mode text not null,
        advisor_id uuid,
        viability text not null,
        sector_prospects text,
        bbz_options text[] not null,
        bbz_not_eligible_reason text,
        recommended_routes text[] not null default '{}',
        findings text,
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, case_id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, advisor_id) references app_user (municipality_id, id),
        foreign key (municipality_id, recorded_by) references app_user (municipality_id, id)
      );

      create table perspective_analysis (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        provider text not null,
        date date not null,
        conclusion text not null,
        report_attachment_id uuid,
        recorded_by uuid not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, recorded_by) references app_user (municipality_id, id)
      );
      create index perspective_analysis_case_idx on perspective_analysis (municipality_id, case_id);

      create table case_route (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        type text not null check (type in ('strengthen_business', 'solve_finances', 'employment')),
        status text not null default 'active' check (status in ('active', 'completed', 'stopped')),
        start_date date not null,
        end_date date,
        outcome text,
        note text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        check (end_date is null or end_date >= start_date),
        check ((status = 'active') = (outcome is null))
      );
      -- A route type runs at most once at a time in a case; different routes may overlap.
      create unique index case_route_one_active_idx on case_route (municipality_id, case_id, type) where status = 'active';
      create index case_route_case_idx on case_route (municipality_id, case_id);

      create table coaching (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        organisation text not null,
        coach text not null,
        start_date date not null,
        end_date date,
        sessions integer not null default 0 check (sessions >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        check (end_date is null or end_date >= start_date)
      );
      create index coaching_case_idx on coaching (municipality_id, case_id);

      create table contact (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        occurred_at timestamptz not null,
        channel text not null,
        user_id uuid not null,
        summary text not null,
        created_at timestamptz not null default now(),
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, user_id) references app_user (municipality_id, id)
      );
      create index contact_case_idx on contact (municipality_id, case_id, occurred_at);

      -- The timeline: every change to a case, append-only.
      create table case_event (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        occurred_at timestamptz not null default now(),
        type text not null,
        actor_id uuid,
        summary text not null,
        data jsonb not null default '{}',
        primary key (municipality_id, id),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, actor_id) references app_user (municipality_id, id)
      );
      create index case_event_case_idx on case_event (municipality_id, case_id, occurred_at);

      create table idempotency_key (
        municipality_id uuid not null,
        user_id uuid not null,
        key text not null check (length(key) between 1 and 200),
        request_hash text not null,
        response_status integer,
        response_body jsonb,
        created_at timestamptz not null default now(),
        primary key (municipality_id, user_id, key),
        foreign key (municipality_id, user_id) references app_user (municipality_id, id)
      );

      grant select, insert, update on entrepreneur, case_counter, case_file, intake,
        perspective_analysis, case_route, coaching, contact, idempotency_key to herorientatie_app;
      grant select, insert on case_event to herorientatie_app;
    `);
    for (const table of TENANT_TABLES) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy tenant_isolation on ${table}
          using (municipality_id = current_municipality_id())
          with check (municipality_id = current_municipality_id());`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await q.query(`drop table ${table}`);
  }
}
