import type { ClientBase } from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DB_ROLES } from '../db/roles.ts';
import { JOB_SCHEMA, QUEUES } from './queues.ts';

/**
 * Installs or migrates the job queue's schema as the owner role, creates our queues and
 * gives the application role what it needs to send and work jobs (no DDL). Runs on the
 * admin connection under the migration lock.
 */
export async function installJobQueue(client: ClientBase, logger: Logger): Promise<void> {
  await client.query(`set role ${DB_ROLES.owner}`);
  try {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
      schema: JOB_SCHEMA,
      supervise: false,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (err: Error) => logger.error({ err }, 'job queue install error'));
    await boss.start();
    // pg-boss passes scheduled (cron) jobs through this queue of its own.
    for (const name of [...Object.values(QUEUES), '__pgboss__send-it']) {
      if (!(await boss.getQueue(name))) {
        // A rollup refresh that is already queued need not be queued twice.
        const policy =
          name === QUEUES.refreshFigures || name === QUEUES.remindReferrals
            ? 'singleton'
            : 'standard';
        await boss.createQueue(name, {
          name,
          policy,
          retryLimit: 5,
          retryDelay: 10,
          retryBackoff: true,
        });
      }
    }
    await boss.stop({ graceful: false, close: false, wait: true });
    const app = DB_ROLES.app;
    await client.query(`
      grant usage on schema ${JOB_SCHEMA} to ${app};
      grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${app};
      grant usage, select on all sequences in schema ${JOB_SCHEMA} to ${app};
      grant execute on all functions in schema ${JOB_SCHEMA} to ${app};
    `);
  } finally {
    await client.query('reset role');
  }
}
