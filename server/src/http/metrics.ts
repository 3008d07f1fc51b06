import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { JOB_SCHEMA, QUEUES } from '../jobs/queues.ts';

/**
 * Prometheus metrics of one app instance. Each instance has its own registry, so two
 * instances in one process (as in tests) do not share or double-register series.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'herorientatie_http_request_duration_seconds',
    help: 'Duration of HTTP requests by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: 'herorientatie_job_runs_total',
    help: 'Jobs handled by this instance, by queue and outcome (ok or failed).',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'herorientatie_job_duration_seconds',
    help: 'Duration of handled jobs by queue.',
    labelNames: ['queue'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'herorientatie_' });
    const pool = () => (dataSource.driver as unknown as { master?: Pool }).master ?? null;
    new Gauge({
      name: 'herorientatie_db_pool_connections',
      help: 'Connections of the database pool: total, idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
    new Gauge({
      name: 'herorientatie_job_backlog',
      help: 'Jobs waiting or running per queue (mail-send is the mail outbox backlog).',
      labelNames: ['queue'] as const,
      registers: [this.registry],
      async collect() {
        const rows: { name: string; n: number }[] = await dataSource.query(
          `select name, count(*)::int as n from ${JOB_SCHEMA}.job
            where state in ('created', 'retry', 'active') group by name`,
        );
        this.reset();
        // Every queue has a series, 0 when empty: a backlog that vanishes would read as
        // "no data" on a dashboard, not as "nothing waiting".
        for (const queue of Object.values(QUEUES)) this.set({ queue }, 0);
        for (const row of rows) this.set({ queue: row.name }, row.n);
      },
    });
  }

  /** Times every request; the route is the matched pattern, never the concrete URL. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.httpDuration.startTimer();
      res.on('finish', () => {
        const route =
          (res.locals.route as string | undefined) ??
          (req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched');
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Counts and times a job handler. */
  track<T>(queue: string, handler: (data: T) => Promise<void>) {
    return async (data: T) => {
      const end = this.jobDuration.startTimer({ queue });
      try {
        await handler(data);
        this.jobRuns.inc({ queue, outcome: 'ok' });
      } catch (err) {
        this.jobRuns.inc({ queue, outcome: 'failed' });
        throw err;
      } finally {
        end();
      }
    };
  }

  /**
   * `GET /metrics` for the monitoring system only: it needs `Authorization: Bearer` with
   * METRICS_TOKEN. Without a configured token the endpoint does not exist.
   */
  router(token: string | undefined) {
    const router = express.Router();
    const expected = token ? createHash('sha256').update(token).digest() : null;
    router.get('/metrics', async (req, res, next) => {
      if (!expected) return next();
      const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401).type('text/plain').send('Niet bevoegd.\n');
        return;
      }
      res.setHeader('Content-Type', this.registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(await this.registry.metrics());
    });
    return router;
  }
}
