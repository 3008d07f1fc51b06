import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(here, '../../../..');
const ruleset = path.join(serverDir, 'openapi/adr-ruleset.yaml');

interface SpectralResult {
  code: string;
  message: string;
  severity: number;
  path: string[];
}

describe('OpenAPI document against the NL API Design Rules linter', () => {
  let db: TestDatabase;
  let app: TestApp;
  let dir: string;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { PUBLIC_URL: 'https://herorientatie.example.org' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'oas-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    await app.stop();
    await db.drop();
  });

  it('has no errors and no warnings under the ADR 2.2 ruleset', async () => {
    // The app listens on plain 127.0.0.1; its public URL (in the document) is https.
    const response = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    expect(response.status).to.equal(200);
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, await response.text());
    const output = path.join(dir, 'result.json');
    await promisify(execFile)(
      path.join(serverDir, '../node_modules/.bin/spectral'),
      ['lint', '-r', ruleset, '-f', 'json', '-o', output, '--fail-severity', 'error', file],
      { cwd: dir },
    ).catch(() => undefined);
    const results = JSON.parse(await readFile(output, 'utf8')) as SpectralResult[];
    const problems = results
      .filter((r) => r.severity <= 1)
      .map((r) => `${r.code}: ${r.message} at ${r.path.join('.')}`);
    expect(problems).to.deep.equal([]);
  });
});
