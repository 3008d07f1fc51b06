import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Logger } from 'pino';
import { createAppDataSource } from '../src/db/data-source.ts';
import { entities } from '../src/entities.ts';
import { createApp, type App } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { Agent } from './agent.ts';
import {
  createTestDatabase,
  silentLogger,
  TEST_APP_PASSWORD,
  type TestDatabase,
} from './database.ts';

export interface TestApp extends App {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real application on a real port (the OIDC flow calls back into it), with the
 * built-in development provider and the given database.
 */
export async function startTestApp(
  db: TestDatabase,
  env: Record<string, string> = {},
  /** A logger to read what the app logs; an app URL to reach the database another way. */
  options: { logger?: Logger; appUrl?: string } = {},
): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATABASE_URL: db.adminUrl,
    DB_APP_PASSWORD: TEST_APP_PASSWORD,
    SERVE_CLIENT: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const sessionPool = new pg.Pool({
    connectionString: options.appUrl ?? db.appUrl,
    max: 2,
    connectionTimeoutMillis: 5000,
  });
  sessionPool.on('error', () => {});
  const dataSource = options.appUrl
    ? createAppDataSource(options.appUrl, 4, entities, options.logger)
    : db.dataSource;
  if (options.appUrl) await dataSource.initialize();
  const app = await createApp({
    config,
    logger: options.logger ?? silentLogger,
    dataSource,
    sessionPool,
    appUrl: options.appUrl ?? db.appUrl,
  });
  server.on('request', app.app);
  return {
    ...app,
    baseUrl,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await sessionPool.end();
      if (options.appUrl) await dataSource.destroy();
    },
  };
}

export interface TestContext {
  readonly db: TestDatabase;
  readonly app: TestApp;
  /** The logged-in agent for a demo account named in `logins`. */
  agent(username: string): Agent;
}

/**
 * Registers mocha hooks that give the enclosing `describe` a fresh database, the app on
 * it, and logged-in agents for the given demo accounts; everything is closed afterwards.
 */
export function useTestApp(
  options: { logins?: string[]; env?: Record<string, string> } = {},
): TestContext {
  let db: TestDatabase | undefined;
  let app: TestApp | undefined;
  const agents = new Map<string, Agent>();
  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, options.env);
    for (const username of options.logins ?? []) {
      const agent = new Agent(app.baseUrl);
      await agent.login(username);
      agents.set(username, agent);
    }
  });
  after(async () => {
    await app?.stop();
    await db?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('The test database is not ready yet');
      return db;
    },
    get app() {
      if (!app) throw new Error('The test app is not ready yet');
      return app;
    },
    agent(username: string) {
      const agent = agents.get(username);
      if (!agent) throw new Error(`${username} is not logged in; add it to logins`);
      return agent;
    },
  };
}
