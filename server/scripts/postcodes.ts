/**
 * The national postcode–municipality table (CBS), from the yearly CBS file to the database.
 *
 *   npm run postcodes -- build --addresses pc6hnr20250801_gwb.csv --names gem_2025.csv \
 *     --reference-date 2025-08-01 --source "CBS, … (pc6hnr20250801_gwb), CC BY 4.0"
 *   npm run postcodes -- load [--file other.csv]
 *
 * `build` counts the addresses of the CBS file per four-digit postcode area and municipality
 * and rewrites `server/data/postcode-municipality/pc4-gemeente.csv` with the header of its
 * SOURCE.md. `load` replaces the table in the database (DATABASE_URL, else the embedded
 * PostgreSQL of `npm start`) in one transaction.
 */
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { resolveAdminUrl } from '../src/db/database.ts';
import {
  DEFAULT_POSTCODE_FILE,
  loadPostcodeDataset,
  readPostcodeDataset,
} from '../src/db/reference-data/postcode-dataset.ts';
import { createLogger } from '../src/logger.ts';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    addresses: { type: 'string' },
    names: { type: 'string' },
    'reference-date': { type: 'string' },
    source: { type: 'string' },
    file: { type: 'string' },
  },
});

/** Reads a `;`-separated CBS file with a header, row by row. */
async function* rows(file: string): AsyncGenerator<Record<string, string>> {
  const parser = createReadStream(file).pipe(
    parse({ delimiter: ';', columns: true, bom: true, trim: true, skip_empty_lines: true }),
  );
  for await (const row of parser as AsyncIterable<Record<string, string>>) yield row;
}

const column = (row: Record<string, string>, pattern: RegExp) =>
  Object.keys(row).find((k) => pattern.test(k));

async function build() {
  const { addresses, names, source } = values;
  const referenceDate = values['reference-date'];
  if (
    !addresses ||
    !names ||
    !referenceDate ||
    !source ||
    !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)
  )
    throw new Error(
      'Gebruik: build --addresses <pc6hnr…csv> --names <gem_….csv> --reference-date JJJJ-MM-DD --source "…"',
    );
  const nameOf = new Map<string, string>();
  for await (const row of rows(names)) {
    const code = column(row, /^gwb?code|^gemcode|^code/i) ?? Object.keys(row)[0]!;
    const name = column(row, /naam/i) ?? Object.keys(row)[1]!;
    nameOf.set(String(row[code]).replace(/^GM/, '').padStart(4, '0'), String(row[name]));
  }
  const counts = new Map<string, number>();
  let total = 0;
  for await (const row of rows(addresses)) {
    const municipality = column(row, /^gemeente\d{4}$/i);
    if (!row.PC6 || !municipality) throw new Error('Kolommen PC6 en GemeenteJJJJ ontbreken.');
    const key = `${row.PC6.slice(0, 4)};${String(row[municipality]).padStart(4, '0')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  const lines = [...counts]
    .map(([key, n]) => {
      const [pc4, code] = key.split(';') as [string, string];
      const name = nameOf.get(code);
      if (!name) throw new Error(`Gemeente ${code} staat niet in ${names}.`);
      return `${pc4};GM${code};${name};${n}`;
    })
    .sort();
  const file = DEFAULT_POSTCODE_FILE();
  await writeFile(file, ['postcode4;gemeentecode;gemeentenaam;adressen', ...lines, ''].join('\n'));
  const about = path.join(path.dirname(file), 'SOURCE.md');
  const text = await readFile(about, 'utf8');
  await writeFile(
    about,
    text
      .replace(/^source: .*$/m, `source: ${source}`)
      .replace(/^reference-date: .*$/m, `reference-date: ${referenceDate}`),
  );
  console.log(`${lines.length} regels, ${total} adressen → ${file}`);
}

async function load() {
  const data = readPostcodeDataset(values.file ?? DEFAULT_POSTCODE_FILE());
  const logger = createLogger('warn');
  const { adminUrl, stop } = await resolveAdminUrl(loadConfig(), logger);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    await loadPostcodeDataset(client, data);
    await client.query('commit');
    console.log(
      `${data.rows.length} regels geladen (${data.source}, peildatum ${data.referenceDate}).`,
    );
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
    await stop();
  }
}

if (command === 'build') await build();
else if (command === 'load') await load();
else {
  console.error('Gebruik: npm run postcodes -- build … | load [--file …]');
  process.exitCode = 1;
}
