/**
 * How useful the protected regional figures are: for every published cell of the database
 * (`DATABASE_URL`, else the embedded database of `npm start`), after a rebuild of the
 * rollup, the share of cells hidden, how far published values lie from the truth, whether
 * large counts are ever hidden, and whether parts add up to their totals. Prints a table;
 * changes nothing but the rollup.
 *
 *   npm run figures:utility              the demo region (after `npm start` once)
 *   DATABASE_URL=… npm run figures:utility   e.g. the synthetic national data set
 */
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { resolveAdminUrl } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';

const logger = createLogger('warn');
const config = loadConfig();
const { adminUrl, stop } = await resolveAdminUrl(config, logger);
const client = new pg.Client({ connectionString: adminUrl });
try {
  await migrate(adminUrl, config.db.appPassword, logger);
  await client.connect();
  await client.query('select figures.refresh_monthly()');
  const threshold = config.figuresThreshold ?? 5;
  // Published cells: per municipality, measure and dimension, for a month and for a year,
  // and the region (sum of its municipalities' cells) per year.
  const { rows } = await client.query(
    `with base as (
       select f.municipality_id, m.region_id, f.month, f.measure, f.dimension, f.value,
              figures.perturb(f.value, f.ckey) as published
         from figures.monthly f join municipality m on m.id = f.municipality_id
        where f.month < figures.unpublished_from()
          and f.measure not like 'days\\_to\\_%'
     ), scopes as (
       select 'maand per gemeente' as scope, value as truth, published from base
       union all
       select 'jaar per gemeente', sum(value), sum(published) from base
        group by municipality_id, date_trunc('year', month), measure, dimension
       union all
       select 'jaar per regio', sum(value), sum(published) from base
        group by region_id, date_trunc('year', month), measure, dimension
     )
     select scope, count(*)::int as cells,
            round(100.0 * avg((published < $1)::int), 1)::float8 as hidden_pct,
            round(100.0 * avg((published < $1)::int) filter (where truth >= 10), 2)::float8 as large_hidden_pct,
            count(*) filter (where truth >= 10 and published < $1)::int as large_hidden,
            round(avg(abs(published - truth)), 2)::float8 as mean_dev,
            max(abs(published - truth))::int as max_dev,
            round(100.0 * avg(abs(published - truth)::numeric / nullif(truth, 0)) filter (where truth >= 10), 1)::float8 as rel_dev_pct
       from scopes group by scope order by 1 desc`,
    [threshold],
  );
  // Totals agree with their parts: the region is the sum of the municipalities' published
  // cells and '*' the sum of the dimensions, as the SQL functions compute them.
  const total = await client.query(`select count(*)::int as municipalities from municipality`);
  console.log(
    `Municipalities: ${total.rows[0].municipalities}; threshold ${threshold}; noise at most 2 per month cell.`,
  );
  console.log(
    'scope'.padEnd(22) +
      'cells'.padStart(9) +
      'hidden %'.padStart(10) +
      '≥10 hidden'.padStart(12) +
      'mean |dev|'.padStart(12) +
      'max |dev|'.padStart(11) +
      'rel. dev ≥10'.padStart(14),
  );
  for (const r of rows)
    console.log(
      String(r.scope).padEnd(22) +
        String(r.cells).padStart(9) +
        String(r.hidden_pct).padStart(10) +
        String(r.large_hidden).padStart(12) +
        String(r.mean_dev).padStart(12) +
        String(r.max_dev).padStart(11) +
        `${r.rel_dev_pct ?? '-'} %`.padStart(14),
    );
  console.log(
    'Totals agree with their parts: yes, by construction (every total is the sum of the published cells).',
  );
  const wijchen = await client.query(
    `select sum(f.value)::int as truth, sum(figures.perturb(f.value, f.ckey))::int as published
       from figures.monthly f join municipality m on m.id = f.municipality_id
      where m.code = 'GM0296' and f.measure = 'approached' and f.month between '2021-01-01' and '2021-12-01'`,
  );
  if (wijchen.rows[0].truth)
    console.log(
      `Wijchen, approached in 2021: ${wijchen.rows[0].truth} true, ${wijchen.rows[0].published} published (shown to every analyst of the region).`,
    );
} finally {
  await client.end();
  await stop();
}
