import { expect } from 'chai';
import pg from 'pg';
import {
  createTestDatabase,
  silentLogger,
  TEST_APP_PASSWORD,
  type TestDatabase,
} from '../../../test/database.ts';
import { migrate, undoLastMigration } from '../migrate.ts';
import { migrations } from '../migrations/index.ts';

describe('migrations', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  const tableCount = async () =>
    (
      await db.admin.query(
        `select count(*)::int as n from pg_tables where schemaname = 'public' and tablename <> 'schema_migration'`,
      )
    ).rows[0].n as number;

  it('is up to date after start-up and applies nothing twice', async () => {
    expect(await migrate(db.adminUrl, TEST_APP_PASSWORD, silentLogger)).to.deep.equal([]);
  });

  it('runs concurrently from two instances without migrating twice', async () => {
    const results = await Promise.all([
      migrate(db.adminUrl, TEST_APP_PASSWORD, silentLogger),
      migrate(db.adminUrl, TEST_APP_PASSWORD, silentLogger),
    ]);
    expect(results.flat()).to.deep.equal([]);
  });

  it('reverts every migration with down and applies them again', async () => {
    await db.dataSource.destroy();
    for (let i = 0; i < migrations.length; i++) await undoLastMigration(db.adminUrl);
    expect(await tableCount()).to.equal(0);
    const applied = await migrate(db.adminUrl, TEST_APP_PASSWORD, silentLogger);
    expect(applied).to.have.length(migrations.length);
    expect(await tableCount()).to.be.greaterThan(0);
    const client = new pg.Client({ connectionString: db.adminUrl });
    await client.connect();
    const municipalities = await client.query('select count(*)::int as n from municipality');
    await client.end();
    expect(municipalities.rows[0].n).to.equal(7);
    await db.dataSource.initialize();
  });
});
