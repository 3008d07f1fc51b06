import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { resolveAdminUrl } from './database.ts';
import { migrate, undoLastMigration } from './migrate.ts';

/** `npm run db:migrate` (or `-- --undo` to revert the last migration). */
const config = loadConfig();
const logger = createLogger(config.logLevel);
const { adminUrl, stop } = await resolveAdminUrl(config, logger);
try {
  if (process.argv.includes('--undo')) {
    await undoLastMigration(adminUrl);
    logger.info('last migration reverted');
  } else {
    const applied = await migrate(adminUrl, config.db.appPassword, logger);
    logger.info({ applied: applied.length }, 'database is up to date');
  }
} finally {
  await stop();
}
