import { expect } from 'chai';
import { CASE_STATUSES } from '@herorientatie/domain';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { TenantUnitOfWork } from '../../../db/unit-of-work.ts';
import { ReferenceRepository } from '../../reference/reference.repository.ts';
import { DEMO_CASES, seedDemoData } from '../demo-seed.ts';

describe('demo data', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  it('fills every municipality of the demo region, with cases in every state', async () => {
    const created = await seedDemoData(
      new TenantUnitOfWork(db.dataSource),
      new ReferenceRepository(db.dataSource),
    );
    expect(created).to.equal(Object.values(DEMO_CASES).reduce((a, b) => a + b, 0));
    const perMunicipality = await db.admin.query(
      `select m.code, count(*)::int as n, array_agg(distinct c.status) as statuses
         from case_file c join municipality m on m.id = c.municipality_id group by m.code`,
    );
    for (const row of perMunicipality.rows) {
      expect(row.n, row.code).to.equal(DEMO_CASES[row.code]);
    }
    const wijchen = perMunicipality.rows.find((r) => r.code === 'GM0296');
    expect([...wijchen.statuses].sort()).to.deep.equal([...CASE_STATUSES].sort());
    const consistent = await db.admin.query(
      `select count(*)::int as n from case_file c
        where (c.status in ('in_progress', 'closed')) and not exists (select 1 from intake i where i.case_id = c.id)`,
    );
    expect(consistent.rows[0].n, 'cases with routes have an intake').to.equal(0);
  });

  it('does nothing on a second run', async () => {
    const again = await seedDemoData(
      new TenantUnitOfWork(db.dataSource),
      new ReferenceRepository(db.dataSource),
    );
    expect(again).to.equal(0);
  });
});
