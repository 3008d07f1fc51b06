import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { currentManager } from '../db/unit-of-work.ts';
import type { Metrics } from '../http/metrics.ts';
import { JOB_SCHEMA } from './queues.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * The PostgreSQL-backed job queue (pg-boss). A job is sent inside the caller's unit of work,
 * so it commits or rolls back with the change that causes it; workers in every app
 * instance fetch jobs with SKIP LOCKED, so each job runs once, and failed jobs are retried
 * with back-off.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    appUrl: string,
    private readonly logger: Logger,
    options: { pollingIntervalSeconds?: number; metrics?: Metrics } = {},
  ) {
    this.boss = new PgBoss({
      connectionString: appUrl,
      schema: JOB_SCHEMA,
      // The schema and queues are installed by the migration; the app role cannot do DDL.
      migrate: false,
      supervise: true,
      schedule: true,
      max: 3,
      application_name: 'herorientatie-jobs',
    });
    this.boss.on('error', (err: Error) => this.logger.error({ err }, 'job queue error'));
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.metrics = options.metrics ?? null;
  }

  private readonly metrics: Metrics | null;

  private readonly pollingIntervalSeconds: number;

  /** Sends a job in the current unit of work's transaction. */
  async send<T extends object>(queue: string, data: T): Promise<void> {
    await this.boss.send(queue, data, {
      db: {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: await currentManager().query(text, values),
        }),
      },
    });
  }

  /** Starts the workers of this instance. */
  async work<T extends object>(queue: string, handler: JobHandler<T>): Promise<void> {
    if (!this.started) {
      await this.boss.start();
      this.started = true;
    }
    const options = { pollingIntervalSeconds: this.pollingIntervalSeconds, batchSize: 5 };
    const run = this.metrics ? this.metrics.track(queue, handler) : handler;
    await this.boss.work<T>(queue, options, async (jobs) => {
      for (const job of jobs) await run(job.data);
    });
  }

  /** Runs a job on a cron schedule; one instance sends it each time, whichever runs. */
  async schedule(queue: string, cron: string): Promise<void> {
    if (!this.started) {
      await this.boss.start();
      this.started = true;
    }
    await this.boss.schedule(queue, cron, {}, { tz: 'Europe/Amsterdam' });
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 5000, wait: true });
    this.started = false;
  }
}
