import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data (regions, municipalities), users, the append-only audit log and the
 * session store. Tenant tables carry municipality_id in their primary key and in every
 * foreign key, with row-level security enabled and forced.
 */
export class Foundation1764100000000 implements MigrationInterface {
  name = 'Foundation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table region (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        name text not null
      );

      create table municipality (
        id uuid primary key default gen_random_uuid(),
        region_id uuid not null references region (id),
        code text not null unique check (code ~ '^GM[0-9]{4}$'),
        name text not null,
        is_centre boolean not null default false
      );
      create index municipality_region_idx on municipality (region_id);
      -- A region has at most one centre municipality.
      create unique index municipality_one_centre_idx on municipality (region_id) where is_centre;

      grant select on region, municipality to herorientatie_app;

      -- The tenant predicate used by every row-level security policy.
      create function current_municipality_id() returns uuid
        language sql stable
        as $$ select nullif(current_setting('app.municipality_id', true), '')::uuid $$;
      grant execute on function current_municipality_id() to herorientatie_app;

      create table app_user (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        subject text not null,
        name text not null,
        email text,
        roles text[] not null default '{}',
        created_at timestamptz not null default now(),
        last_login_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, subject)
      );
      alter table app_user enable row level security;
      alter table app_user force row level security;
      create policy tenant_isolation on app_user
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());
      grant select, insert, update on app_user to herorientatie_app;

      create table audit_log (
        municipality_id uuid not null references municipality (id),
        id uuid not null default gen_random_uuid(),
        occurred_at timestamptz not null default now(),
        user_id uuid not null,
        action text not null check (action in ('read', 'create', 'update', 'delete', 'reveal', 'export', 'login', 'logout')),
        object_type text not null,
        object_id text,
        route text,
        reason text,
        request_id text,
        primary key (municipality_id, id),
        foreign key (municipality_id, user_id) references app_user (municipality_id, id)
      );
      create index audit_log_object_idx on audit_log (municipality_id, object_type, object_id, occurred_at);
      create index audit_log_user_idx on audit_log (municipality_id, user_id, occurred_at);
      alter table audit_log enable row level security;
      alter table audit_log force row level security;
      create policy tenant_isolation on audit_log
        using (municipality_id = current_municipality_id())
        with check (municipality_id = current_municipality_id());
      -- Append-only: the application may add and read, never change or remove.
      grant select, insert on audit_log to herorientatie_app;
      create function audit_log_is_append_only() returns trigger
        language plpgsql as $$
        begin
          raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
        end $$;
      create trigger audit_log_append_only
        before update or delete on audit_log
        for each statement execute function audit_log_is_append_only();
      create trigger audit_log_no_truncate
        before truncate on audit_log
        for each statement execute function audit_log_is_append_only();

      -- Sessions (connect-pg-simple layout). Not tenant data: holds the session only.
      create table http_session (
        sid varchar not null primary key,
        sess json not null,
        expire timestamptz not null
      );
      create index http_session_expire_idx on http_session (expire);
      grant select, insert, update, delete on http_session to herorientatie_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table http_session;
      drop table audit_log;
      drop function audit_log_is_append_only();
      drop table app_user;
      drop function current_municipality_id();
      drop table municipality;
      drop table region;
    `);
  }
}
