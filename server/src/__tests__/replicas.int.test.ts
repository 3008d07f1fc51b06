import { expect } from 'chai';
import type { CaseDetail } from '@herorientatie/domain';
import { Agent } from '../../test/agent.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { registration } from '../../test/case-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { eventually } from '../../test/eventually.ts';

const TOKEN = 'metrics-token-for-the-test-only';

/**
 * Two app instances on one database, as two replicas behind a load balancer: nothing that
 * must be shared lives in one instance's memory.
 */
describe('two instances on one database', function () {
  this.timeout(120_000);
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const env = {
    LOGIN_RATE_LIMIT: '6',
    SIGNUP_RATE_LIMIT: '3',
    JOB_POLL_SECONDS: '0.5',
    METRICS_TOKEN: TOKEN,
  };
  const onA = () => new Agent(a.baseUrl);

  before(async () => {
    db = await createTestDatabase();
    [a, b] = await Promise.all([startTestApp(db, env), startTestApp(db, env)]);
  });
  after(async () => {
    await a?.stop();
    await b?.stop();
    await db?.drop();
  });

  /** A request to B carrying the session cookie that A set. */
  const onB = async (agent: Agent, method: string, path: string, init: RequestInit = {}) =>
    fetch(`${b.baseUrl}${path}`, {
      ...init,
      method,
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: `hr.sid=${await agent.sessionCookie()}`,
      },
    });

  let caseworker: Agent;

  it('keeps a session made on A valid on B, with its CSRF token', async () => {
    caseworker = onA();
    await caseworker.login('wijchen-caseworker');
    const me = await onB(caseworker, 'GET', '/api/v1/me');
    expect(me.status).to.equal(200);
    const body = (await me.json()) as { roles: string[]; municipality: { code: string } };
    expect(body.roles).to.deep.equal(['caseworker']);
    expect(body.municipality.code).to.equal('GM0296');
    const created = await onB(caseworker, 'POST', '/api/v1/cases', {
      body: JSON.stringify(registration()),
      headers: { 'content-type': 'application/json', 'x-csrf-token': caseworker.csrfToken! },
    });
    expect(created.status).to.equal(201);
  });

  it('replays on B the answer A gave to an Idempotency-Key', async () => {
    const body = registration();
    const first = await caseworker.request('POST', '/api/v1/cases', {
      body,
      headers: { 'x-csrf-token': caseworker.csrfToken!, 'idempotency-key': 'replica-key-1' },
    });
    expect(first.status).to.equal(201);
    const again = await onB(caseworker, 'POST', '/api/v1/cases', {
      body: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': caseworker.csrfToken!,
        'idempotency-key': 'replica-key-1',
      },
    });
    expect(again.status).to.equal(201);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(((await again.json()) as CaseDetail).id).to.equal(first.json<CaseDetail>().id);
  });

  it('counts the public sign-up limit across A and B', async () => {
    const post = (app: TestApp) =>
      fetch(`${app.baseUrl}/api/v1/public/sign-ups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    // Three requests, spread over both: none limited (the empty form is refused as such).
    for (const app of [a, b, a]) expect((await post(app)).status).to.equal(400);
    const limited = await post(b);
    expect(limited.status).to.equal(429);
    expect(((await limited.json()) as { title: string }).title).to.match(/Te veel pogingen/);
    // The table holds a hash per limiter and address, no IP address.
    const keys = await db.admin.query<{ key: string }>('select key from rate_limit');
    expect(keys.rows.map((r) => r.key).join()).not.to.include('127.0.0.1');
  });

  it('counts the login limit across A and B', async () => {
    const login = (app: TestApp) => fetch(`${app.baseUrl}/auth/login`, { redirect: 'manual' });
    /** What is left, from the draft-8 header: `"15-in-15min"; r=3; t=900`. */
    const remaining = (res: Response) =>
      Number(/;\s*r=(\d+)/.exec(res.headers.get('ratelimit') ?? '')?.[1]);
    const seen: number[] = [];
    for (const app of [b, a, b]) {
      const res = await login(app);
      expect(res.status).to.equal(302);
      seen.push(remaining(res));
    }
    // Each request on either instance takes one from the same counter.
    expect(seen).to.deep.equal([seen[0]!, seen[0]! - 1, seen[0]! - 2]);
    for (let left = seen[2]!, app = a; left > 0; left--, app = app === a ? b : a)
      expect((await login(app)).status).to.equal(302);
    expect((await login(a)).status).to.equal(429);
    expect((await login(b)).status).to.equal(429);
  });

  it('runs a scheduled job once per tick, though both instances schedule and work it', async () => {
    const runs = async (app: TestApp) => {
      const res = await fetch(`${app.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const line = (await res.text())
        .split('\n')
        .find((l) => l.startsWith('herorientatie_job_runs_total{queue="figures-refresh"'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const jobs = () =>
      db.admin.query<{ minute: Date; n: number; completed: number }>(
        `select date_trunc('minute', created_on) as minute, count(*)::int as n,
                count(*) filter (where state = 'completed')::int as completed
           from (select created_on, state::text from pgboss.job where name = 'figures-refresh'
                 union all
                 select created_on, state::text from pgboss.archive where name = 'figures-refresh') j
          group by 1 order by 1`,
      );
    try {
      await eventually(
        async () => (await jobs()).rows.some((r) => r.completed > 0),
        'the figures rebuild ran',
        60_000,
      );
    } catch (err) {
      const states = await db.admin.query(
        `select name, state, created_on, started_on, completed_on, output from pgboss.job
          where name in ('figures-refresh', '__pgboss__send-it') order by created_on`,
      );
      throw new Error(`${(err as Error).message}; jobs: ${JSON.stringify(states.rows)}`, {
        cause: err,
      });
    }
    // Longer than both workers' polling: a second copy would have been sent and run by now.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const perMinute = (await jobs()).rows;
    for (const row of perMinute) expect(row.n, `jobs in ${row.minute.toISOString()}`).to.equal(1);
    const completed = perMinute.reduce((sum, r) => sum + r.completed, 0);
    expect((await runs(a)) + (await runs(b))).to.equal(completed);
  });
});
