import { expect } from 'chai';
import { useTestApp } from '../../../test/app.ts';
import { eventually } from '../../../test/eventually.ts';
import { municipality } from '../../../test/factories.ts';
import { actors } from '../../context/actor.ts';

const TOKEN = 'metrics-token-for-the-test-only';

describe('metrics for the monitoring system', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker'],
    env: { METRICS_TOKEN: TOKEN, JOB_POLL_SECONDS: '0.5' },
  });
  const scrape = async (token?: string) =>
    fetch(`${t.app.baseUrl}/metrics`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('is closed to the public: no token or a wrong one gets 401', async () => {
    expect((await scrape()).status).to.equal(401);
    expect((await scrape('wrong-token-of-the-same-size!!')).status).to.equal(401);
    expect((await scrape(`${TOKEN}x`)).status).to.equal(401);
  });

  it('times requests by route pattern and status, never by concrete URL', async () => {
    await t.agent('wijchen-caseworker').get('/api/v1/cases');
    await t.agent('wijchen-caseworker').get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    const text = await (await scrape(TOKEN)).text();
    expect(text).to.match(
      /herorientatie_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases",status="200"\} [1-9]/,
    );
    expect(text).to.match(/route="\/api\/v1\/cases\/:id",status="404"\} [1-9]/);
    expect(text).to.not.contain('00000000-0000-4000-8000-000000000000');
    expect(text).to.match(/herorientatie_db_pool_connections\{state="total"\} \d+/);
    expect(text).to.match(/herorientatie_db_pool_connections\{state="waiting"\} 0/);
    expect(text).to.contain('herorientatie_process_cpu_seconds_total');
  });

  it('counts job runs and shows the mail backlog', async () => {
    const wijchen = await municipality(t.db.admin, 'GM0296');
    await t.app.uow.run(actors.system(wijchen, 'test'), () =>
      t.app.mail.enqueue(
        { purpose: 'test', to: 'ondernemer@example.org', subject: 'Meting', text: 'x' },
        { municipalityId: wijchen.id, regionId: wijchen.regionId },
      ),
    );
    await eventually(async () => {
      const text = await (await scrape(TOKEN)).text();
      return /herorientatie_job_runs_total\{queue="mail-send",outcome="ok"\} 1/.test(text);
    }, 'the sent mail counted');
    const text = await (await scrape(TOKEN)).text();
    expect(text).to.contain('# TYPE herorientatie_job_backlog gauge');
    expect(text).to.match(/herorientatie_job_duration_seconds_count\{queue="mail-send"\} 1/);
  });
});

describe('metrics without a configured token', () => {
  const t = useTestApp();
  it('do not exist', async () => {
    const r = await fetch(`${t.app.baseUrl}/metrics`, {
      headers: { authorization: 'Bearer ' },
    });
    expect(r.status).to.equal(404);
  });
});
