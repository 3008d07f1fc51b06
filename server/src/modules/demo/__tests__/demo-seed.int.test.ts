import { expect } from 'chai';
import { CASE_STATUSES } from '@herorientatie/domain';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { TenantUnitOfWork } from '../../../db/unit-of-work.ts';
import { ReferenceRepository } from '../../reference/reference.repository.ts';
import { seedDemoReach } from '../demo-reach.ts';
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

  it('adds the regional and a local campaign and Wijchen’s outreach as in the pilot, once', async () => {
    const uow = new TenantUnitOfWork(db.dataSource);
    const reference = new ReferenceRepository(db.dataSource);
    expect(await seedDemoReach(uow, reference, 'http://localhost:3000')).to.equal(true);
    expect(await seedDemoReach(uow, reference, 'http://localhost:3000')).to.equal(false);
    const campaigns = await db.admin.query(
      `select c.name, c.owner_municipality_id is null as regional, c.budget_cents::int as budget,
              (select sum(amount_cents)::int from campaign_expenditure e where e.campaign_id = c.id) as spent,
              (select count(*)::int from campaign_reach r where r.campaign_id = c.id) as reach
         from campaign c order by regional desc`,
    );
    expect(campaigns.rows[0]).to.deep.include({
      regional: true,
      budget: 2_750_000,
      spent: 1_677_500,
      reach: 6,
    });
    expect(campaigns.rows[1]).to.deep.include({ regional: false, budget: 500_000, spent: 125_000 });
    const pilot = await db.admin.query(
      `select count(*)::int as approached,
              count(*) filter (where response in ('interested', 'not_interested', 'already_helped'))::int as responded
         from outreach_contact c join outreach_wave w on w.id = c.wave_id where w.name = 'Pilot Tozo 3 (brief)'`,
    );
    expect(pilot.rows[0]).to.deep.equal({ approached: 88, responded: 11 });
    const attributed = await db.admin.query(
      `select count(*)::int as n from case_file where campaign_code is not null`,
    );
    expect(attributed.rows[0].n).to.be.greaterThan(0);
  });
});
