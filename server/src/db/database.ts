import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.ts';
import { createAppDataSource, type Entities } from './data-source.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';
import { appUrlFrom } from './urls.ts';

export interface Database {
  adminUrl: string;
  appUrl: string;
  dataSource: DataSource;
  sessionPool: pg.Pool;
  close(): Promise<void>;
}

/** Resolves the admin URL, starting the embedded PostgreSQL when none is configured. */
export async function resolveAdminUrl(config: Config, logger: Logger) {
  if (config.db.adminUrl) return { adminUrl: config.db.adminUrl, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(
    config.db.embeddedDir,
    config.db.embeddedPort,
    logger,
  );
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

/** Starts (or connects to) PostgreSQL, migrates, and opens the application's pools. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  entities: Entities,
): Promise<Database> {
  const { adminUrl, stop } = await resolveAdminUrl(config, logger);
  try {
    await migrate(adminUrl, config.db.appPassword, logger);
    const appUrl = appUrlFrom(adminUrl, config.db.appPassword);
    const dataSource = createAppDataSource(appUrl, config.db.poolSize, entities, logger);
    await dataSource.initialize();
    const sessionPool = new pg.Pool({
      connectionString: appUrl,
      max: 4,
      connectionTimeoutMillis: 5000,
    });
    // An idle connection dropped by the server must not crash the process.
    sessionPool.on('error', (err) => logger.warn({ err }, 'session pool connection lost'));
    return {
      adminUrl,
      appUrl,
      dataSource,
      sessionPool,
      close: async () => {
        await sessionPool.end();
        await dataSource.destroy();
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
