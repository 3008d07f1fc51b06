import type { Role } from '@herorientatie/domain';
import { DB_ROLES } from './roles.ts';

/**
 * The four kinds of table and the SQL that gives each its rules. Migrations call these
 * instead of writing row-level security by hand; the catalog test reads the kind from the
 * table's comment and checks the rules of that kind.
 * - tenant: rows of one municipality (`municipality_id` leads the primary key);
 * - region: rows shared by the municipalities of one region (`region_id`), readable by
 *   every member, writable only by the roles (and the centre municipality) a policy names;
 * - reference: shared by all, written only by migrations and administrators;
 * - system: the application's own bookkeeping (sessions, jobs, outbox), no personal data
 *   of one municipality readable by another.
 */
export type TableKind = 'tenant' | 'region' | 'reference' | 'system';

type Privilege = 'select' | 'insert' | 'update' | 'delete';

const APP = DB_ROLES.app;
const AGGREGATE = DB_ROLES.aggregate;
const kindComment = (table: string, kind: TableKind) =>
  `comment on table ${table} is 'kind=${kind}';`;
const sqlList = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/**
 * Row-level security for a tenant table: every command sees and writes only rows of the
 * municipality of the unit of work. `aggregate` lets the aggregate role read the rows of
 * the caller's region for the figures functions.
 */
export function tenantTable(
  table: string,
  options: { grants: Privilege[]; aggregate?: boolean },
): string {
  return `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy tenant_isolation on ${table}
      using (municipality_id = current_municipality_id())
      with check (municipality_id = current_municipality_id());
    grant ${options.grants.join(', ')} on ${table} to ${APP};
    ${options.aggregate ? aggregateRead(table) : ''}
    ${kindComment(table, 'tenant')}`;
}

/** Lets the aggregate role read a tenant table's rows of the caller's region, and nothing else. */
export function aggregateRead(table: string): string {
  return `
    create policy aggregate_region_read on ${table} for select to ${AGGREGATE}
      using (municipality_id in (select m.id from municipality m where m.region_id = current_region_id()));
    grant select on ${table} to ${AGGREGATE};`;
}

/**
 * Row-level security for a region table: members of the region read its rows; only users
 * holding one of `writeRoles` (and, with `centreOnly`, only in the region's centre
 * municipality) insert, change or remove them.
 */
export function regionTable(
  table: string,
  options: { writeRoles: Role[]; centreOnly: boolean; grants: Privilege[] },
): string {
  const writer = `region_id = current_region_id() and current_user_has_role(${sqlList(options.writeRoles)})${
    options.centreOnly ? ' and current_municipality_is_centre()' : ''
  }`;
  return `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy region_read on ${table} for select using (region_id = current_region_id());
    create policy region_insert on ${table} for insert with check (${writer});
    create policy region_update on ${table} for update using (${writer}) with check (${writer});
    create policy region_delete on ${table} for delete using (${writer});
    grant ${options.grants.join(', ')} on ${table} to ${APP};
    ${kindComment(table, 'region')}`;
}

/** A reference table: readable by the application, written by migrations. */
export function referenceTable(table: string): string {
  return `
    grant select on ${table} to ${APP};
    ${kindComment(table, 'reference')}`;
}

/** A system table: the application's bookkeeping, with the grants it needs. */
export function systemTable(table: string, grants: Privilege[]): string {
  return `
    grant ${grants.join(', ')} on ${table} to ${APP};
    ${kindComment(table, 'system')}`;
}

/** Undoes `tenantTable`/`regionTable` policies for a `down` migration (the table stays). */
export function dropPolicies(table: string, policies: string[]): string {
  return policies.map((p) => `drop policy if exists ${p} on ${table};`).join('\n');
}
