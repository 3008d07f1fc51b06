import type { ClientBase } from 'pg';
import { DB_ROLES } from './roles.ts';

/**
 * Creates the owner and application roles when missing and gives the owner the schema.
 * Runs on the admin connection before migrations; safe to run again.
 */
export async function bootstrapRoles(
  client: ClientBase,
  appPassword: string,
  databaseName: string,
): Promise<void> {
  const owner = client.escapeIdentifier(DB_ROLES.owner);
  const app = client.escapeIdentifier(DB_ROLES.app);
  const aggregate = client.escapeIdentifier(DB_ROLES.aggregate);
  const db = client.escapeIdentifier(databaseName);
  const existing = await client.query<{ rolname: string }>(
    'select rolname from pg_roles where rolname = any($1)',
    [[DB_ROLES.owner, DB_ROLES.app, DB_ROLES.aggregate]],
  );
  const names = new Set(existing.rows.map((r) => r.rolname));
  if (!names.has(DB_ROLES.owner)) {
    await client.query(`create role ${owner} nologin nosuperuser nobypassrls`);
  }
  if (!names.has(DB_ROLES.app)) {
    await client.query(`create role ${app} login nosuperuser nobypassrls nocreatedb nocreaterole`);
  }
  if (!names.has(DB_ROLES.aggregate)) {
    await client.query(`create role ${aggregate} nologin nosuperuser nobypassrls`);
  }
  // The owner hands the aggregate functions to the aggregate role in migrations.
  await client.query(`grant ${aggregate} to ${owner}`);
  // Passwords cannot be bound as parameters in DDL; escapeLiteral quotes safely.
  await client.query(
    `alter role ${app} with login nosuperuser nobypassrls password ${client.escapeLiteral(appPassword)}`,
  );
  await client.query(`grant ${owner} to current_user`);
  await client.query(`grant connect, temporary on database ${db} to ${app}`);
  await client.query(`grant create, connect on database ${db} to ${owner}`);
  await client.query(`alter schema public owner to ${owner}`);
  await client.query(`revoke create on schema public from public`);
  await client.query(`grant usage on schema public to ${app}`);
}
