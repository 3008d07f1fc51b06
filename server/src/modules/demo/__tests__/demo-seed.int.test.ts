import { expect } from 'chai';
import { CASE_STATUSES } from '@herorientatie/domain';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { currentManager, TenantUnitOfWork } from '../../../db/unit-of-work.ts';
import { actors } from '../../../context/actor.ts';
import { municipality } from '../../../../test/factories.ts';
import { ReferenceRepository } from '../../reference/reference.repository.ts';
import { seedDemoReach } from '../demo-reach.ts';
import { seedDemoProgramme } from '../demo-programme.ts';
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

  it('adds a programme year across the seven municipalities, once, that the regional view shows', async () => {
    const uow = new TenantUnitOfWork(db.dataSource);
    const reference = new ReferenceRepository(db.dataSource);
    expect(await seedDemoProgramme(uow, reference)).to.be.greaterThan(50);
    expect(await seedDemoProgramme(uow, reference)).to.equal(0);
    const counts = await db.admin.query(
      `select (select count(distinct status)::int from referral) as referral_states,
              (select count(distinct municipality_id)::int from referral) as referral_municipalities,
              (select count(*)::int from referral where status = 'sent' and follow_up_on < current_date) as stalled,
              (select count(*)::int from consent) as consents,
              (select count(distinct municipality_id)::int from tonk_application) as tonk_municipalities,
              (select count(*)::int from bbz_request) as bbz,
              (select count(*)::int from perspective_analysis) as analyses,
              (select count(distinct service_type)::int from cost_line) as services,
              (select count(*)::int from cost_line l where l.contract_id is null) as unpriced,
              (select count(distinct municipality_id)::int from budget) as budgets`,
    );
    const c = counts.rows[0];
    expect(c.referral_states).to.equal(4); // sent, received, started, not realised
    expect(c.referral_municipalities).to.be.at.least(5);
    expect(c.stalled).to.be.greaterThan(0);
    expect(c.consents).to.be.greaterThan(0);
    expect(c.tonk_municipalities).to.equal(7);
    expect(c.bbz).to.be.greaterThan(0);
    expect(c.analyses).to.be.greaterThan(10);
    expect(c.services).to.equal(3);
    expect(c.unpriced).to.equal(0);
    expect(c.budgets).to.equal(7);
    // Every referral that shares data has a consent of the same entrepreneur and partner.
    const orphan = await db.admin.query(
      `select count(*)::int as n from referral r join case_file f on f.id = r.case_id
        where r.mode = 'by_us' and not exists (select 1 from consent c where c.id = r.consent_id
          and c.entrepreneur_id = f.entrepreneur_id and c.partner_id = r.partner_id)`,
    );
    expect(orphan.rows[0].n).to.equal(0);
  });

  it('writes every timeline entry in words, never a code such as solve_finances', async () => {
    const events = await db.admin.query(
      `select type, summary from case_event where summary ~ '[a-z]+_[a-z_]+'`,
    );
    expect(events.rows).to.deep.equal([]);
    // Route starts read as the application writes them, not "Route gestart (solve_finances)".
    const starts = await db.admin.query(
      `select summary from case_event where type = 'route_started' limit 1`,
    );
    expect(starts.rows[0].summary).to.match(/^Route \d: .+ gestart$/);
  });

  it("shows Wijchen's 515 approaches of 2021 to a Nijmegen analyst, although the others had none", async () => {
    await db.dataSource.query('select figures.refresh_monthly()');
    const nijmegen = await municipality(db.admin, 'GM0268');
    const analyst = (
      await db.admin.query(
        `insert into app_user (municipality_id, subject, name, roles) values ($1, 'utility-analyst', 'Analist', '{analyst}')
         returning id`,
        [nijmegen.id],
      )
    ).rows[0].id;
    const actor = actors.user({
      id: analyst,
      subject: 'utility-analyst',
      name: 'Analist',
      email: null,
      municipalityId: nijmegen.id,
      municipalityCode: nijmegen.code,
      regionId: nijmegen.regionId,
      isCentre: true,
      roles: ['analyst'],
    });
    const rows = await new TenantUnitOfWork(db.dataSource).run(actor, () =>
      currentManager().query(
        `select municipality_name, value, suppressed from figures.region_figures('2021-01-01', '2021-12-31', 5, false)
          where measure = 'approached' and dimension = '*'`,
      ),
    );
    const wijchen = rows.find(
      (r: { municipality_name: string }) => r.municipality_name === 'Wijchen',
    );
    expect(wijchen.suppressed).to.equal(false);
    expect(wijchen.value).to.be.within(515 - 24, 515 + 24);
  });
});
