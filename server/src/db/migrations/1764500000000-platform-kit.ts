import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';
import { aggregateRead, dropPolicies, regionTable, tenantTable } from '../table-kinds.ts';

const KINDS: Record<string, string[]> = {
  reference: ['region', 'municipality'],
  tenant: [
    'app_user',
    'audit_log',
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
    'attachment',
  ],
  system: ['http_session', 'schema_migration'],
};

/**
 * The platform for the regional modules: who acts (user, region, roles, actor kind) as
 * database settings with functions for policies; table kinds recorded on every table; an
 * audit log whose time, actor and request the database sets; the aggregate role with its
 * first figures function; a region table (announcements); record versions for corrections
 * and separate start and end notes on routes.
 */
export class PlatformKit1764500000000 implements MigrationInterface {
  name = 'PlatformKit1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const app = DB_ROLES.app;
    const aggregate = DB_ROLES.aggregate;
    await q.query(`
      -- Who acts, as set by the unit of work. The region counts only when it is the region
      -- of the municipality, so the two settings cannot disagree.
      create function current_region_id() returns uuid
        language sql stable
        as $$ select m.region_id from municipality m
               where m.id = current_municipality_id()
                 and m.region_id = nullif(current_setting('app.region_id', true), '')::uuid $$;
      create function current_user_id() returns uuid
        language sql stable
        as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
      create function current_roles() returns text[]
        language sql stable
        as $$ select string_to_array(nullif(current_setting('app.roles', true), ''), ',') $$;
      create function current_user_has_role(wanted text[]) returns boolean
        language sql stable
        as $$ select current_user_id() is not null and coalesce(current_roles() && wanted, false) $$;
      create function current_municipality_is_centre() returns boolean
        language sql stable
        as $$ select coalesce((select m.is_centre from municipality m where m.id = current_municipality_id()), false) $$;
      grant execute on function current_region_id(), current_user_id(), current_roles(),
        current_user_has_role(text[]), current_municipality_is_centre() to ${app}, ${aggregate};
      grant usage on schema public to ${aggregate};
      grant execute on function current_municipality_id() to ${aggregate};
      grant select on municipality, region to ${aggregate};

      -- Audit: the database stamps time, actor and request; the application cannot write
      -- another time, another user or another request into a row.
      alter table audit_log alter column user_id drop not null;
      alter table audit_log
        add column actor_kind text not null default 'user' check (actor_kind in ('user', 'public', 'system')),
        add column actor_label text,
        add column client_request_id text,
        add column query jsonb,
        add column object_ids text[],
        add constraint audit_log_actor_check check ((actor_kind = 'user') = (user_id is not null));
      create function audit_log_stamp() returns trigger
        language plpgsql as $$
        begin
          new.occurred_at := now();
          new.actor_kind := nullif(current_setting('app.actor', true), '');
          if new.actor_kind is null then
            raise exception 'audit_log: no actor in this transaction' using errcode = 'insufficient_privilege';
          end if;
          new.user_id := current_user_id();
          new.actor_label := nullif(current_setting('app.actor_label', true), '');
          new.request_id := nullif(current_setting('app.request_id', true), '');
          new.client_request_id := nullif(current_setting('app.client_request_id', true), '');
          new.route := nullif(current_setting('app.route', true), '');
          return new;
        end $$;
      create trigger audit_log_stamp before insert on audit_log
        for each row execute function audit_log_stamp();

      -- A route keeps why it started apart from how it ended.
      alter table case_route rename column note to start_note;
      alter table case_route add column end_note text;

      -- Corrections keep the earlier version of a record.
      alter table intake add column version integer not null default 1;
      alter table perspective_analysis add column version integer not null default 1;
      alter table contact add column version integer not null default 1;
      alter table contact add column updated_at timestamptz not null default now();
      alter table perspective_analysis add column updated_at timestamptz not null default now();
      alter table intake add column updated_at timestamptz not null default now();
      grant update on contact to ${app};
      create table record_version (
        municipality_id uuid not null,
        id uuid not null default gen_random_uuid(),
        case_id uuid not null,
        record_type text not null check (record_type in ('intake', 'perspective-analysis', 'contact')),
        record_id uuid not null,
        version integer not null,
        data jsonb not null,
        reason text not null,
        replaced_by uuid not null,
        replaced_at timestamptz not null default now(),
        primary key (municipality_id, id),
        unique (municipality_id, record_type, record_id, version),
        foreign key (municipality_id, case_id) references case_file (municipality_id, id),
        foreign key (municipality_id, replaced_by) references app_user (municipality_id, id)
      );
      create index record_version_case_idx on record_version (municipality_id, case_id);
      ${tenantTable('record_version', { grants: ['select', 'insert'] })}

      -- A region table: announcements of the region's coordinator to every member.
      create table region_announcement (
        region_id uuid not null references region (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) between 1 and 5000),
        published_by uuid not null,
        publisher_name text,
        publisher_municipality_id uuid not null references municipality (id),
        published_at timestamptz not null default now(),
        primary key (region_id, id)
      );
      create index region_announcement_published_idx on region_announcement (region_id, published_at desc, id);
      ${regionTable('region_announcement', {
        writeRoles: ['coordinator'],
        centreOnly: true,
        grants: ['select', 'insert', 'update', 'delete'],
      })}

      -- Figures across the region come only from functions owned by the aggregate role.
      create schema figures authorization ${aggregate};
      grant usage on schema figures to ${app};
      ${aggregateRead('case_file')}
    `);
    for (const [kind, tables] of Object.entries(KINDS)) {
      for (const table of tables) await q.query(`comment on table ${table} is 'kind=${kind}'`);
    }
    await q.query(`set role ${aggregate}`);
    await q.query(`
      -- Open cases per municipality of the caller's region. A count under the threshold is
      -- suppressed; when only one municipality is suppressed, the next smallest is too, so
      -- that no suppressed count follows from the region total by subtraction.
      create function figures.open_cases_by_municipality(p_threshold integer)
        returns table (municipality_id uuid, municipality_code text, municipality_name text,
                       open_cases integer, suppressed boolean)
        language plpgsql stable security definer
        set search_path = public, pg_temp
        as $$
        begin
          if not current_user_has_role(array['analyst', 'coordinator', 'manager']) then
            raise exception 'figures: role may not see region figures' using errcode = 'insufficient_privilege';
          end if;
          if p_threshold is null or p_threshold < 3 then
            raise exception 'figures: threshold must be at least 3' using errcode = 'invalid_parameter_value';
          end if;
          return query
            with cells as (
              select m.id, m.code, m.name, count(c.id)::integer as n
                from municipality m
                left join case_file c on c.municipality_id = m.id
                  and c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')
               where m.region_id = current_region_id()
               group by m.id, m.code, m.name
            ), primary_cells as (
              select cells.*, cells.n < p_threshold as hidden from cells
            ), secondary as (
              select p.id from primary_cells p
               where not p.hidden and (select count(*) from primary_cells x where x.hidden) = 1
               order by p.n, p.code limit 1
            ), final as (
              select p.id, p.code, p.name, p.n,
                     p.hidden or exists (select 1 from secondary s where s.id = p.id) as hidden
                from primary_cells p
            )
            select f.id, f.code, f.name, case when f.hidden then null else f.n end, f.hidden
              from final f
            union all
            select null::uuid, null::text, 'Regio'::text,
                   case when coalesce(sum(f.n), 0) < p_threshold then null else sum(f.n)::integer end,
                   coalesce(sum(f.n), 0) < p_threshold
              from final f;
        end $$;
      revoke all on function figures.open_cases_by_municipality(integer) from public;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(
      `grant execute on function figures.open_cases_by_municipality(integer) to ${app}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const aggregate = DB_ROLES.aggregate;
    await q.query(`set role ${aggregate}`);
    // Everything in the schema belongs to the aggregate role, including later functions.
    await q.query(`drop schema figures cascade`);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      ${dropPolicies('case_file', ['aggregate_region_read'])}
      revoke select on case_file from ${aggregate};
      drop table region_announcement;
      drop table record_version;
      alter table intake drop column version, drop column updated_at;
      alter table perspective_analysis drop column version, drop column updated_at;
      alter table contact drop column version, drop column updated_at;
      revoke update on contact from ${DB_ROLES.app};
      alter table case_route drop column end_note;
      alter table case_route rename column start_note to note;
      drop trigger audit_log_stamp on audit_log;
      drop function audit_log_stamp();
      alter table audit_log drop constraint audit_log_actor_check,
        drop column actor_kind, drop column actor_label, drop column client_request_id,
        drop column query, drop column object_ids;
      revoke select on municipality, region from ${aggregate};
      revoke usage on schema public from ${aggregate};
      drop function current_municipality_is_centre();
      drop function current_user_has_role(text[]);
      drop function current_roles();
      drop function current_user_id();
      drop function current_region_id();
    `);
  }
}
