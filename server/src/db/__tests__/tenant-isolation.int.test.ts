import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import {
  municipality,
  seedEveryTenantTable,
  systemActor,
  tenantTables,
  type MunicipalityRef,
} from '../../../test/factories.ts';
import { currentManager, MissingTenantError, TenantUnitOfWork } from '../unit-of-work.ts';

describe('tenant isolation through row-level security', () => {
  let db: TestDatabase;
  let uow: TenantUnitOfWork;
  let wijchen: MunicipalityRef;
  let nijmegen: MunicipalityRef;
  let tables: string[];

  before(async () => {
    db = await createTestDatabase();
    uow = new TenantUnitOfWork(db.dataSource);
    wijchen = await municipality(db.admin, 'GM0296');
    nijmegen = await municipality(db.admin, 'GM0268');
    await seedEveryTenantTable(db.admin, wijchen.id);
    await seedEveryTenantTable(db.admin, nijmegen.id);
    tables = await tenantTables(db.admin);
  });
  after(() => db.drop());

  it('has rows of both municipalities in every tenant table (seen as superuser)', async () => {
    for (const table of tables) {
      const result = await db.admin.query(
        `select count(distinct municipality_id)::int as n from ${table} where municipality_id = any($1)`,
        [[wijchen.id, nijmegen.id]],
      );
      expect(result.rows[0].n, `${table} holds both tenants`).to.equal(2);
    }
  });

  it('shows only the own rows to a query without any WHERE clause', async () => {
    for (const table of tables) {
      const seen = await uow.run(systemActor(wijchen), () =>
        currentManager().query(`select distinct municipality_id from ${table}`),
      );
      expect(
        seen.map((r: { municipality_id: string }) => r.municipality_id),
        table,
      ).to.deep.equal([wijchen.id]);
    }
  });

  it('refuses to insert a row for another municipality in every tenant table', async () => {
    for (const table of tables) {
      // Take a real row of Nijmegen and try to write a copy of it while acting as Wijchen.
      const sample = await db.admin.query(
        `select to_jsonb(t) - 'id' as row from ${table} t where municipality_id = $1 limit 1`,
        [nijmegen.id],
      );
      const row = sample.rows[0].row;
      // Generated columns (search vectors) are computed, never written.
      const columns = (
        await db.admin.query(
          `select column_name from information_schema.columns
            where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
          [table],
        )
      ).rows
        .map((r) => `"${r.column_name}"`)
        .join(', ');
      let error: Error | undefined;
      try {
        await uow.run(systemActor(wijchen), () =>
          currentManager().query(
            `insert into ${table} (${columns}) select ${columns} from jsonb_populate_record(null::${table}, $1::jsonb || jsonb_build_object('id', gen_random_uuid()))`,
            [row],
          ),
        );
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, table).to.match(/row-level security/);
    }
  });

  it('cannot move an own row to another municipality', async () => {
    let error: Error | undefined;
    try {
      await uow.run(systemActor(wijchen), () =>
        currentManager().query(`update app_user set municipality_id = $1`, [nijmegen.id]),
      );
    } catch (err) {
      error = err as Error;
    }
    expect(error?.message).to.match(/row-level security/);
  });

  it('cannot update or delete rows of another municipality (they are invisible)', async () => {
    const result = await uow.run(systemActor(wijchen), () =>
      currentManager().query(`update app_user set name = 'gekaapt' where municipality_id = $1`, [
        nijmegen.id,
      ]),
    );
    expect(result[1]).to.equal(0);
    const names = await db.admin.query(`select name from app_user where name = 'gekaapt'`);
    expect(names.rowCount).to.equal(0);
  });

  it('sees nothing at all without a tenant, outside a unit of work', async () => {
    for (const table of tables) {
      const rows = await db.dataSource.query(`select * from ${table}`);
      expect(rows, table).to.deep.equal([]);
    }
  });

  it('sees nothing once the tenant setting of an earlier transaction has ended', async () => {
    // The same pooled connection, after a unit of work: the setting reads '' and matches nothing.
    const single = await db.dataSource.createQueryRunner();
    try {
      await single.startTransaction();
      // eslint-disable-next-line no-restricted-syntax -- simulates what the unit of work does
      await single.query(`select set_config('app.municipality_id', $1, true)`, [wijchen.id]);
      expect(await single.query('select * from app_user')).to.have.length.greaterThan(0);
      await single.commitTransaction();
      expect(await single.query('select * from app_user')).to.deep.equal([]);
    } finally {
      await single.release();
    }
  });

  it('fails closed when tenant data is touched outside a unit of work', async () => {
    expect(() => currentManager()).to.throw(MissingTenantError);
    let error: unknown;
    try {
      await uow.run({ ...systemActor(wijchen), municipalityId: '' }, async () => 1);
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(MissingTenantError);
  });

  it('rejects a malformed tenant id instead of running without one', async () => {
    let error: unknown;
    try {
      await uow.run({ ...systemActor(wijchen), municipalityId: "' or true --" }, async () => 1);
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(MissingTenantError);
  });

  it('rolls back the whole unit of work when it fails', async () => {
    let error: unknown;
    try {
      await uow.run(systemActor(wijchen), async () => {
        await currentManager().query(`update app_user set name = 'half geschreven'`);
        throw new Error('afgebroken');
      });
    } catch (err) {
      error = err;
    }
    expect((error as Error).message).to.equal('afgebroken');
    const rows = await db.admin.query(`select 1 from app_user where name = 'half geschreven'`);
    expect(rows.rowCount).to.equal(0);
  });
});
