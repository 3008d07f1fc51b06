import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createAppDataSource } from '../src/db/data-source.ts';
import { entities } from '../src/entities.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { appUrlFrom } from '../src/db/urls.ts';

export const TEST_APP_PASSWORD = 'test-app-password';
export const silentLogger = pino({ level: 'silent' });

let server: Promise<{ baseUrl: URL; embedded?: EmbeddedDatabase; dir?: string }> | undefined;
let template: Promise<string> | undefined;
const created: string[] = [];

/** TEST_DATABASE_URL when set, else one embedded PostgreSQL for the whole run. */
function testServer() {
  server ??= (async () => {
    if (process.env.TEST_DATABASE_URL) return { baseUrl: new URL(process.env.TEST_DATABASE_URL) };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'herorientatie-test-'));
    // PostgreSQL runs as the `postgres` OS user when we are root; it must reach the folder.
    await chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres(
      path.join(dir, 'pg'),
      0,
      silentLogger,
      'postgres_test',
    );
    return { baseUrl: new URL(embedded.adminUrl), embedded, dir };
  })();
  return server;
}

function urlFor(base: URL, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { baseUrl } = await testServer();
  const client = new pg.Client({ connectionString: baseUrl.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database migrated once per run; every test file copies it. */
function templateDatabase(): Promise<string> {
  template ??= (async () => {
    const name = `hr_template_${process.pid}`;
    const { baseUrl } = await testServer();
    await admin(async (c) => {
      await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`);
      await c.query(`create database ${c.escapeIdentifier(name)}`);
    });
    created.push(name);
    await migrate(urlFor(baseUrl, name), TEST_APP_PASSWORD, silentLogger);
    return name;
  })();
  return template;
}

export interface TestDatabase {
  name: string;
  adminUrl: string;
  appUrl: string;
  /** A superuser client, for arranging data and inspecting the catalog. */
  admin: pg.Pool;
  /** The application's data source: app role, row-level security applies. */
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const source = await templateDatabase();
  const { baseUrl } = await testServer();
  const name = `hr_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin((c) =>
    c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(source)}`),
  );
  await admin((c) =>
    c.query(
      `grant connect, temporary on database ${c.escapeIdentifier(name)} to herorientatie_app`,
    ),
  );
  const adminUrl = urlFor(baseUrl, name);
  const appUrl = appUrlFrom(adminUrl, TEST_APP_PASSWORD);
  const adminPool = new pg.Pool({ connectionString: adminUrl, max: 3 });
  adminPool.on('error', () => {});
  const dataSource = createAppDataSource(appUrl, 5, entities);
  await dataSource.initialize();
  return {
    name,
    adminUrl,
    appUrl,
    admin: adminPool,
    dataSource,
    async drop() {
      await dataSource.destroy();
      await adminPool.end();
      await admin((c) =>
        c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`),
      );
    },
  };
}

/** Called once after all tests: drops the template and stops the embedded server. */
export async function releaseTestServer(): Promise<void> {
  if (!server) return;
  for (const name of created) {
    await admin((c) =>
      c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`),
    ).catch(() => {});
  }
  const { embedded, dir } = await server;
  if (embedded) await embedded.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  template = undefined;
}
