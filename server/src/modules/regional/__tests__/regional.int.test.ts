import type { OpenCasesFigure } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';

describe('regional figures through the aggregate role', () => {
  const t = useTestApp({ logins: ['wijchen-analyst', 'wijchen-caseworker', 'nijmegen-manager'] });

  before(async () => {
    for (const [code, n] of [
      ['GM0268', 30],
      ['GM0296', 12],
      ['GM1945', 2],
      ['GM0209', 9],
      ['GM0225', 7],
      ['GM0252', 6],
      ['GM0944', 8],
    ] as const) {
      await t.db.admin.query(
        `with m as (select id from municipality where code = $1),
         e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
               select m.id, 'O ' || g, 'B ' || g, 'bv' from m, generate_series(1, $2) g returning municipality_id, id)
         insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support)
         select e.municipality_id, 'HO-R-' || gen_random_uuid(), e.id, 'other', 'normal', 'none' from e`,
        [code, n],
      );
    }
  });

  it('shows an analyst counts per municipality with small ones and their complement hidden', async () => {
    const r = await t.agent('wijchen-analyst').get('/api/v1/regional/open-cases');
    expect(r.status, r.text).to.equal(200);
    const figure = r.json<OpenCasesFigure>();
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m.openCases]));
    expect(byName['Berg en Dal']).to.deep.equal({ value: null, suppressed: true });
    // The smallest shown count is hidden too, so 74 − the rest does not give Berg en Dal.
    expect(byName.Heumen).to.deep.equal({ value: null, suppressed: true });
    expect(byName.Nijmegen).to.deep.equal({ value: 30, suppressed: false });
    // Counts of others are rounded to 5, like every figure.
    expect(figure.region).to.deep.equal({ value: 75, suppressed: false });
    expect(JSON.stringify(figure)).to.not.match(/entrepreneur|O 1|HO-R-/);
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
