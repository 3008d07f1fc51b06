/**
 * Measures the case list (first page, a search, a filtered page, deep keyset paging) and the
 * worklist counts for one municipality with many cases, against a real PostgreSQL under
 * row-level security. Prints figures; asserts nothing.
 *
 *   BENCH_CASES=20000 npm run bench
 */
import { performance } from 'node:perf_hooks';
import { CaseListQuerySchema } from '@herorientatie/domain';
import { TenantUnitOfWork } from '../src/db/unit-of-work.ts';
import { actors } from '../src/context/actor.ts';
import { CaseWorkService } from '../src/modules/case-work/case-work.service.ts';
import { CaseLifecycleService } from '../src/modules/cases/case-lifecycle.service.ts';
import { createTestDatabase, releaseTestServer } from '../test/database.ts';

const cases = Number(process.env.BENCH_CASES ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);

const db = await createTestDatabase();
try {
  const nijmegen = (await db.admin.query(`select id from municipality where code = 'GM0268'`))
    .rows[0].id;
  const other = (await db.admin.query(`select id from municipality where code = 'GM0296'`)).rows[0]
    .id;
  const user = (
    await db.admin.query(
      `insert into app_user (municipality_id, subject, name, roles) values ($1, 'bench', 'Bench', '{caseworker}') returning id`,
      [nijmegen],
    )
  ).rows[0].id;
  // Cases for Nijmegen, and as many for Wijchen that RLS must keep out of every query.
  for (const municipality of [nijmegen, other]) {
    await db.admin.query(
      `with e as (
         insert into entrepreneur (municipality_id, name, business_name, legal_form, kvk_number)
         select $1, 'Ondernemer ' || g, 'Bedrijf ' || g, 'eenmanszaak', lpad(g::text, 8, '0')
           from generate_series(1, $2) g returning id, kvk_number)
       insert into case_file (municipality_id, reference, entrepreneur_id, status, source, urgency, other_support,
                              caseworker_id, registered_at)
       select $1, 'HO-B-' || e.kvk_number, e.id,
              (array['registered','intake_scheduled','intake_done'])[1 + (random() * 2)::int],
              'tozo_outreach', 'normal', 'none', case when $1 = $3 then $4::uuid end,
              now() - (random() * 400) * interval '1 day'
         from e`,
      [municipality, cases, nijmegen, user],
    );
  }
  await db.admin.query('analyze');
  const uow = new TenantUnitOfWork(db.dataSource);
  const service = new CaseLifecycleService();
  const region = (
    await db.admin.query('select region_id from municipality where id = $1', [nijmegen])
  ).rows[0].region_id as string;
  const actor = actors.user({
    id: user,
    subject: 'bench',
    name: 'Bench',
    email: null,
    municipalityId: nijmegen,
    municipalityCode: 'GM0268',
    regionId: region,
    isCentre: true,
    roles: ['caseworker'],
  });
  const measure = async (label: string, work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await uow.run(actor, work);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) =>
      times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(2);
    console.log(`${label.padEnd(44)} p50 ${p(0.5)} ms   p95 ${p(0.95)} ms`);
  };
  const page = (query: Record<string, string>) =>
    service.list(actor, CaseListQuerySchema.parse(query));

  console.log(
    `case list, ${cases} cases in the municipality and ${cases} in another one, ${runs} runs each`,
  );
  await measure('first page (25, newest first)', () => page({}));
  await measure('search by name', () => page({ q: 'ondernemer 4242' }));
  await measure('search by KvK number', () => page({ q: '00004242' }));
  await measure('filter: status registered', () => page({ status: 'registered' }));
  await measure('worklist: waiting for intake', () => page({ worklist: 'waitingForIntake' }));
  const deep = await uow.run(actor, async () => {
    let cursor: string | null = null;
    for (let i = 0; i < 40; i++) cursor = (await page(cursor ? { cursor } : {})).nextCursor;
    return cursor;
  });
  await measure('page 41 by keyset cursor', () => page({ cursor: deep! }));
  await measure('worklist counts', () => service.worklistCounts(actor));
  const search = new CaseWorkService();
  await measure('search everywhere: name part', () => search.search(actor, 'ondernemer 4242'));
  await measure('search everywhere: KvK number', () => search.search(actor, '00004242'));
} finally {
  await db.drop();
  await releaseTestServer();
}
