import {
  formatEuro,
  rateOf,
  type RegionalCosts,
  type RegionalFigures,
} from '@herorientatie/domain';
import { expect } from 'chai';
import type { Pool } from 'pg';
import { useTestApp } from '../../../../test/app.ts';
import { createUser, municipality } from '../../../../test/factories.ts';
import { actors } from '../../../context/actor.ts';
import { currentManager } from '../../../db/unit-of-work.ts';
import { refreshRegionalFigures } from '../regional.repository.ts';
import { perturb, protectedOf, shownAs } from '../../../../test/cell-key.ts';
import { pdfPages } from '../../../../test/pdf-text.ts';
import { hasPdftoppm, pdfToPngs } from '../../../../test/pdf-png.ts';

/** A case in a municipality (as superuser, for arranging); returns its id. */
async function newCase(admin: Pool, municipalityId: string): Promise<string> {
  const r = await admin.query(
    `with e as (insert into entrepreneur (municipality_id, name, business_name, legal_form)
                values ($1, 'Persoon R', 'Zaak R', 'bv') returning municipality_id, id)
     insert into case_file (municipality_id, reference, entrepreneur_id, source, urgency, other_support, registered_at)
     select e.municipality_id, 'HO-R-' || gen_random_uuid(), e.id, 'other', 'normal', 'none', '2021-02-15' from e
     returning id`,
    [municipalityId],
  );
  return r.rows[0].id;
}

const users = new Map<string, string>();
async function userOf(admin: Pool, municipalityId: string): Promise<string> {
  if (!users.has(municipalityId))
    users.set(municipalityId, (await createUser(admin, municipalityId)).id);
  return users.get(municipalityId)!;
}

/**
 * Referrals sent on 2021-03-10 from a municipality to a partner: one per entry of
 * `outcomes`, a number of days until it started, `'no_show'` when it was not realised, or
 * null when it is still waiting. With `route`, each belongs to a route of that type.
 */
async function referrals(
  admin: Pool,
  code: string,
  partner: string,
  outcomes: (number | 'no_show' | null)[],
  route?: string,
) {
  const m = await municipality(admin, code);
  const by = await userOf(admin, m.id);
  for (const outcome of outcomes) {
    const caseId = await newCase(admin, m.id);
    const routeId = route
      ? (
          await admin.query(
            `insert into case_route (municipality_id, case_id, type, start_date) values ($1, $2, $3, '2021-03-01') returning id`,
            [m.id, caseId, route],
          )
        ).rows[0].id
      : null;
    const status = outcome === null ? 'sent' : outcome === 'no_show' ? 'not_realised' : 'started';
    const ref = await admin.query(
      `insert into referral (municipality_id, case_id, route_id, partner_id, mode, status, municipality_name,
         follow_up_on, not_realised_reason, sent_at, last_change_at, created_by)
       select $1, $2, $3, p.id, 'self', $5, $6, '2021-03-24', $7, '2021-03-10 10:00+01', '2021-03-20 10:00+01', $8
         from partner_organisation p where p.code = $4 returning id`,
      [
        m.id,
        caseId,
        routeId,
        partner,
        status,
        m.name,
        outcome === 'no_show' ? 'no_show' : null,
        by,
      ],
    );
    const events: [string, number][] = [['sent', 0]];
    if (typeof outcome === 'number') events.push(['received', 0], ['started', outcome]);
    for (const [s, days] of events) {
      await admin.query(
        `insert into referral_event (municipality_id, referral_id, status, at, by_name)
         values ($1, $2, $3, '2021-03-10 10:00+01'::timestamptz + make_interval(days => $4), 'Test')`,
        [m.id, ref.rows[0].id, s, days],
      );
    }
  }
}

/** `n` cost lines for a service in March 2021 at a price, and `credits` of them credited. */
async function costs(
  admin: Pool,
  code: string,
  service: string,
  n: number,
  priceCents: number,
  credits = 0,
) {
  const m = await municipality(admin, code);
  const by = await userOf(admin, m.id);
  for (let i = 0; i < n; i++) {
    const caseId = await newCase(admin, m.id);
    const charge = await admin.query(
      `insert into cost_line (municipality_id, case_id, service_type, provider, amount_cents, kind, event_key, occurred_on)
       values ($1, $2, $3, 'Aanbieder', $4, 'charge', $5, '2021-03-12') returning id`,
      [m.id, caseId, service, priceCents, `${service}:${caseId}`],
    );
    if (i < credits) {
      await admin.query(
        `insert into cost_line (municipality_id, case_id, service_type, provider, amount_cents, kind, occurred_on,
           reason, credits_line_id, created_by)
         values ($1, $2, $3, 'Aanbieder', $4, 'credit', '2021-03-12', 'Dubbel', $5, $6)`,
        [m.id, caseId, service, -priceCents, charge.rows[0].id, by],
      );
    }
  }
}

async function budget(admin: Pool, code: string, planned: Record<string, number>) {
  const m = await municipality(admin, code);
  await admin.query(
    `insert into budget (municipality_id, year, planned, updated_by) values ($1, 2021, $2, $3)`,
    [m.id, JSON.stringify(planned), await userOf(admin, m.id)],
  );
}

/** The 2021 plan of Wijchen (council proposal): € 88,400 of which € 83,400 for services. */
const PLAN = {
  intake: 1_800_000,
  perspective_analysis: 4_860_000,
  coaching: 1_680_000,
  local_communication: 500_000,
};

describe('regional referral and cost figures', () => {
  const t = useTestApp({
    logins: [
      'nijmegen-analyst',
      'wijchen-manager',
      'wijchen-caseworker',
      'wijchen-advisor',
      'nijmegen-admin',
      'heumen-coordinator',
    ],
  });
  const get = async <T>(who: string, path: string) => {
    const r = await t.agent(who).get(`/api/v1/regional/${path}`);
    expect(r.status, r.text).to.equal(200);
    return r.json<T>();
  };
  const figures = (who: string) => get<RegionalFigures>(who, 'figures?from=2021-01&to=2021-12');
  const regionalCosts = (who: string, from = '2021-01', to = '2021-12') =>
    get<RegionalCosts>(who, `costs?from=${from}&to=${to}`);
  const cell = (f: RegionalFigures, name: string, measure: string, dimension: string) => {
    const row = f.rows.find(
      (r) => r.municipalityName === name && r.measure === measure && r.dimension === dimension,
    );
    return row ? { value: row.value, suppressed: row.suppressed } : { value: 0, suppressed: false };
  };

  before(async () => {
    const admin = t.db.admin;
    // Hand-computed fixture. Leerwerkloket, sent 2021-03-10, without a route:
    // Nijmegen 20 sent, 15 started after these days (median 10), 5 no-shows;
    await referrals(admin, 'GM0268', 'leerwerkloket', [
      2,
      4,
      4,
      5,
      7,
      8,
      9,
      10,
      12,
      14,
      14,
      15,
      20,
      21,
      30,
      ...Array(5).fill('no_show'),
    ]);
    // Wijchen 10 sent, 6 started (median 5), 4 waiting;
    await referrals(admin, 'GM0296', 'leerwerkloket', [3, 3, 5, 8, 9, 11, null, null, null, null]);
    // Heumen 3 sent, 1 started; Druten 6 sent, 2 started.
    await referrals(admin, 'GM0252', 'leerwerkloket', [40, null, null]);
    await referrals(admin, 'GM0225', 'leerwerkloket', [1, 1, null, null, null, null]);
    // Debt restructuring in route 2, none started yet: Mook en Middelaar has only 2.
    for (const [code, n] of [
      ['GM0268', 12],
      ['GM0296', 8],
      ['GM1945', 7],
      ['GM0209', 6],
      ['GM0225', 9],
      ['GM0252', 5],
      ['GM0944', 2],
    ] as const)
      await referrals(admin, code, 'schuldhulp', Array(n).fill(null), 'solve_finances');

    // Intakes at € 150 (Beuningen € 180); Wijchen has 9, one of them credited.
    await costs(admin, 'GM0268', 'intake', 20, 15_000);
    await costs(admin, 'GM0296', 'intake', 9, 15_000, 1);
    await costs(admin, 'GM0252', 'intake', 2, 15_000);
    await costs(admin, 'GM0209', 'intake', 6, 18_000);
    // Analyses only in Nijmegen.
    await costs(admin, 'GM0268', 'perspective_analysis', 10, 40_500);
    await budget(admin, 'GM0268', PLAN);
    await budget(admin, 'GM0296', PLAN);
    await refreshRegionalFigures(t.db.dataSource);
  });

  const CODES = ['GM0268', 'GM0296', 'GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'];
  /** Published referrals of a municipality to a partner, sent (or of those: started). */
  const referralsOf = (code: string, partner: string, startedOnly = false) =>
    protectedOf(
      t.db.admin,
      `select r.id, to_char(r.sent_at at time zone 'UTC', 'YYYY-MM') as cell
         from referral r join municipality m on m.id = r.municipality_id
         join partner_organisation p on p.id = r.partner_id
        where m.code = $1 and p.code = $2 and r.sent_at is not null
          and (not $3 or exists (select 1 from referral_event e where e.referral_id = r.id and e.status = 'started'))`,
      [code, partner, startedOnly],
    );
  const regionOf = async (partner: string, startedOnly = false) => {
    let sum = 0;
    for (const code of CODES) sum += (await referralsOf(code, partner, startedOnly)).published;
    return sum;
  };

  it('gives the realisation rate per partner and per route from protected counts', async () => {
    const f = await figures('nijmegen-analyst');
    const sent = (name: string) => cell(f, name, 'referral_sent_partner', 'leerwerkloket');
    const started = (name: string) => cell(f, name, 'referral_realised_partner', 'leerwerkloket');
    for (const [code, name] of [
      ['GM0268', 'Nijmegen'],
      ['GM0296', 'Wijchen'],
      ['GM0252', 'Heumen'],
      ['GM0225', 'Druten'],
    ] as const) {
      expect(sent(name), name).to.deep.equal(
        shownAs((await referralsOf(code, 'leerwerkloket')).published),
      );
      expect(started(name), name).to.deep.equal(
        shownAs((await referralsOf(code, 'leerwerkloket', true)).published),
      );
    }
    // Nijmegen: 20 sent, 15 started, each within 2 of the truth, so the rate is near 75 %.
    expect(rateOf(started('Nijmegen'), sent('Nijmegen'), f.threshold)).to.be.within(59, 94);
    // Heumen's one started referral is never shown.
    expect(started('Heumen').suppressed).to.equal(true);
    // The region is the sum of the same cells.
    expect(sent('Regio')).to.deep.equal(shownAs(await regionOf('leerwerkloket')));
    expect(started('Regio')).to.deep.equal(shownAs(await regionOf('leerwerkloket', true)));
    // Per route: route 2 has 49 referrals across the region, none started.
    expect(cell(f, 'Regio', 'referral_sent_route', 'solve_finances').value).to.equal(
      await regionOf('schuldhulp'),
    );
    expect(cell(f, 'Mook en Middelaar', 'referral_sent_route', 'solve_finances')).to.deep.equal({
      value: null,
      suppressed: true,
    });
    expect(f.partners.map((p) => p.code)).to.include('leerwerkloket');
    expect(JSON.stringify(f)).to.not.match(/Persoon|Zaak|HO-R-/);
  });

  it('gives a manager the same region as everybody, never the region minus the own count', async () => {
    // Bbz requests: Wijchen 10, Heumen 3. A Wijchen manager knows the 10; the region is the
    // sum of every municipality's perturbed cell, the same for every caller, so the region
    // minus 10 is Heumen's 3 plus the noise of both cells.
    const wijchen = await municipality(t.db.admin, 'GM0296');
    const heumen = await municipality(t.db.admin, 'GM0252');
    for (const [m, n] of [
      [wijchen, 10],
      [heumen, 3],
    ] as const) {
      const by = await userOf(t.db.admin, m.id);
      for (let i = 0; i < n; i++)
        await t.db.admin.query(
          `insert into bbz_request (municipality_id, case_id, kind, requested_on, created_by)
           values ($1, $2, 'income_support', '2021-04-01', $3)`,
          [m.id, await newCase(t.db.admin, m.id), by],
        );
    }
    await refreshRegionalFigures(t.db.dataSource);
    const bbz = (code: string) =>
      protectedOf(
        t.db.admin,
        `select b.id, to_char(b.requested_on, 'YYYY-MM') as cell from bbz_request b
           join municipality m on m.id = b.municipality_id where m.code = $1`,
        [code],
      );
    const f = await figures('wijchen-manager');
    expect(cell(f, 'Wijchen', 'bbz_request', 'income_support')).to.deep.equal({
      value: 10,
      suppressed: false,
    });
    const region = (await bbz('GM0296')).published + (await bbz('GM0252')).published;
    expect(cell(f, 'Regio', 'bbz_request', 'income_support')).to.deep.equal(shownAs(region));
    const a = await figures('nijmegen-analyst');
    expect(cell(a, 'Regio', 'bbz_request', 'income_support')).to.deep.equal(
      cell(f, 'Regio', 'bbz_request', 'income_support'),
    );
    expect(cell(a, 'Heumen', 'bbz_request', 'income_support')).to.deep.equal(
      shownAs((await bbz('GM0252')).published),
    );
  });

  it('gives the median days from sent to started only over at least the threshold', async () => {
    const f = await figures('nijmegen-analyst');
    const days = (name: string) =>
      f.referralDurations.find((d) => d.municipalityName === name)!.days;
    expect(days('Nijmegen')).to.equal(10);
    expect(days('Wijchen')).to.equal(5);
    expect(days('Druten')).to.equal(null); // 2 started
    expect(days('Heumen')).to.equal(null); // 1 started
    expect(days('Regio')).to.equal(8); // 24 started
    // A manager sees the own municipality and the region.
    const m = await figures('wijchen-manager');
    expect(m.referralDurations.map((d) => d.municipalityName).sort()).to.deep.equal([
      'Regio',
      'Wijchen',
    ]);
  });

  /** Published net services of a municipality (charges not credited). */
  const servicesOf = (code: string, service: string) =>
    protectedOf(
      t.db.admin,
      `select l.id, to_char(l.occurred_on, 'YYYY-MM') as cell from cost_line l
         join municipality m on m.id = l.municipality_id
        where m.code = $1 and l.service_type = $2 and l.kind = 'charge'
          and not exists (select 1 from cost_line c where c.credits_line_id = l.id)`,
      [code, service],
    );

  it('derives the money of other municipalities from protected counts, never from their amounts', async () => {
    const c = await regionalCosts('nijmegen-analyst');
    const of = (name: string, service = 'intake') =>
      c.costs.find((x) => x.municipalityName === name && x.serviceType === service)!;
    // Without a contract, a month's price counts in steps of € 50: € 150 stays, € 180 is € 200.
    const price: Record<string, number> = {
      GM0268: 15_000,
      GM0296: 15_000,
      GM0252: 15_000,
      GM0209: 20_000,
    };
    let clients = 0;
    let amount = 0;
    for (const [code, name] of [
      ['GM0268', 'Nijmegen'],
      ['GM0296', 'Wijchen'],
      ['GM0252', 'Heumen'],
      ['GM0209', 'Beuningen'],
    ] as const) {
      const { published } = await servicesOf(code, 'intake');
      clients += published;
      amount += published * price[code]!;
      expect(of(name), name).to.include(
        published < 5
          ? { clients: null, perClientCents: null, suppressed: true }
          : { clients: published, perClientCents: price[code], suppressed: false, exact: false },
      );
    }
    // Heumen's 2 intakes are never shown; Beuningen's price is a band, not € 180.
    expect(of('Heumen').suppressed).to.equal(true);
    expect(of('Regio')).to.include({
      clients,
      perClientCents: Math.round(amount / clients / 100) * 100,
    });

    // Realised against budget 2021: others derived from the same protected counts × price,
    // in whole thousands; planned amounts as the council decided them.
    expect(c.year).to.equal(2021);
    const b = (name: string) => c.budget.find((x) => x.municipalityName === name)!;
    const nijmegen =
      (await servicesOf('GM0268', 'intake')).published * 15_000 +
      (await servicesOf('GM0268', 'perspective_analysis')).published * 40_000;
    expect(b('Nijmegen')).to.include({
      plannedCents: 8_340_000,
      realisedCents: Math.round(nijmegen / 100_000) * 100_000,
      suppressed: false,
    });
    expect(b('Heumen')).to.include({ plannedCents: null, suppressed: true });
    expect(b('Regio')!.plannedCents).to.equal(16_680_000);
  });

  it('never lets the realised amount give away a count of one service', async () => {
    // 2022: every municipality 25 intakes at € 300; Wijchen 20 intakes and 2 coachings at
    // € 2,000 (cells written with cell key 0: the table gives −2 for counts of 2 and more).
    const region = ['GM0268', 'GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'];
    for (const code of region) {
      const m = await municipality(t.db.admin, code);
      await t.db.admin.query(
        `insert into figures.monthly_cost (municipality_id, month, service_type, services, amount_cents)
         values ($1, '2022-05-01', 'intake', 25, 750000)`,
        [m.id],
      );
    }
    const w = await municipality(t.db.admin, 'GM0296');
    await t.db.admin.query(
      `insert into figures.monthly_cost (municipality_id, month, service_type, services, amount_cents)
       values ($1, '2022-05-01', 'intake', 20, 600000), ($1, '2022-05-01', 'coaching', 2, 400000)`,
      [w.id],
    );
    const c = await regionalCosts('nijmegen-analyst', '2022-01', '2022-12');
    const coaching = c.costs.filter((x) => x.serviceType === 'coaching');
    expect(coaching.find((x) => x.municipalityName === 'Wijchen')).to.include({ suppressed: true });
    // Wijchen: perturbed 18 intakes × € 300 and 0 coachings: € 5,400, shown as € 5,000;
    // the true € 10,000 minus the intakes would have given the two coachings.
    const wijchen = perturb(20, 0) * 30_000 + perturb(2, 0) * 200_000;
    expect(c.budget.find((x) => x.municipalityName === 'Wijchen')).to.include({
      realisedCents: Math.round(wijchen / 100_000) * 100_000,
    });
    expect(c.budget.find((x) => x.municipalityName === 'Druten')).to.include({
      realisedCents: Math.round((perturb(25, 0) * 30_000) / 100_000) * 100_000,
      suppressed: false,
    });
    expect(c.budget.find((x) => x.municipalityName === 'Regio')).to.include({
      realisedCents: Math.round((6 * perturb(25, 0) * 30_000 + wijchen) / 100_000) * 100_000,
    });
  });

  it('gives a manager the own costs exactly and the rest only as the region', async () => {
    const c = await regionalCosts('wijchen-manager');
    expect([...new Set(c.costs.map((x) => x.municipalityName))].sort()).to.deep.equal([
      'Regio',
      'Wijchen',
    ]);
    expect(c.costs.find((x) => x.municipalityName === 'Wijchen')).to.include({
      clients: 8,
      perClientCents: 15_000,
      exact: true,
    });
    expect(c.budget.map((x) => x.municipalityName).sort()).to.deep.equal(['Regio', 'Wijchen']);
    expect(c.budget.find((x) => x.municipalityName === 'Wijchen')).to.include({
      realisedCents: 120_000,
      plannedCents: 8_340_000,
      exact: true,
    });
    // Over two years there is no budget comparison.
    const two = await regionalCosts('wijchen-manager', '2021-06', '2022-05');
    expect(two.year).to.equal(null);
    expect(two.budget).to.deep.equal([]);
  });

  it('is refused to roles without region figures and checks its input in Dutch', async () => {
    for (const who of ['wijchen-caseworker', 'wijchen-advisor', 'nijmegen-admin']) {
      for (const path of ['costs?from=2021-01&to=2021-12', 'figures?from=2021-01&to=2021-12']) {
        const r = await t.agent(who).get(`/api/v1/regional/${path}`);
        expect(r.status, `${who} ${path}`).to.equal(403);
      }
    }
    const bad = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/costs?from=2021-05&to=2021-01');
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('De laatste maand ligt voor de eerste.');
    // The coordinator of another municipality sees the same suppressed figures, never rows.
    const c = await regionalCosts('heumen-coordinator');
    expect(c.costs.find((x) => x.municipalityName === 'Heumen')!.suppressed).to.equal(true);
    expect(JSON.stringify(c)).to.not.match(/Persoon|Zaak|HO-R-|Aanbieder/);
  });

  it('puts referrals and the regional costs in the evaluation report, as the API shows them', async () => {
    const analyst = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0268');
    expect(analyst.status, analyst.text).to.equal(200);
    const lines = analyst.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).to.include(
      'Verwijzingen, TONK en Bbz;Mediaan dagen van verstuurd tot gestart;10 dagen',
    );
    const c = await regionalCosts('nijmegen-analyst');
    const intake = (name: string) =>
      c.costs.find((x) => x.municipalityName === name && x.serviceType === 'intake')!;
    const regionPrice = formatEuro(intake('Regio').perClientCents!);
    expect(lines).to.include(
      `Kosten in de regio 2021;Intake;${formatEuro(intake('Nijmegen').perClientCents!)} (${regionPrice})`,
    );
    // Another municipality's hidden cost stays hidden in the report.
    const heumen = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0252');
    expect(heumen.text).to.contain(`Kosten in de regio 2021;Intake;verborgen (${regionPrice})`);
    // The region's report puts each municipality with a budget beside what it expected
    // (their budgets' assumptions: the defaults here), never a municipality without one.
    const region = await t
      .agent('nijmegen-analyst')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=regio');
    expect(region.text).to.match(
      /Plan tegenover realisatie 2021;Wijchen: aanmeldingen via de campagne;(verborgen \(minder dan 5\)|\d+) \(verwacht 40\)/,
    );
    expect(region.text).to.contain(
      'Plan tegenover realisatie 2021;Nijmegen: respons (per ondernemer);',
    );
    expect(region.text).not.to.contain('Heumen: respons');
    // The manager's own report keeps its own budget section, with the own exact price.
    const own = await t
      .agent('wijchen-manager')
      .get('/api/v1/regional/evaluation.csv?from=2021-01&to=2021-12&scope=GM0296');
    expect(own.text).to.contain('Kosten en dekking 2021;');
    expect(own.text).to.contain(`Kosten in de regio 2021;Intake;€ 150,00 (${regionPrice})`);
  });

  it('lays out the evaluation report: a summary, every label beside its value, page numbers, no page with a single line', async function () {
    const path = '/api/v1/regional/evaluation';
    const query = '?from=2021-01&to=2021-12&scope=regio';
    const agent = t.agent('nijmegen-analyst');
    const csv = await agent.get(`${path}.csv${query}`);
    const response = await fetch(`${t.app.baseUrl}${path}.pdf${query}`, {
      headers: { cookie: await agent.jar.getCookieString(t.app.baseUrl) },
    });
    expect(response.status).to.equal(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const pages = await pdfPages(bytes);
    const flat = pages.map((p) => p.replace(/\s+/g, ' '));
    expect(flat[0]).to.contain('Samenvatting');
    expect(flat[0]).to.match(/meldden zich aan/);
    // Page numbers on every page.
    flat.forEach((p, i) =>
      expect(p, `page ${i + 1}`).to.contain(`Pagina ${i + 1} van ${pages.length}`),
    );
    // No page holds a single line besides its footer.
    for (const [i, p] of pages.entries()) {
      const lines = p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.includes('Pagina'));
      expect(lines.length, `page ${i + 1}: ${lines.join(' | ')}`).to.be.greaterThan(1);
    }
    // Every label of the report stands on the same page as its value.
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'))
      .filter(([section]) => section !== 'Samenvatting');
    expect(rows.length).to.be.greaterThan(10);
    for (const [, label, value] of rows) {
      const withLabel = flat.filter((p) => p.includes(label!.trim()));
      if (withLabel.length === 0) continue; // a label the PDF words differently
      expect(
        withLabel.some((p) => p.includes(value!.trim())),
        `${label} → ${value}`,
      ).to.equal(true);
    }
    if (!hasPdftoppm()) {
      console.warn('report pages not rendered to PNG: pdftoppm (Debian poppler-utils) is missing');
      return;
    }
    const pngs = await pdfToPngs(bytes);
    expect(pngs.length).to.equal(pages.length);
    for (const size of pngs) expect(size).to.be.greaterThan(5_000);
  });

  it('keeps the rows behind these figures out of reach of the application role', async () => {
    const wijchen = await municipality(t.db.admin, 'GM0296');
    const as = (roles: ('analyst' | 'caseworker')[]) =>
      actors.user({
        id: users.get(wijchen.id)!,
        subject: 'x',
        name: 'x',
        email: null,
        municipalityId: wijchen.id,
        municipalityCode: wijchen.code,
        regionId: wijchen.regionId,
        isCentre: false,
        roles,
      });
    const run = (roles: ('analyst' | 'caseworker')[], sql: string, params: unknown[] = []) =>
      t.app.uow.run(as(roles), () => currentManager().query(sql, params));
    const failure = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    // The rollups are the aggregate role's: the application cannot read them at all.
    expect(await failure(() => run(['analyst'], 'select * from figures.monthly_cost'))).to.match(
      /permission denied/,
    );
    // The base rows: only the own municipality's, whatever the query asks.
    for (const table of ['cost_line', 'referral', 'referral_event', 'budget']) {
      const seen = await run(['analyst'], `select distinct municipality_id from ${table}`);
      expect(
        seen.map((r: { municipality_id: string }) => r.municipality_id),
        table,
      ).to.deep.equal([wijchen.id]);
    }
    // The functions refuse roles without region figures and thresholds under 3.
    for (const sql of [
      `select * from figures.region_costs('2021-01-01', '2021-12-31', 5, true)`,
      `select * from figures.region_budget(2021, 5, true)`,
      `select * from figures.region_referral_durations('2021-01-01', '2021-12-31', 5, true)`,
    ]) {
      expect(await failure(() => run(['caseworker'], sql))).to.match(/may not see region figures/);
      expect(await failure(() => run(['analyst'], sql.replace(', 5,', ', 1,')))).to.match(
        /threshold/,
      );
    }
  });
});
