import type { OpenCasesFigure } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { protectedOf, shownAs } from '../../../../test/cell-key.ts';
import { refreshRegionalFigures } from '../regional.repository.ts';

const COUNTS = [
  ['GM0268', 'Nijmegen', 30],
  ['GM0296', 'Wijchen', 12],
  ['GM1945', 'Berg en Dal', 2],
  ['GM0209', 'Beuningen', 9],
  ['GM0225', 'Druten', 7],
  ['GM0252', 'Heumen', 6],
  ['GM0944', 'Mook en Middelaar', 8],
] as const;

describe('open cases through the aggregate role', () => {
  const t = useTestApp({ logins: ['wijchen-analyst', 'wijchen-caseworker', 'nijmegen-manager'] });
  const register = async (code: string, n: number, at: string) =>
    t.db.admin.query(
      `with m as (select id from municipality where code = $1),
       e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
             select m.id, 'O ' || g, 'B ' || g, 'bv' from m, generate_series(1, $2) g returning municipality_id, id)
       insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support, registered_at)
       select e.municipality_id, 'HO-R-' || gen_random_uuid(), e.id, 'other', 'normal', 'none', $3::timestamptz from e`,
      [code, n, at],
    );
  const openCases = async (who = 'wijchen-analyst') => {
    const r = await t.agent(who).get('/api/v1/regional/open-cases');
    expect(r.status, r.text).to.equal(200);
    return r.json<OpenCasesFigure>();
  };

  before(async () => {
    for (const [code, , n] of COUNTS) await register(code, n, '2021-03-15');
    await refreshRegionalFigures(t.db.dataSource);
  });

  it('shows an analyst the cases open at the end of the last published month, perturbed', async () => {
    const figure = await openCases();
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m.openCases]));
    let region = 0;
    for (const [code, name] of COUNTS) {
      if (name === 'Wijchen') continue; // the analyst's own municipality, exact below
      const { published } = await protectedOf(
        t.db.admin,
        `select f.id, 'open' as cell from case_file f join municipality m on m.id = f.municipality_id
          where m.code = $1`,
        [code],
      );
      region += published;
      expect(byName[name], name).to.deep.equal(shownAs(published));
    }
    // Berg en Dal's 2 is never shown; Nijmegen's 30 is never hidden.
    expect(byName['Berg en Dal']).to.deep.equal({ value: null, suppressed: true });
    expect(byName.Nijmegen!.suppressed).to.equal(false);
    expect(figure.region.value).to.be.within(region + 10, region + 14);
    expect(figure.asOf).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(figure)).to.not.match(/entrepreneur|O 1|HO-R-/);
  });

  it('moves nothing that is shown of others when cases are registered now', async () => {
    const before = await openCases();
    // Public sign-ups of this month (a tracker) in Berg en Dal and Heumen.
    await register('GM1945', 3, new Date().toISOString());
    await register('GM0252', 1, new Date().toISOString());
    await refreshRegionalFigures(t.db.dataSource);
    const after = await openCases();
    const others = (f: OpenCasesFigure) => f.municipalities.filter((m) => m.name !== 'Wijchen');
    expect(others(after)).to.deep.equal(others(before));
    expect(after.region).to.deep.equal(before.region);
  });

  it('rebuilds the rollup safely when the job and another rebuild run at once', async () => {
    const before = await openCases();
    await Promise.all(Array.from({ length: 4 }, () => refreshRegionalFigures(t.db.dataSource)));
    const after = await openCases();
    expect(after.municipalities).to.deep.equal(before.municipalities);
  });

  it('is refused to a caseworker', async () => {
    expect(
      (await t.agent('wijchen-caseworker').get('/api/v1/regional/open-cases')).status,
    ).to.equal(403);
    expect((await t.agent('nijmegen-manager').get('/api/v1/regional/open-cases')).status).to.equal(
      200,
    );
  });
});
