import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * An independent implementation of the cell key method of `db/figures-sql/cell-key.sql.ts`,
 * for tests: from the records in the database and the secret, what a published cell must be.
 */
export async function cellKeySecret(admin: Pool): Promise<string> {
  const { rows } = await admin.query<{ secret: string }>(
    'select secret from figures.cell_key_secret',
  );
  return rows[0]!.secret;
}

export function recordKey(secret: string, id: string): number {
  return createHash('md5')
    .update(secret + id)
    .digest()[0]!;
}

export function perturb(count: number, key: number): number {
  const k = ((key % 256) + 256) % 256;
  if (count <= 0) return 0;
  if (count === 1) return 1 + (k < 77 ? -1 : k < 179 ? 0 : 1);
  return count + (k < 26 ? -2 : k < 77 ? -1 : k < 179 ? 0 : k < 230 ? 1 : 2);
}

/** The published value of a set of records grouped into month cells: Σ perturb(count, key). */
export function protectedSum(secret: string, cells: Map<string, string[]>): number {
  let sum = 0;
  for (const ids of cells.values()) {
    const key = ids.reduce((k, id) => k + recordKey(secret, id), 0) % 256;
    sum += perturb(ids.length, key);
  }
  return sum;
}

/**
 * The published registrations of one municipality (by CBS code) in the months from `from`
 * to `to` (YYYY-MM), of one source or all of them ('*', the sum of the source cells).
 */
export async function protectedRegistrations(
  admin: Pool,
  code: string,
  from: string,
  to: string,
  source = '*',
): Promise<{ published: number; truth: number }> {
  const secret = await cellKeySecret(admin);
  const { rows } = await admin.query<{ id: string; cell: string }>(
    `select f.id, to_char(f.registered_at at time zone 'UTC', 'YYYY-MM') || '/' || f.source as cell
       from case_file f join municipality m on m.id = f.municipality_id
      where m.code = $1 and to_char(f.registered_at at time zone 'UTC', 'YYYY-MM') between $2 and $3
        and ($4 = '*' or f.source = $4)`,
    [code, from, to, source],
  );
  const cells = new Map<string, string[]>();
  for (const r of rows) cells.set(r.cell, [...(cells.get(r.cell) ?? []), r.id]);
  return { published: protectedSum(secret, cells), truth: rows.length };
}

/**
 * The published value of any records: `sql` returns one row per record with its `id` and
 * its month `cell` (records of one cell are perturbed together).
 */
export async function protectedOf(
  admin: Pool,
  sql: string,
  params: unknown[] = [],
): Promise<{ published: number; truth: number }> {
  const secret = await cellKeySecret(admin);
  const { rows } = await admin.query<{ id: string; cell: string }>(sql, params);
  const cells = new Map<string, string[]>();
  for (const r of rows) cells.set(r.cell, [...(cells.get(r.cell) ?? []), r.id]);
  return { published: protectedSum(secret, cells), truth: rows.length };
}

/** A published count as the API shows it: hidden under the threshold. */
export const shownAs = (published: number, threshold = 5) =>
  published < threshold
    ? { value: null, suppressed: true }
    : { value: published, suppressed: false };

/** The municipalities of the demo region Rijk van Nijmegen, by CBS code. */
export const DEMO_REGION = {
  GM0268: 'Nijmegen',
  GM0296: 'Wijchen',
  GM1945: 'Berg en Dal',
  GM0209: 'Beuningen',
  GM0225: 'Druten',
  GM0252: 'Heumen',
  GM0944: 'Mook en Middelaar',
} as const;
