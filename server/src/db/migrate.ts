import pg from 'pg';
import type { Logger } from 'pino';
import { installJobQueue } from '../jobs/install.ts';
import { bootstrapRoles } from './bootstrap.ts';
import { createMigrationDataSource } from './data-source.ts';
import { databaseNameOf } from './urls.ts';

// Arbitrary constant identifying "schema migration" among advisory locks.
const MIGRATION_LOCK_KEY = 7_265_100_001;

/**
 * Creates the roles and runs pending migrations. An advisory lock makes concurrent
 * instances wait for each other instead of migrating twice.
 */
export async function migrate(
  adminUrl: string,
  appPassword: string,
  logger: Logger,
): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: adminUrl });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await bootstrapRoles(lockClient, appPassword, databaseNameOf(adminUrl));
    const dataSource = createMigrationDataSource(adminUrl);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) logger.info({ migration: m.name }, 'migration applied');
      await installJobQueue(lockClient, logger);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await lockClient.end();
  }
}

/** Reverts the most recent migration (development aid, `npm run db:migrate -- --undo`). */
export async function undoLastMigration(adminUrl: string): Promise<void> {
  const dataSource = createMigrationDataSource(adminUrl);
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
