/**
 * Speed of the regional figures on the data of `npm run seed:synthetic`: the year's figures
 * and durations for the region of the largest municipality, as an analyst of that region
 * asks for them, and the rebuild of the rollup (which bounds how far the figures lag).
 * Prints p50/p95/p99; asserts nothing.
 *
 *   npm run seed:synthetic -- --municipalities 350 --cases 1000000
 *   npm run bench:figures
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { actors } from '../src/context/actor.ts';
import { resolveAdminUrl } from '../src/db/database.ts';
import { createAppDataSource } from '../src/db/data-source.ts';
import { currentManager, TenantUnitOfWork } from '../src/db/unit-of-work.ts';
import { appUrlFrom } from '../src/db/urls.ts';
import { entities } from '../src/entities.ts';
import { createLogger } from '../src/logger.ts';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const config = loadConfig();
const logger = createLogger('warn');
const { adminUrl, stop } = await resolveAdminUrl(config, logger);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const dataSource = createAppDataSource(appUrlFrom(adminUrl, config.db.appPassword), 4, entities);
await dataSource.initialize();
try {
  const [{ cases }] = (await admin.query('select count(*)::int as cases from case_file')).rows;
  const largest = (
    await admin.query(
      `select m.id, m.code, m.region_id, m.is_centre, count(*)::int as n from case_file c
         join municipality m on m.id = c.municipality_id group by m.id order by n desc limit 1`,
    )
  ).rows[0];
  const regionCases = (
    await admin.query(
      `select count(*)::int as n from case_file c join municipality m on m.id = c.municipality_id where m.region_id = $1`,
      [largest.region_id],
    )
  ).rows[0].n;
  const user = (
    await admin.query('select id from app_user where municipality_id = $1 limit 1', [largest.id])
  ).rows[0];
  const analyst = actors.user({
    id: user.id,
    subject: 'bench',
    name: 'Bench',
    email: null,
    municipalityId: largest.id,
    municipalityCode: largest.code,
    regionId: largest.region_id,
    isCentre: largest.is_centre,
    roles: ['analyst'],
  });
  const uow = new TenantUnitOfWork(dataSource);
  console.log(
    `regional figures: ${cases.toLocaleString('en')} cases in all, ${regionCases.toLocaleString('en')} in the region of ${largest.code} (${largest.n.toLocaleString('en')} cases), ${runs} runs`,
  );
  const measure = async (label: string, work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await uow.run(analyst, work);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(1);
    console.log(`${label.padEnd(40)} p50 ${p(0.5)} ms   p95 ${p(0.95)} ms   p99 ${p(0.99)} ms`);
  };
  await measure('counts per municipality, a year', () =>
    currentManager().query(
      `select * from figures.region_figures('2021-01-01', '2021-12-31', 5, false)`,
    ),
  );
  await measure('counts per municipality, a quarter', () =>
    currentManager().query(
      `select * from figures.region_figures('2021-04-01', '2021-06-30', 5, false)`,
    ),
  );
  await measure('median durations, a year', () =>
    currentManager().query(
      `select * from figures.region_durations('2021-01-01', '2021-12-31', 5, false)`,
    ),
  );
  const t0 = performance.now();
  await admin.query('select figures.refresh_monthly()');
  console.log(
    `rebuild of the rollup (every minute)      ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} finally {
  await dataSource.destroy();
  await admin.end();
  await stop();
}
