/**
 * Measures the cost of the tenant unit of work: transactions per second and latency of a
 * unit of work that sets the tenant and reads under row-level security, against a real
 * PostgreSQL (TEST_DATABASE_URL, or an embedded one). Prints figures; asserts nothing.
 *
 *   npm run bench                 # defaults: 20,000 units of work, pool of 10
 *   BENCH_UNITS=50000 npm run bench
 */
import { performance } from 'node:perf_hooks';
import { actors } from '../src/context/actor.ts';
import { currentManager, TenantUnitOfWork } from '../src/db/unit-of-work.ts';
import { createTestDatabase, releaseTestServer } from '../test/database.ts';

const units = Number(process.env.BENCH_UNITS ?? 20_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const usersPerMunicipality = Number(process.env.BENCH_USERS ?? 2_000);

const db = await createTestDatabase();
try {
  const municipalities = (
    await db.admin.query<{ id: string; regionId: string }>(
      'select id, region_id as "regionId" from municipality',
    )
  ).rows;
  await db.admin.query(
    `insert into app_user (municipality_id, subject, name, roles)
     select m.id, 'bench-' || m.id || '-' || g, 'Gebruiker ' || g, '{caseworker}'
       from municipality m, generate_series(1, $1) g`,
    [usersPerMunicipality],
  );
  await db.admin.query('analyze app_user');
  const uow = new TenantUnitOfWork(db.dataSource);
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < units) {
      const i = next++;
      const municipality = municipalities[i % municipalities.length]!;
      const municipalityId = municipality.id;
      const start = performance.now();
      await uow.run(actors.system(municipality, 'bench'), () =>
        currentManager().query(
          'select id, name from app_user where municipality_id = $1 order by id limit 25',
          [municipalityId],
        ),
      );
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(2);
  console.log(
    `tenant unit of work (set tenant + RLS read of 25 rows), ${municipalities.length} municipalities x ${usersPerMunicipality} users`,
  );
  console.log(`units: ${units}, concurrency: ${concurrency}, pool: 5 connections`);
  console.log(`throughput: ${(units / seconds).toFixed(0)} units/s`);
  console.log(
    `latency ms: p50 ${pct(0.5)}, p95 ${pct(0.95)}, p99 ${pct(0.99)}, max ${latencies.at(-1)!.toFixed(2)}`,
  );
} finally {
  await db.drop();
  await releaseTestServer();
}
