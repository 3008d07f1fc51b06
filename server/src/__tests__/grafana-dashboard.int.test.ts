import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { useTestApp } from '../../test/app.ts';
import { eventually } from '../../test/eventually.ts';
import { municipality } from '../../test/factories.ts';
import { ROOT_DIR } from '../config.ts';
import { actors } from '../context/actor.ts';

const TOKEN = 'metrics-token-for-the-test-only';
/** Labels Prometheus adds or histograms carry: not the app's to provide. */
const OUTSIDE_LABELS = new Set(['le', 'instance', 'job']);

interface Panel {
  title: string;
  targets?: { expr: string }[];
  panels?: Panel[];
}
const dashboard = JSON.parse(
  readFileSync(path.join(ROOT_DIR, 'infra/grafana/herorientatie-dashboard.json'), 'utf8'),
) as { panels: Panel[]; templating: { list: { query?: string | { query: string } }[] } };

const queries = [
  ...dashboard.panels
    .flatMap((p) => [p, ...(p.panels ?? [])])
    .flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr }))),
  ...dashboard.templating.list
    .map((v) => (typeof v.query === 'object' ? v.query.query : v.query))
    .filter((q): q is string => typeof q === 'string' && q.includes('herorientatie_'))
    .map((expr) => ({ where: 'variable', expr })),
];

describe('the Grafana dashboard reads what /metrics serves', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker'],
    env: { METRICS_TOKEN: TOKEN, JOB_POLL_SECONDS: '0.5' },
  });
  const scrape = async () =>
    (
      await fetch(`${t.app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
  let text: string;
  /** Series name → the label names its series carry. */
  const series = new Map<string, Set<string>>();

  before(async () => {
    // A request and a job, so the histograms and counters have series.
    await t.agent('wijchen-caseworker').get('/api/v1/cases');
    const wijchen = await municipality(t.db.admin, 'GM0296');
    await t.app.uow.run(actors.system(wijchen, 'test'), () =>
      t.app.mail.enqueue(
        { purpose: 'test', to: 'ondernemer@example.org', subject: 'Meting', text: 'x' },
        { municipalityId: wijchen.id, regionId: wijchen.regionId },
      ),
    );
    await eventually(
      async () => (await scrape()).includes('herorientatie_job_runs_total{'),
      'a job counted',
    );
    text = await scrape();
    for (const line of text.split('\n')) {
      const match = /^([a-z_:][a-z0-9_:]*)(?:\{([^}]*)\})? /.exec(line);
      if (!match) continue;
      const labels = series.get(match[1]!) ?? new Set<string>();
      for (const pair of (match[2] ?? '').split(',').filter(Boolean))
        labels.add(pair.slice(0, pair.indexOf('=')));
      series.set(match[1]!, labels);
    }
  });

  it('has queries for requests, the pool, jobs and the outbox', () => {
    const all = queries.map((q) => q.expr).join('\n');
    for (const name of [
      'herorientatie_http_request_duration_seconds_bucket',
      'herorientatie_db_pool_connections',
      'herorientatie_job_runs_total',
      'herorientatie_job_backlog',
    ])
      expect(all).to.contain(name);
  });

  it('uses only metric names the app exposes', () => {
    for (const { where, expr } of queries) {
      const names = expr.match(/\bherorientatie_[a-z0-9_]+/g) ?? [];
      expect(names.length, where).to.be.greaterThan(0);
      for (const name of names) expect([...series.keys()], `${where}: ${name}`).to.include(name);
    }
  });

  it('groups and filters only by labels those metrics carry', () => {
    for (const { where, expr } of queries) {
      const names = expr.match(/\bherorientatie_[a-z0-9_]+/g) ?? [];
      const carried = new Set(names.flatMap((n) => [...(series.get(n) ?? [])]));
      const used = [
        ...[...expr.matchAll(/\bby \(([^)]*)\)/g)].flatMap((m) => m[1]!.split(',')),
        ...[...expr.matchAll(/\{([^}]*)\}/g)].flatMap((m) =>
          m[1]!.split(',').map((p) => p.split(/[=!~]/)[0]!),
        ),
      ]
        .map((l) => l.trim())
        .filter((l) => l && !OUTSIDE_LABELS.has(l));
      for (const label of used) expect([...carried], `${where}: ${label}`).to.include(label);
    }
  });
});
