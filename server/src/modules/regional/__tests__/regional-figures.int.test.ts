import type { RegionalFigures } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Pool } from 'pg';
import fc from 'fast-check';
import { useTestApp } from '../../../../test/app.ts';
import { municipality } from '../../../../test/factories.ts';
import { actors } from '../../../context/actor.ts';
import { currentManager } from '../../../db/unit-of-work.ts';
import { refreshRegionalFigures } from '../regional.repository.ts';
import { DEMO_REGION, protectedRegistrations } from '../../../../test/cell-key.ts';

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

  const NAMES: Record<string, string> = DEMO_REGION;
  const REGION = Object.keys(DEMO_REGION);
  /** What a cell of another municipality must show: its perturbed sum, or hidden under 5. */
  const shown = (published: number) =>
    published < 5 ? { value: null, suppressed: true } : { value: published, suppressed: false };
  const regionOf = async (from: string, to: string, source = 'tozo_outreach') => {
    let sum = 0;
    for (const code of REGION)
      sum += (await protectedRegistrations(t.db.admin, code, from, to, source)).published;
    return sum;
  };

  it('gives an analyst every municipality as the sum of its perturbed month cells, hidden only under 5', async () => {
    const f = await figures('nijmegen-analyst');
    for (const code of REGION) {
      const { published, truth } = await protectedRegistrations(
        t.db.admin,
        code,
        '2021-01',
        '2021-12',
        'tozo_outreach',
      );
      expect(value(f, NAMES[code]!), code).to.include({ ...shown(published), exact: false });
      // At most 2 per month cell away from the truth (these registrations lie in one or two months).
      expect(Math.abs(published - truth), code).to.be.at.most(4);
    }
    // A large count is never hidden because its neighbours are small.
    expect(value(f, 'Nijmegen')!.suppressed).to.equal(false);
    expect(value(f, 'Wijchen')!.suppressed).to.equal(false);
    // One registration in Mook en Middelaar is never shown (it can only become 0, 1 or 2).
    expect(value(f, 'Mook en Middelaar')).to.include({ value: null, suppressed: true });
    // The region is the sum of the same cells, so parts and total agree.
    const region = await regionOf('2021-01', '2021-12');
    expect(value(f, 'Regio')).to.include(shown(region));
    const text = JSON.stringify(f);
    expect(text).to.not.match(/Persoon|Zaak|HO-F-/);
    expect(f.protection).to.deep.include({ method: 'cell-key', maxNoise: 2 });
  });

  it('gives the same cell the same answer in every request, role and export', async () => {
    const a = await figures('nijmegen-analyst');
    const b = await figures('heumen-coordinator');
    const again = await figures('nijmegen-analyst');
    const others = (f: RegionalFigures) =>
      f.rows.filter(
        (r) => !r.exact && r.municipalityName !== 'Nijmegen' && r.municipalityName !== 'Heumen',
      );
    expect(others(again)).to.deep.equal(others(a));
    expect(others(b)).to.deep.equal(others(a));
    // The region row is the same for the analyst, the coordinator and a manager.
    const manager = await figures('wijchen-manager');
    expect(value(manager, 'Regio')).to.deep.equal(value(a, 'Regio'));
    // And the CSV report of the region holds the same number as the API.
    const csv = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=regio');
    const registered = value(a, 'Regio', 'registered', '*')!.value;
    expect(csv.text).to.contain(`Aanmeldingen naar herkomst;Aangemeld;${registered}`);
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

  it('follows the period: a month is its own cell, and a larger period is the sum of its months', async () => {
    const march = await figures('nijmegen-analyst', '2021-03', '2021-03');
    const wijchen = await protectedRegistrations(
      t.db.admin,
      'GM0296',
      '2021-03',
      '2021-03',
      'tozo_outreach',
    );
    // Wijchen's 11 in March is shown although five municipalities had none that month.
    expect(value(march, 'Wijchen')).to.include(shown(wijchen.published));
    expect(value(march, 'Wijchen')!.suppressed).to.equal(false);
    expect(value(march, 'Regio')!.value).to.equal(await regionOf('2021-03', '2021-03'));
    // A quarter is exactly the sum of its months, so subtracting months from it gives only
    // other published (perturbed) months, never a true count.
    const months = await Promise.all(
      ['2021-04', '2021-05', '2021-06'].map((m) => figures('nijmegen-analyst', m, m)),
    );
    const quarter = await figures('nijmegen-analyst', '2021-04', '2021-06');
    const sumOfMonths = months.reduce(
      (sum, f) =>
        sum +
        f.rows
          .filter(
            (r) =>
              r.municipalityName === 'Regio' &&
              r.measure === 'registered' &&
              r.dimension === 'tozo_outreach',
          )
          .reduce((x, r) => x + (r.value ?? 0), 0),
      0,
    );
    expect(value(quarter, 'Regio')!.value).to.equal(await regionOf('2021-04', '2021-06'));
    expect(sumOfMonths).to.be.at.most(value(quarter, 'Regio')!.value!);
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
    expect(value(f, 'Regio')!.value).to.equal(await regionOf('2021-01', '2021-12'));
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

  it('keeps every published cell within the noise of its months, parts adding up to totals, for random data and periods', async () => {
    const codes = ['GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.constantFrom(...codes), fc.nat({ max: 9 }), fc.integer({ min: 7, max: 9 })),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 12 }),
        async (batches, toMonth) => {
          for (const [code, n, month] of batches)
            await cases(t.db.admin, code, n, `2022-0${month}`, 'other');
          await refreshRegionalFigures(t.db.dataSource);
          const to = `2022-${String(toMonth).padStart(2, '0')}`;
          const f = await figures('nijmegen-analyst', '2022-01', to);
          let total = 0;
          for (const code of REGION) {
            const expected = await protectedRegistrations(t.db.admin, code, '2022-01', to, 'other');
            const r = value(f, NAMES[code]!, 'registered', 'other');
            if (expected.truth === 0) expect(r?.value ?? null).to.equal(null);
            else expect(r, code).to.include(shown(expected.published));
            if (r && !r.suppressed) expect(r.value!).to.be.at.least(5);
            // At most 2 per month (three months with records at most).
            expect(Math.abs(expected.published - expected.truth)).to.be.at.most(6);
            total += expected.published;
          }
          const region = value(f, 'Regio', 'registered', 'other');
          if (total > 0) expect(region).to.include(shown(total));
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
    // Plan against realisation from the municipality's own expectations (its budget's
    // assumptions: the defaults 20 % and 40 here), not values written into the code.
    expect(lines).to.include(
      'Plan tegenover realisatie 2021;Aanmeldingen via de campagne;4 (verwacht 40)',
    );
    expect(lines).to.include(
      'Plan tegenover realisatie 2021;Respons (per ondernemer);nog niemand benaderd (verwacht 20%)',
    );
    // A manager's report of the own municipality has its budget section.
    expect(
      lines.some((l) => l.startsWith('Kosten en dekking 2021;Gerealiseerd van gepland;')),
    ).to.equal(true);
    // The region's report hides what is small; another municipality is not the manager's.
    const region = await manager.get(
      '/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=regio',
    );
    // The region's report: the campaign's 4 registrations in one month, perturbed.
    const campaign = await regionOf('2021-01', '2021-12', 'regional_campaign');
    expect(region.text).to.contain(`Regionale campagne;${campaign < 5 ? 'verborgen' : campaign}`);
    expect(region.text).to.contain(
      `Aanmeldingen naar herkomst;Aangemeld;${await regionOf('2021-01', '2021-12', '*')}`,
    );
    expect(
      (await manager.get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0268'))
        .status,
    ).to.equal(404);
    const analyst = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0268');
    expect(analyst.status).to.equal(200);
    const nijmegen = await protectedRegistrations(t.db.admin, 'GM0268', '2021-01', '2021-12');
    expect(analyst.text).to.contain(`Aanmeldingen naar herkomst;Aangemeld;${nijmegen.published}`);
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
