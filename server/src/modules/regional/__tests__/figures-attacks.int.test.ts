import type { RegionalCosts, RegionalFigures } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Pool } from 'pg';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { createUser, municipality } from '../../../../test/factories.ts';
import { refreshRegionalFigures } from '../regional.repository.ts';
import { registrations } from '../../../../e2e/regional-setup.ts';
import { DEMO_REGION } from '../../../../test/cell-key.ts';

/**
 * Attacks on the regional figures, against the real server and database. Each attack is
 * the strongest sound version of what an analyst, a manager or the public can do, and
 * counts the small counts (1–4) of other municipalities it recovers exactly, checked
 * against the database. The pass is 0.
 */

const { GM0268: _centre, ...OTHERS } = DEMO_REGION;
type Code = keyof typeof OTHERS;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const NOISE = 2;

/** A small deterministic generator, so the fixture is the same in every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const register = (admin: Pool, code: string, n: number, month: string) =>
  registrations(admin, code, n, month, 'other');

/**
 * Bounds propagation over sums of monthly unknowns: each constraint says that the sum of
 * the months from `from` to `to` lies between `lo` and `hi`. Returns per month the
 * interval the unknown must lie in; a month is recovered when its interval is one point.
 */
function solve(constraints: { from: number; to: number; lo: number; hi: number }[], n: number) {
  const lo = Array<number>(n).fill(0);
  const hi = Array<number>(n).fill(1_000);
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const c of constraints) {
      const sumLo = lo.slice(c.from, c.to + 1).reduce((a, b) => a + b, 0);
      const sumHi = hi.slice(c.from, c.to + 1).reduce((a, b) => a + b, 0);
      for (let i = c.from; i <= c.to; i++) {
        const newLo = Math.max(lo[i]!, c.lo - (sumHi - hi[i]!));
        const newHi = Math.min(hi[i]!, c.hi - (sumLo - lo[i]!));
        if (newLo !== lo[i] || newHi !== hi[i]) {
          lo[i] = newLo;
          hi[i] = newHi;
          changed = true;
        }
      }
    }
  }
  return lo.map((l, i) => ({ lo: l, hi: hi[i]! }));
}

describe('attacks on the regional figures recover no small count of another municipality', function () {
  this.timeout(300_000);
  const t = useTestApp({
    logins: ['nijmegen-analyst', 'wijchen-manager'],
    env: { SIGNUP_RATE_LIMIT: '1000' },
  });
  /** The true registrations per municipality and month, as the database holds them. */
  const truth = new Map<string, number[]>();

  before(async () => {
    const random = seeded(2025);
    await register(t.db.admin, 'GM0268', 40, '2025-03');
    for (const code of Object.keys(OTHERS)) {
      // Mostly small counts, often zero: the cells an attacker wants.
      const counts = MONTHS.map(() => (random() < 0.35 ? 0 : 1 + Math.floor(random() * 6)));
      for (const [i, n] of counts.entries()) await register(t.db.admin, code, n, MONTHS[i]!);
      truth.set(code, counts);
    }
    await refreshRegionalFigures(t.db.dataSource);
  });

  const figures = async (who: string, from: string, to: string) => {
    const r = await t.agent(who).get(`/api/v1/regional/figures?from=${from}&to=${to}`);
    expect(r.status, r.text).to.equal(200);
    return r.json<RegionalFigures>();
  };
  const registered = (f: RegionalFigures, name: string) =>
    f.rows.find(
      (r) => r.municipalityName === name && r.measure === 'registered' && r.dimension === 'other',
    );

  /** Every contiguous month range of the year (78 of them), as an analyst can ask. */
  async function everyRange(who: string) {
    const answers: { from: number; to: number; f: RegionalFigures }[] = [];
    for (let a = 0; a < 12; a++)
      for (let b = a; b < 12; b++)
        answers.push({ from: a, to: b, f: await figures(who, MONTHS[a]!, MONTHS[b]!) });
    return answers;
  }

  /** The small counts a solution pins to one value that is also the truth. */
  function recovered(code: Code, solution: { lo: number; hi: number }[]) {
    const counts = truth.get(code)!;
    return solution.filter(
      (s, i) => s.lo === s.hi && s.lo === counts[i] && counts[i]! >= 1 && counts[i]! <= 4,
    ).length;
  }

  it('passive differencing over all 78 month ranges, solved as interval constraints', async () => {
    const answers = await everyRange('nijmegen-analyst');
    let small = 0;
    let pinned = 0;
    for (const [code, name] of Object.entries(OTHERS) as [Code, string][]) {
      const constraints = answers.map(({ from, to, f }) => {
        const cell = registered(f, name);
        const months = to - from + 1;
        // What the attacker knows: each month cell is at most NOISE off, hidden means under 5.
        return cell && !cell.suppressed
          ? { from, to, lo: cell.value! - NOISE * months, hi: cell.value! + NOISE * months }
          : { from, to, lo: 0, hi: 4 + NOISE * months };
      });
      const solution = solve(constraints, 12);
      pinned += solution.filter((s) => s.lo === s.hi).length;
      small += recovered(code, solution);
    }
    console.log(
      `      differencing: ${answers.length} ranges, ${pinned} months pinned, ${small} small counts recovered`,
    );
    expect(small).to.equal(0);
  });

  it("a manager's region minus the own exact figures, over every range", async () => {
    const answers = await everyRange('wijchen-manager');
    // Strongest case: the attacker is told which one other municipality had registrations
    // in a month (all others zero), so the region minus Wijchen would be that one.
    let small = 0;
    for (const [code, name] of Object.entries(OTHERS) as [Code, string][]) {
      if (code === 'GM0296') continue;
      const constraints = answers.map(({ from, to, f }) => {
        const region = registered(f, 'Regio');
        const own = registered(f, 'Wijchen')!;
        expect(own.exact).to.equal(true);
        expect(f.rows.some((r) => r.municipalityName === name)).to.equal(false);
        const months = to - from + 1;
        // Region = every municipality's perturbed cells; minus the own exact count leaves
        // the others plus the own cells' noise.
        const rest = region && !region.suppressed ? region.value! - own.value! : null;
        const spread = NOISE * months * 7;
        return rest === null
          ? { from, to, lo: 0, hi: 4 + spread }
          : { from, to, lo: rest - spread, hi: rest + spread };
      });
      small += recovered(code, solve(constraints, 12));
    }
    console.log(`      manager subtraction: ${small} small counts recovered`);
    expect(small).to.equal(0);
  });

  it('a tracker of public sign-ups moves no published cell of another municipality', async () => {
    const year = new Date().getFullYear();
    const period = [`${year}-01`, `${year}-12`] as const;
    const before = await figures('nijmegen-analyst', ...period);
    const beforeYear = await figures('nijmegen-analyst', '2025-01', '2025-12');
    const openBefore = await t.agent('nijmegen-analyst').get('/api/v1/regional/open-cases');
    const publicAgent = new Agent(t.app.baseUrl);
    // Five sign-ups in Beuningen, one at a time, each followed by a rebuild and a look.
    let changes = 0;
    for (let i = 0; i < 5; i++) {
      const r = await publicAgent.send('POST', '/api/v1/public/sign-ups', {
        name: `Tracker ${i}`,
        businessName: `Tracker BV ${i}`,
        email: `tracker${i}@example.org`,
        postcode: '6641 AA',
        kvkNumber: String(71_000_000 + i),
        privacyAccepted: true,
      });
      expect(r.status, r.text).to.equal(201);
      await refreshRegionalFigures(t.db.dataSource);
      const after = await figures('nijmegen-analyst', ...period);
      const others = (f: RegionalFigures) =>
        JSON.stringify(f.rows.filter((x) => x.municipalityName !== 'Nijmegen'));
      if (others(after) !== others(before)) changes++;
      const open = await t.agent('nijmegen-analyst').get('/api/v1/regional/open-cases');
      if (open.text !== openBefore.text) changes++;
    }
    expect(JSON.stringify((await figures('nijmegen-analyst', '2025-01', '2025-12')).rows)).to.equal(
      JSON.stringify(beforeYear.rows),
    );
    console.log(`      tracker: 5 sign-ups, ${changes} published cells of others moved`);
    expect(changes).to.equal(0);
  });

  it('the cost per client across a price change gives no count back', async () => {
    // Druten buys intakes: 4 in October at € 150, 3 in November at € 235 (new contract).
    const druten = await municipality(t.db.admin, 'GM0225');
    const by = (await createUser(t.db.admin, druten.id)).id;
    await t.db.admin.query(
      `insert into contract (municipality_id, provider, service_type, price_cents, valid_from, valid_to, created_by)
       values ($1, 'Adviesbureau', 'intake', 15000, '2025-01-01', '2025-10-31', $2),
              ($1, 'Adviesbureau', 'intake', 23500, '2025-11-01', null, $2)`,
      [druten.id, by],
    );
    const caseIds = (
      await t.db.admin.query<{ id: string }>(
        `select id from case_file where municipality_id = $1 limit 7`,
        [druten.id],
      )
    ).rows.map((r) => r.id);
    for (const [i, id] of caseIds.entries()) {
      const october = i < 4;
      await t.db.admin.query(
        `insert into cost_line (municipality_id, case_id, service_type, provider, amount_cents, kind, event_key, occurred_on)
         values ($1, $2, 'intake', 'Adviesbureau', $3, 'charge', $4, $5)`,
        [
          druten.id,
          id,
          october ? 15000 : 23500,
          `intake:${id}`,
          october ? '2025-10-10' : '2025-11-10',
        ],
      );
    }
    await refreshRegionalFigures(t.db.dataSource);
    const costs = async (from: string, to: string) => {
      const r = await t
        .agent('nijmegen-analyst')
        .get(`/api/v1/regional/costs?from=${from}&to=${to}`);
      expect(r.status, r.text).to.equal(200);
      return r
        .json<RegionalCosts>()
        .costs.find((c) => c.municipalityName === 'Druten' && c.serviceType === 'intake');
    };
    const answers = [
      await costs('2025-10', '2025-10'),
      await costs('2025-11', '2025-11'),
      await costs('2025-10', '2025-11'),
      await costs('2025-01', '2025-12'),
    ];
    // Brute force: every pair of true counts and every noise the table allows that gives
    // exactly these answers. The count is recovered if only one October value remains.
    const noises = (x: number) => (x === 0 ? [0] : x === 1 ? [-1, 0, 1] : [-2, -1, 0, 1, 2]);
    const consistent = new Set<number>();
    for (let oct = 0; oct <= 12; oct++)
      for (let nov = 0; nov <= 12; nov++)
        for (const dOct of noises(oct))
          for (const dNov of noises(nov)) {
            const vOct = oct + dOct;
            const vNov = nov + dNov;
            const show = (n: number, amount: number) =>
              n < 5
                ? { clients: null, perClientCents: null }
                : { clients: n, perClientCents: Math.round(amount / n / 100) * 100 };
            const predicted = [
              show(vOct, vOct * 15000),
              show(vNov, vNov * 23500),
              show(vOct + vNov, vOct * 15000 + vNov * 23500),
            ];
            if (
              predicted.every(
                (p, i) =>
                  p.clients === (answers[i]?.clients ?? null) &&
                  p.perClientCents === (answers[i]?.perClientCents ?? null),
              )
            )
              consistent.add(oct);
          }
    expect(consistent.has(4), 'the truth stays possible').to.equal(true);
    const small = consistent.size === 1 ? 1 : 0;
    console.log(
      `      price change: October could be any of ${[...consistent].sort((a, b) => a - b).join(', ')}`,
    );
    expect(small).to.equal(0);
  });
});
