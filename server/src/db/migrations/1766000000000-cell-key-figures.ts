import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyFiguresSql,
  FIGURES_SQL,
  restoreFiguresFunctions,
  snapshotFiguresFunctions,
} from '../figures-sql/index.ts';
import { DB_ROLES } from '../roles.ts';
import { aggregateRead } from '../table-kinds.ts';

const NAME = 'CellKeyFigures1766000000000';

/**
 * Figures across municipalities protected by the cell key method, decided once per
 * published cell (municipality × month × measure × dimension) instead of per request:
 * - every record gets a fixed key from a secret only the aggregate role reads; the rollup
 *   keeps each cell's key; perturbation follows from count and key;
 * - other municipalities are published only for months that ended before the last rebuild,
 *   and every period, total and the region are sums of those perturbed cells;
 * - open cases and campaign attribution come from the rollup too, never live;
 * - money of others is derived from protected counts times contract prices.
 * The functions live in `db/figures-sql/`, one file each, with one check for who may read
 * figures and one for the threshold. The previous definitions are kept for `down`.
 */
export class CellKeyFigures1766000000000 implements MigrationInterface {
  name = NAME;

  async up(q: QueryRunner): Promise<void> {
    await q.query(aggregateRead('contract'));
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await snapshotFiguresFunctions(q, NAME);
    await q.query(`
      create table figures.cell_key_secret (
        singleton boolean primary key default true check (singleton),
        secret text not null
      );
      insert into figures.cell_key_secret (secret)
        values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
      alter table figures.monthly add column ckey integer not null default 0;
      alter table figures.monthly_cost add column ckey integer not null default 0,
        add column price_cents bigint;
      -- Nothing is published until the first rebuild with keys (the job runs every minute).
      delete from figures.refreshed;
    `);
    await q.query(`
      drop function figures.campaign_cases(uuid);
      drop function figures.suppress(integer[], boolean[], integer);
      drop function figures.round5(integer);
    `);
    await applyFiguresSql(q, FIGURES_SQL);
    await q.query(`set role ${DB_ROLES.owner}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await restoreFiguresFunctions(q, NAME);
    await q.query(`set role ${DB_ROLES.aggregate}`);
    await q.query(`
      alter table figures.monthly drop column ckey;
      alter table figures.monthly_cost drop column ckey, drop column price_cents;
      drop table figures.cell_key_secret;
      drop table figures.function_snapshot;
    `);
    await q.query(`set role ${DB_ROLES.owner}`);
    await q.query(`
      drop policy aggregate_region_read on contract;
      revoke select on contract from ${DB_ROLES.aggregate};
    `);
  }
}
