import type { RegionalFigures } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Pool } from 'pg';
import fc from 'fast-check';
import { useTestApp } from '../../../../test/app.ts';
import { municipality } from '../../../../test/factories.ts';
import { actors } from '../../../context/actor.ts';
import { currentManager } from '../../../db/unit-of-work.ts';
import { refreshRegionalFigures } from '../regional.repository.ts';

/** Registers `n` cases in a municipality in a month, from a source (as superuser, for arranging). */
async function cases(
  admin: Pool,
  code: string,
  n: number,
  month: string,
  source = 'tozo_outreach',
) {
  if (n === 0) return;
  await admin.query(
    `with m as (select id from municipality where code = $1),
     e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
           select m.id, 'Persoon ' || g, 'Zaak ' || g, 'bv' from m, generate_series(1, $2) g returning municipality_id, id)
     insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support, registered_at)
     select e.municipality_id, 'HO-F-' || gen_random_uuid(), e.id, $4, 'normal', 'none', ($3 || '-15')::timestamptz from e`,
    [code, n, month, source],
  );
}

describe('regional figures', () => {
  const t = useTestApp({
    logins: ['nijmegen-analyst', 'wijchen-manager', 'wijchen-caseworker', 'heumen-coordinator'],
  });
  const figures = async (who: string, from = '2021-01', to = '2021-12') => {
    const r = await t.agent(who).get(`/api/v1/regional/figures?from=${from}&to=${to}`);
    expect(r.status, r.text).to.equal(200);
    return r.json<RegionalFigures>();
  };
  const value = (
    f: RegionalFigures,
    name: string,
    measure = 'registered',
    dimension = 'tozo_outreach',
  ) =>
    f.rows.find(
      (r) => r.municipalityName === name && r.measure === measure && r.dimension === dimension,
    );

  before(async () => {
    // Hand-computed fixture, registrations from the Tozo outreach in 2021.
    await cases(t.db.admin, 'GM0268', 23, '2021-03');
    await cases(t.db.admin, 'GM0268', 9, '2021-04');
    await cases(t.db.admin, 'GM0296', 11, '2021-03');
    await cases(t.db.admin, 'GM0296', 2, '2021-04');
    await cases(t.db.admin, 'GM1945', 7, '2021-05');
    await cases(t.db.admin, 'GM0209', 3, '2021-05');
    await cases(t.db.admin, 'GM0225', 6, '2021-06');
    await cases(t.db.admin, 'GM0252', 12, '2021-06');
    await cases(t.db.admin, 'GM0944', 1, '2021-06');
    await cases(t.db.admin, 'GM0296', 4, '2021-03', 'regional_campaign');
    await refreshRegionalFigures(t.db.dataSource);
  });

  it('gives an analyst every municipality, rounded to 5, small ones and their complement hidden', async () => {
    const f = await figures('nijmegen-analyst');
    expect(value(f, 'Nijmegen')).to.include({ value: 30, suppressed: false, exact: false }); // 32
    expect(value(f, 'Wijchen')).to.include({ value: 15, suppressed: false }); // 13
    expect(value(f, 'Heumen')).to.include({ value: 10, suppressed: false }); // 12
    expect(value(f, 'Beuningen')).to.include({ value: null, suppressed: true }); // 3
    expect(value(f, 'Mook en Middelaar')).to.include({ value: null, suppressed: true }); // 1
    // 3 + 1 hide only 4 together: the next smallest (Druten, 6) is hidden too.
    expect(value(f, 'Druten')).to.include({ value: null, suppressed: true });
    expect(value(f, 'Regio')).to.include({ value: 75, suppressed: false }); // 74
    // 4 campaign registrations in one municipality: hidden everywhere, and so is the total.
    expect(value(f, 'Regio', 'registered', 'regional_campaign')).to.include({
      suppressed: true,
      value: null,
    });
    const text = JSON.stringify(f);
    expect(text).to.not.match(/Persoon|Zaak|HO-F-/);
  });

  it('gives a manager the own municipality exactly and the rest only as the region', async () => {
    const f = await figures('wijchen-manager');
    const names = [...new Set(f.rows.map((r) => r.municipalityName))].sort();
    expect(names).to.deep.equal(['Regio', 'Wijchen']);
    expect(value(f, 'Wijchen')).to.include({ value: 13, exact: true });
    expect(value(f, 'Wijchen', 'registered', 'regional_campaign')).to.include({
      value: 4,
      exact: true,
    });
  });

  it('follows the period: a month later, only its own months count', async () => {
    const f = await figures('nijmegen-analyst', '2021-03', '2021-03');
    expect(value(f, 'Nijmegen')).to.include({ value: 25 }); // 23
    // Five municipalities had none in March: their zeros would follow from the total, so
    // Wijchen's 11 is hidden with them.
    expect(value(f, 'Wijchen')).to.include({ value: null, suppressed: true });
    expect(value(f, 'Regio')!.value).to.equal(35); // 34
    const bad = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/figures?from=2021-13&to=2021-01');
    expect(bad.status).to.equal(400);
  });

  it('is refused to caseworkers and shows no other region', async () => {
    expect(
      (await t.agent('wijchen-caseworker').get('/api/v1/regional/figures?from=2021-01&to=2021-12'))
        .status,
    ).to.equal(403);
    const region = await t.db.admin.query(
      `insert into region (code, name) values ('XR01', 'Elders') returning id`,
    );
    const other = (
      await t.db.admin.query(
        `insert into municipality (region_id, code, name, is_centre) values ($1, 'GM9998', 'Verweg', true)
         returning id, code, name, region_id as "regionId"`,
        [region.rows[0].id],
      )
    ).rows[0];
    await cases(t.db.admin, 'GM9998', 40, '2021-03');
    await refreshRegionalFigures(t.db.dataSource);
    const f = await figures('heumen-coordinator');
    expect(f.rows.some((r) => r.municipalityName === 'Verweg')).to.equal(false);
    expect(value(f, 'Regio')!.value).to.equal(75);
    // And the other region's analyst sees only its own municipality.
    const analyst = actors.user({
      id: (await municipality(t.db.admin, 'GM0268')).id,
      subject: 'x',
      name: 'x',
      email: null,
      municipalityId: other.id,
      municipalityCode: other.code,
      regionId: other.regionId,
      isCentre: true,
      roles: ['analyst'],
    });
    const rows = await t.app.uow.run(analyst, () =>
      currentManager().query(
        `select distinct municipality_name from figures.region_figures('2021-01-01', '2021-12-31', 5, false)`,
      ),
    );
    expect(
      rows.map((r: { municipality_name: string }) => r.municipality_name).sort(),
    ).to.deep.equal(['Regio', 'Verweg']);
  });

  it('never returns an exact small count of another municipality, for random data and periods', async () => {
    const codes = ['GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom(...codes), fc.nat({ max: 9 }), fc.integer({ min: 7, max: 9 })),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.integer({ min: 1, max: 12 }),
        async (batches, toMonth) => {
          for (const [code, n, month] of batches)
            await cases(t.db.admin, code, n, `2022-0${month}`, 'other');
          await refreshRegionalFigures(t.db.dataSource);
          const to = `2022-${String(toMonth).padStart(2, '0')}`;
          const f = await figures('nijmegen-analyst', '2022-01', to);
          for (const r of f.rows.filter((x) => x.dimension === 'other')) {
            if (r.suppressed) expect(r.value).to.equal(null);
            else {
              expect(r.exact).to.equal(false);
              expect(r.value! % 5).to.equal(0);
              expect(r.value!).to.be.at.least(5);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('makes the evaluation report as PDF and CSV from the same figures', async () => {
    const manager = t.agent('wijchen-manager');
    const pdf = await manager.request(
      'GET',
      '/api/v1/regional/evaluation.pdf?from=2021-01&to=2021-12&scope=GM0296',
    );
    expect(pdf.status, pdf.text).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    if (process.env.SAVE_REPORT) {
      const bytes = Buffer.from(
        await (
          await fetch(
            `${t.app.baseUrl}/api/v1/regional/evaluation.pdf?from=2021-01&to=2021-12&scope=GM0296`,
            {
              headers: { cookie: await manager.jar.getCookieString(t.app.baseUrl) },
            },
          )
        ).arrayBuffer(),
      );
      (await import('node:fs')).writeFileSync(process.env.SAVE_REPORT, bytes);
    }
    const csv = await manager.get(
      '/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0296',
    );
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('Onderdeel;Cijfer;Waarde');
    expect(lines).to.include('Aanmeldingen naar herkomst;Aangemeld;17');
    expect(lines).to.include('Aanmeldingen naar herkomst;Regionale campagne;4');
    // A manager's report of the own municipality has its budget section.
    expect(
      lines.some((l) => l.startsWith('Kosten en dekking 2021;Gerealiseerd van gepland;')),
    ).to.equal(true);
    // The region's report hides what is small; another municipality is not the manager's.
    const region = await manager.get(
      '/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=regio',
    );
    expect(region.text).to.contain('Regionale campagne;verborgen');
    expect(region.text).to.contain('Aanmeldingen naar herkomst;Aangemeld;80');
    expect(
      (await manager.get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0268'))
        .status,
    ).to.equal(404);
    const analyst = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0268');
    expect(analyst.status).to.equal(200);
    expect(analyst.text).to.contain('Aanmeldingen naar herkomst;Aangemeld;30');
  });

  it('gives median days to intake where the base reaches the threshold', async () => {
    // Five Heumen cases of June 2021 get an intake after 3, 5, 7, 9 and 11 days.
    await t.db.admin.query(
      `with c as (select f.id, f.municipality_id, f.registered_at, row_number() over (order by f.id) as rn
                    from case_file f join municipality m on m.id = f.municipality_id
                   where m.code = 'GM0252' and f.registered_at < '2022-01-01' limit 5),
            u as (select u.id from app_user u join municipality m on m.id = u.municipality_id where m.code = 'GM0252' limit 1)
       insert into intake (municipality_id, case_id, date, mode, viability, bbz_options, recorded_by)
       select c.municipality_id, c.id, c.registered_at::date + (1 + 2 * c.rn)::int, 'video', 'viable', '{none}',
              coalesce((select id from u), (select id from app_user limit 1))
         from c`,
    );
    await refreshRegionalFigures(t.db.dataSource);
    const f = await figures('nijmegen-analyst');
    const heumen = f.durations.find((d) => d.municipalityName === 'Heumen')!;
    expect(heumen.toIntakeDays).to.equal(7);
    expect(f.durations.find((d) => d.municipalityName === 'Beuningen')!.toIntakeDays).to.equal(
      null,
    );
  });
});
