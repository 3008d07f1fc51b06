import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regional rollup holds a row per municipality, so it gets row-level security like
 * every other table keyed by municipality: its functions read only the caller's region,
 * the refresh writes each municipality only under that municipality's setting, and
 * clears the table only outside any municipality (where the refresh job runs). Nothing
 * but the figures functions (owned by the aggregate role) can reach the table at all.
 */
export class FiguresRollupRls1765700000000 implements MigrationInterface {
  name = 'FiguresRollupRls1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table figures.monthly enable row level security;
      alter table figures.monthly force row level security;
      create policy region_read on figures.monthly for select
        using (municipality_id in (select m.id from municipality m where m.region_id = current_region_id()));
      create policy refresh_insert on figures.monthly for insert
        with check (municipality_id = current_municipality_id());
      create policy refresh_clear on figures.monthly for delete
        using (current_municipality_id() is null);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop policy refresh_clear on figures.monthly;
      drop policy refresh_insert on figures.monthly;
      drop policy region_read on figures.monthly;
      alter table figures.monthly no force row level security;
      alter table figures.monthly disable row level security;
    `);
  }
}
