import type { QueryRunner } from 'typeorm';
import { DB_ROLES } from '../roles.ts';

/**
 * One SQL function of the figures schema (or a small family of them), kept in a file of
 * its own. A migration loads it with `applyFiguresSql`; a later change edits the file and
 * adds a migration that loads it again, so no body is ever pasted twice.
 */
export interface FiguresSql {
  /** The SQL that (re)creates the functions, run as the aggregate role. */
  sql: string;
  /** Signatures the application role may execute, granted after every load. */
  appExecutes: string[];
}

/** Runs each file as the aggregate role (the owner of the schema), then grants execution. */
export async function applyFiguresSql(q: QueryRunner, files: FiguresSql[]): Promise<void> {
  await q.query(`set role ${DB_ROLES.aggregate}`);
  for (const file of files) await q.query(file.sql);
  await q.query(`set role ${DB_ROLES.owner}`);
  for (const file of files)
    for (const signature of file.appExecutes)
      await q.query(`grant execute on function ${signature} to ${DB_ROLES.app}`);
}

/**
 * Keeps the definition of every function in the figures schema, with whether the app role
 * may execute it, under `migration`, so that the migration's `down` can put them back
 * exactly as they were without a copy of any body in the code.
 */
export async function snapshotFiguresFunctions(q: QueryRunner, migration: string): Promise<void> {
  await q.query(`
    create table if not exists figures.function_snapshot (
      migration text not null,
      signature text not null,
      definition text not null,
      app_execute boolean not null,
      primary key (migration, signature)
    )`);
  await q.query(`delete from figures.function_snapshot where migration = $1`, [migration]);
  await q.query(
    `insert into figures.function_snapshot (migration, signature, definition, app_execute)
     select $1, p.oid::regprocedure::text, pg_get_functiondef(p.oid),
            has_function_privilege($2, p.oid, 'execute')
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'figures' and p.prokind = 'f'`,
    [migration, DB_ROLES.app],
  );
}

/** Replaces every function of the figures schema with those kept by `snapshotFiguresFunctions`. */
export async function restoreFiguresFunctions(q: QueryRunner, migration: string): Promise<void> {
  const kept: { signature: string; definition: string; app_execute: boolean }[] = await q.query(
    `select signature, definition, app_execute from figures.function_snapshot where migration = $1`,
    [migration],
  );
  const current: { signature: string }[] = await q.query(
    `select p.oid::regprocedure::text as signature
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'figures' and p.prokind = 'f'`,
  );
  await q.query(`set role ${DB_ROLES.aggregate}`);
  for (const { signature } of current) await q.query(`drop function ${signature}`);
  for (const f of kept) {
    await q.query(f.definition);
    await q.query(`revoke all on function ${f.signature} from public`);
  }
  await q.query(`set role ${DB_ROLES.owner}`);
  for (const f of kept.filter((k) => k.app_execute))
    await q.query(`grant execute on function ${f.signature} to ${DB_ROLES.app}`);
  await q.query(`delete from figures.function_snapshot where migration = $1`, [migration]);
}

/**
 * A figures function that the application calls: it runs as the aggregate role, first
 * checks who may read figures and the threshold, knows the first unpublished month as
 * `v_cutoff`, and returns rows (`return query …` in `body`). Written once here so each
 * file holds only what its figure computes.
 */
export function readerFunction(f: {
  name: string;
  params: string;
  returns: string;
  roles?: string[];
  body: string;
}): string {
  const types = f.params
    .split(',')
    .map((p) => p.trim().split(/\s+/).slice(1).join(' '))
    .join(', ');
  const roles = f.roles ? `array[${f.roles.map((r) => `'${r}'`).join(', ')}]` : '';
  return `
    drop function if exists ${f.name}(${types});
    create function ${f.name}(${f.params})
      returns table (${f.returns})
      language plpgsql stable security definer
      set search_path = public, pg_temp
      as $$
      #variable_conflict use_column
      declare
        v_cutoff date := figures.unpublished_from();
      begin
        perform figures.require_reader(${roles});
        perform figures.require_threshold(p_threshold);
        ${f.body}
      end $$;
    revoke all on function ${f.name}(${types}) from public;`;
}
