import http from 'node:http';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { entities } from './entities.ts';
import { createLogger } from './logger.ts';
import { seedDemoData } from './modules/demo/demo-seed.ts';
import { seedDemoReach } from './modules/demo/demo-reach.ts';
import { seedDemoProgramme } from './modules/demo/demo-programme.ts';
import { ReferenceRepository } from './modules/reference/reference.repository.ts';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger(config.logLevel);
const database = await openDatabase(config, logger, entities);
const { app, close, uow } = await createApp({
  config,
  logger,
  dataSource: database.dataSource,
  sessionPool: database.sessionPool,
  appUrl: database.appUrl,
});
if (config.demoData) {
  const created = await seedDemoData(uow, new ReferenceRepository(database.dataSource));
  if (created > 0) logger.info({ cases: created }, 'demo cases created');
  const reach = await seedDemoReach(
    uow,
    new ReferenceRepository(database.dataSource),
    config.publicUrl,
  );
  if (reach) logger.info('demo campaigns and outreach created');
  const programme = await seedDemoProgramme(uow, new ReferenceRepository(database.dataSource));
  if (programme > 0) logger.info({ records: programme }, 'demo programme year created');
}
const server = http.createServer(app);
server.on('error', async (err: NodeJS.ErrnoException) => {
  logger.fatal(
    { err },
    err.code === 'EADDRINUSE'
      ? `Poort ${config.port} is al in gebruik. Stop het andere proces of kies een andere PORT.`
      : 'De server kon niet starten.',
  );
  await close();
  await database.close();
  process.exit(1);
});
server.listen(config.port, () => {
  logger.info({ url: config.publicUrl }, 'Heroriëntatie is running');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  server.closeAllConnections();
  await close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
