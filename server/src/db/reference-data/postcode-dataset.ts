import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * The relation between four-digit postcode areas and municipalities for the whole country,
 * as CBS publishes it yearly (derived from "Buurt, wijk en gemeente voor postcode en
 * huisnummer"). The file and its source description live in `server/data/postcode-municipality/`.
 */
export const POSTCODE_DATASET = 'cbs-postcode4-gemeente';

export interface PostcodeAreaRow {
  postcode4: string;
  municipalityCode: string;
  municipalityName: string;
  /** Addresses of the area in that municipality; decides the most likely one. */
  addresses: number | null;
}

export interface PostcodeDatasetFile {
  rows: PostcodeAreaRow[];
  /** From the header comment of SOURCE.md: the CBS publication and its reference date. */
  source: string;
  referenceDate: string;
}

/** `server/data`, found from the source tree and from the bundled `dist` alike. */
export function dataDirectory(): string {
  if (process.env.REFERENCE_DATA_DIR) return process.env.REFERENCE_DATA_DIR;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'postcode-municipality');
    if (existsSync(candidate)) return path.join(dir, 'data');
    dir = path.dirname(dir);
  }
  throw new Error('De map met referentiegegevens (server/data) is niet gevonden.');
}

export const DEFAULT_POSTCODE_FILE = () =>
  path.join(dataDirectory(), 'postcode-municipality', 'pc4-gemeente.csv');

/**
 * Reads `postcode4;gemeentecode;gemeentenaam;adressen`, refusing a file that is not that
 * table (a wrong code or postcode stops the load; nothing is half loaded).
 */
export function readPostcodeDataset(file: string): PostcodeDatasetFile {
  const text = readFileSync(file, 'utf8');
  const records: Record<string, string>[] = parse(text, {
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const rows = records.map((r, i) => {
    const line = i + 2;
    if (!/^[1-9][0-9]{3}$/.test(r.postcode4 ?? ''))
      throw new Error(`Regel ${line}: "${r.postcode4}" is geen postcodegebied van vier cijfers.`);
    if (!/^GM[0-9]{4}$/.test(r.gemeentecode ?? ''))
      throw new Error(`Regel ${line}: "${r.gemeentecode}" is geen gemeentecode (GM0000).`);
    if (!r.gemeentenaam) throw new Error(`Regel ${line}: de gemeentenaam ontbreekt.`);
    const addresses = r.adressen ? Number(r.adressen) : null;
    if (addresses !== null && !Number.isInteger(addresses))
      throw new Error(`Regel ${line}: "${r.adressen}" is geen aantal adressen.`);
    return {
      postcode4: r.postcode4!,
      municipalityCode: r.gemeentecode!,
      municipalityName: r.gemeentenaam!,
      addresses,
    };
  });
  if (rows.length < 1000) throw new Error('Dit bestand is te klein voor het hele land.');
  const sourceFile = path.join(path.dirname(file), 'SOURCE.md');
  const about = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
  const source = /^source:\s*(.+)$/m.exec(about)?.[1]?.trim() ?? path.basename(file);
  const referenceDate = /^reference-date:\s*(\d{4}-\d{2}-\d{2})$/m.exec(about)?.[1] ?? '';
  if (!referenceDate)
    throw new Error(`${sourceFile} noemt geen peildatum (regel "reference-date: JJJJ-MM-DD").`);
  return { rows, source, referenceDate };
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Replaces the whole table with the file's rows; run it inside one transaction. */
export async function loadPostcodeDataset(db: Queryable, data: PostcodeDatasetFile) {
  await db.query('delete from postcode_municipality');
  await db.query(
    `insert into postcode_municipality (postcode4, municipality_code, municipality_name, addresses)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::int[])`,
    [
      data.rows.map((r) => r.postcode4),
      data.rows.map((r) => r.municipalityCode),
      data.rows.map((r) => r.municipalityName),
      data.rows.map((r) => r.addresses),
    ],
  );
  await db.query(
    `insert into reference_dataset (name, source, reference_date, row_count, loaded_at)
     values ($1, $2, $3, $4, now())
     on conflict (name) do update set source = excluded.source, reference_date = excluded.reference_date,
       row_count = excluded.row_count, loaded_at = now()`,
    [POSTCODE_DATASET, data.source, data.referenceDate, data.rows.length],
  );
}
