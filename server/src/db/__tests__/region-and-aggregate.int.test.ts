import type { Role } from '@herorientatie/domain';
import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createUser, municipality, type MunicipalityRef } from '../../../test/factories.ts';
import { actors, type UserActor } from '../../context/actor.ts';
import { currentManager, TenantUnitOfWork } from '../unit-of-work.ts';
import { protectedOf } from '../../../test/cell-key.ts';

/** Region tables and the aggregate role, at database level: what RLS itself allows. */
describe('region tables and the aggregate role', () => {
  let db: TestDatabase;
  let uow: TenantUnitOfWork;
  let nijmegen: MunicipalityRef;
  let wijchen: MunicipalityRef;
  let elsewhere: MunicipalityRef;

  const as = async (m: MunicipalityRef, roles: Role[], isCentre = false): Promise<UserActor> => {
    const user = await createUser(db.admin, m.id, { roles });
    return actors.user({
      id: user.id,
      subject: 's',
      name: 'n',
      email: null,
      municipalityId: m.id,
      municipalityCode: m.code,
      regionId: m.regionId,
      isCentre,
      roles,
    });
  };
  const announce = (actor: UserActor, title: string) =>
    uow.run(actor, () =>
      currentManager().query(
        `insert into region_announcement (region_id, title, body, published_by, publisher_municipality_id)
         values ($1, $2, 'Tekst', $3, $4)`,
        [actor.regionId, title, actor.kind === 'user' ? actor.user.id : null, actor.municipalityId],
      ),
    );
  const titles = (actor: UserActor) =>
    uow.run(actor, async () =>
      (await currentManager().query('select title from region_announcement order by title')).map(
        (r: { title: string }) => r.title,
      ),
    );
  const failure = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (err) {
      return (err as Error).message;
    }
    return null;
  };

  before(async () => {
    db = await createTestDatabase();
    uow = new TenantUnitOfWork(db.dataSource);
    nijmegen = await municipality(db.admin, 'GM0268');
    wijchen = await municipality(db.admin, 'GM0296');
    // A second region with one municipality, to prove nothing crosses regions.
    const region = await db.admin.query(
      `insert into region (code, name) values ('AR99', 'Andere regio') returning id`,
    );
    const other = await db.admin.query(
      `insert into municipality (region_id, code, name, is_centre) values ($1, 'GM9999', 'Elders', true)
       returning id, code, name, region_id as "regionId"`,
      [region.rows[0].id],
    );
    elsewhere = other.rows[0];
  });
  after(() => db.drop());

  it('lets only a coordinator of the centre municipality write a region table', async () => {
    expect(
      await failure(async () =>
        announce(await as(nijmegen, ['coordinator'], true), 'Campagne start'),
      ),
    ).to.equal(null);
    for (const [m, roles] of [
      [wijchen, ['coordinator']],
      [nijmegen, ['caseworker', 'manager']],
      [wijchen, ['caseworker']],
    ] as const) {
      const message = await failure(async () =>
        announce(await as(m, [...roles]), 'Niet toegestaan'),
      );
      expect(message, `${m.name} ${roles.join('+')}`).to.match(/row-level security/);
    }
    const writer = await as(nijmegen, ['coordinator'], true);
    const changed = await uow.run(await as(wijchen, ['coordinator']), () =>
      currentManager().query(`update region_announcement set title = 'Gekaapt' returning id`),
    );
    expect(changed[0]).to.deep.equal([]);
    expect(await titles(writer)).to.deep.equal(['Campagne start']);
  });

  it('lets every member of the region read it, and no one of another region', async () => {
    expect(await titles(await as(wijchen, ['caseworker']))).to.deep.equal(['Campagne start']);
    expect(await titles(await as(nijmegen, ['analyst']))).to.deep.equal(['Campagne start']);
    expect(await titles(await as(elsewhere, ['coordinator'], true))).to.deep.equal([]);
  });

  it('refuses a region setting that is not the region of the municipality', async () => {
    const actor = await as(wijchen, ['caseworker']);
    const forged = { ...actor, regionId: elsewhere.regionId };
    expect(await titles(forged)).to.deep.equal([]);
  });

  describe('figures from the aggregate role', () => {
    const openCases = async (m: MunicipalityRef, n: number) => {
      if (n === 0) return;
      await db.admin.query(
        `with e as (
           insert into entrepreneur (municipality_id, name, business_name, legal_form)
           select $1, 'O ' || g, 'B ' || g, 'bv' from generate_series(1, $2) g returning id)
         insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support, registered_at)
         select $1, 'HO-F-' || gen_random_uuid(), e.id, 'other', 'normal', 'none', '2021-03-15' from e`,
        [m.id, n],
      );
    };
    const figures = (actor: UserActor, threshold = 5, ownKnown = false) =>
      uow.run(actor, () =>
        currentManager().query(
          'select * from figures.open_cases_by_municipality($1, $2) order by municipality_name',
          [threshold, ownKnown],
        ),
      );
    const published = async (m: MunicipalityRef) =>
      (
        await protectedOf(
          db.admin,
          `select id, 'open' as cell from case_file where municipality_id = $1`,
          [m.id],
        )
      ).published;
    const region: MunicipalityRef[] = [];

    before(async () => {
      await openCases(nijmegen, 40);
      await openCases(wijchen, 12);
      await openCases(await municipality(db.admin, 'GM1945'), 7);
      await openCases(await municipality(db.admin, 'GM0209'), 9);
      await openCases(await municipality(db.admin, 'GM0225'), 3); // under the threshold
      await openCases(await municipality(db.admin, 'GM0252'), 6);
      await openCases(await municipality(db.admin, 'GM0944'), 8);
      await openCases(elsewhere, 100);
      for (const code of ['GM0268', 'GM0296', 'GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'])
        region.push(await municipality(db.admin, code));
      await db.dataSource.query('select figures.refresh_monthly()');
    });

    it('returns protected counts per municipality of the own region only', async () => {
      const rows = await figures(await as(wijchen, ['analyst']));
      const byName = Object.fromEntries(
        rows.map((r: { municipality_name: string; open_cases: number | null }) => [
          r.municipality_name,
          r.open_cases,
        ]),
      );
      expect(byName).to.not.have.property('Elders');
      let total = 0;
      for (const m of region) {
        const p = await published(m);
        total += p;
        expect(byName[m.name], m.name).to.equal(p < 5 ? null : p);
      }
      expect(byName.Nijmegen).to.be.within(38, 42);
      expect(byName.Regio).to.equal(total);
    });

    it('gives the own municipality exactly, and the region the same for every caller', async () => {
      const own = await figures(await as(nijmegen, ['coordinator'], true), 5, true);
      const analyst = await figures(await as(wijchen, ['analyst']));
      const row = (rows: { municipality_name: string }[], name: string) =>
        rows.find((r) => r.municipality_name === name);
      expect(row(own, 'Nijmegen')).to.include({ open_cases: 40, exact: true });
      expect(row(own, 'Regio')).to.deep.equal(row(analyst, 'Regio'));
      expect(row(own, 'Druten')).to.deep.equal(row(analyst, 'Druten'));
    });

    it('is refused to roles without region figures, and the app role cannot read the rows', async () => {
      const message = await failure(async () => figures(await as(wijchen, ['caseworker'])));
      expect(message).to.match(/may not see region figures/);
      const low = await failure(async () => figures(await as(wijchen, ['analyst']), 1));
      expect(low).to.match(/threshold/);
      const seen = await uow.run(await as(wijchen, ['analyst']), () =>
        currentManager().query('select distinct municipality_id from case_file'),
      );
      expect(seen.map((r: { municipality_id: string }) => r.municipality_id)).to.deep.equal([
        wijchen.id,
      ]);
    });
  });
});
