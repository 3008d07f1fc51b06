import { spawn, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';
import {
  buildServer,
  DIST_DIR,
  OPTIONAL_EXTERNALS,
  SERVER_DIR,
  serverDependencies,
} from '../../scripts/build.ts';
import { createTestDatabase, TEST_APP_PASSWORD, type TestDatabase } from '../../test/database.ts';
import { freePort } from '../db/embedded.ts';

/** The package an import names: `pg`, `@scope/name`, `node:fs` → null for built-ins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!))
    return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

async function waitFor(url: string, child: ChildProcess, output: () => string, limitMs = 45_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`The server stopped (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${limitMs} ms:\n${output()}`);
}

describe('production build: node server/dist/main.js, without tsx', function () {
  this.timeout(120_000);
  let db: TestDatabase;
  let imports: { path: string; kind: string }[];
  let child: ChildProcess | undefined;

  before(async () => {
    const metafile = await buildServer();
    imports = Object.values(metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => ({ path: i.path, kind: i.kind })),
    );
    db = await createTestDatabase();
  });

  after(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
  });

  it('imports at run time only the server’s production dependencies', () => {
    const production = new Set(Object.keys(serverDependencies()));
    const packages = new Set(imports.map((i) => packageOf(i.path)).filter((p) => p !== null));
    expect(packages.size).to.be.greaterThan(10);
    for (const name of packages) {
      if (OPTIONAL_EXTERNALS.includes(name)) continue;
      expect(production, `${name} is imported by server/dist`).to.include(name);
    }
    for (const name of ['tsx', 'typescript', 'esbuild', 'mocha', '@herorientatie/domain'])
      expect(packages, name).not.to.include(name);
    // A development dependency may only be loaded on demand, never at start.
    for (const i of imports.filter((i) => OPTIONAL_EXTERNALS.includes(packageOf(i.path)!)))
      expect(i.kind, i.path).to.equal('dynamic-import');
  });

  it('starts in production mode, migrates, answers /health and /ready, and stops on SIGTERM', async () => {
    const port = await freePort();
    let output = '';
    let stdout = '';
    child = spawn(process.execPath, [path.join(DIST_DIR, 'main.js')], {
      // Not the repository: the compiled entry finds everything from its own location.
      cwd: path.join(SERVER_DIR, '..', 'infra'),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: db.adminUrl,
        DB_APP_PASSWORD: TEST_APP_PASSWORD,
        // Example values: the provider is read at the first login, mail only by workers.
        OIDC_ISSUER: 'https://login.example.org/realms/example',
        OIDC_CLIENT_ID: 'herorientatie',
        OIDC_CLIENT_SECRET: 'example-client-secret',
        SESSION_SECRET: 'example-session-secret-of-at-least-32-characters',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        JOB_WORKERS: 'false',
        SERVE_CLIENT: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      stdout += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const health = await waitFor(`http://127.0.0.1:${port}/health`, child, () => output);
    expect(await health.json()).to.deep.equal({ status: 'ok' });
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.include({ database: 'ok' });
    // Production logs are one JSON object per line, ready for a log pipeline.
    const lines = stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { msg: string }).map((l) => l.msg)).to.include(
      'Heroriëntatie is running',
    );
    expect(output).not.to.include('development OpenID provider');
    const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
  });
});
