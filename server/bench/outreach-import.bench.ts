/**
 * Measures the import of a municipality's Tozo recipients from CSV: 10,000 rows (and
 * 50,000) read, checked, matched and written in one transaction, then re-imported.
 * Prints figures; asserts nothing.
 *
 *   npm run bench                          # part of the benchmarks
 *   BENCH_IMPORT_ROWS=20000 npx tsx bench/outreach-import.bench.ts
 */
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { actors } from '../src/context/actor.ts';
import { TenantUnitOfWork } from '../src/db/unit-of-work.ts';
import { OutreachImportService } from '../src/modules/outreach/outreach-import.service.ts';
import { createTestDatabase, releaseTestServer } from '../test/database.ts';
import { createUser, municipality } from '../test/factories.ts';

const sizes = process.env.BENCH_IMPORT_ROWS
  ? [Number(process.env.BENCH_IMPORT_ROWS)]
  : [10_000, 50_000];

function file(rows: number, variant: string): Buffer {
  const lines = [
    'Bedrijfsnaam;KvK-nummer;Naam;Postcode;Huisnummer;E-mailadres;Telefoon;SBI-code;Tozo',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `"Bedrijf ${i}, ${variant}";${40_000_000 + i};Ondernemer ${i};6602 AB;${1 + (i % 200)};o${i}@example.org;06 ${String(10_000_000 + i)};9602;Tozo 3`,
    );
  }
  return iconv.encode(lines.join('\r\n'), 'windows-1252');
}

const db = await createTestDatabase();
try {
  const wijchen = await municipality(db.admin, 'GM0296');
  const user = await createUser(db.admin, wijchen.id, { roles: ['caseworker'] });
  const actor = actors.user({
    id: user.id,
    subject: 'bench',
    name: 'Bench',
    email: null,
    municipalityId: wijchen.id,
    municipalityCode: wijchen.code,
    regionId: wijchen.regionId,
    isCentre: false,
    roles: ['caseworker'],
  });
  const uow = new TenantUnitOfWork(db.dataSource);
  const service = new OutreachImportService();
  for (const rows of sizes) {
    await db.admin.query('delete from outreach_recipient; delete from outreach_import');
    const run = async (label: string, buffer: Buffer, dryRun = false) => {
      const start = performance.now();
      const report = await uow.run(actor, () =>
        service.run(
          actor,
          { originalname: 'tozo.csv', buffer },
          { dryRun, mode: 'all-or-nothing' },
        ),
      );
      const ms = performance.now() - start;
      const c = report.counts;
      console.log(
        `${label.padEnd(34)} ${String(rows).padStart(6)} rows  ${ms.toFixed(0).padStart(5)} ms  ` +
          `(${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s; new ${c.new}, updated ${c.updated}, unchanged ${c.unchanged})`,
      );
    };
    const first = file(rows, 'a');
    await run('preview (dry run)', first, true);
    await run('first import', first);
    await run('re-import, same file', first);
    await run('re-import, every row changed', file(rows, 'b'));
  }
} finally {
  await db.drop();
  await releaseTestServer();
}
