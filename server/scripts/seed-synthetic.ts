/**
 * Loads a realistic national data set through the real schema and its constraints, with
 * COPY: 35 regions of synthetic municipalities with skewed sizes (the largest about a tenth
 * of all cases), entrepreneurs, cases in every state, intakes, routes, contacts, Tozo
 * recipients with a wave each, and a regional campaign per region whose codes some cases
 * carry. Then it rebuilds the regional figures. Prints how long each step took.
 *
 *   npm run seed:synthetic -- --municipalities 350 --cases 1000000
 *
 * Uses DATABASE_URL, else the embedded PostgreSQL of `npm start`. Adds to what is there:
 * the synthetic municipalities get codes GM5001 and up, so run it on a fresh database.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { resolveAdminUrl } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MUNICIPALITIES = arg('municipalities', 350);
const CASES = arg('cases', 1_000_000);
const REGIONS = Math.min(35, Math.max(1, Math.round(MUNICIPALITIES / 10)));

// Deterministic randomness, so two runs load the same data.
let seed = 20_210_101;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const csv = (v: unknown) =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string' && /[",\n]/.test(v)
      ? `"${v.replace(/"/g, '""')}"`
      : String(v);
const line = (values: unknown[]) => `${values.map(csv).join(',')}\n`;

const logger = createLogger('warn');
const config = loadConfig();
const { adminUrl, stop } = await resolveAdminUrl(config, logger);
const started = performance.now();
const step = async (label: string, work: () => Promise<unknown>) => {
  const t0 = performance.now();
  const result = await work();
  console.log(`${label.padEnd(46)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  return result;
};

const client = new pg.Client({ connectionString: adminUrl });
try {
  await step('migrations', () => migrate(adminUrl, config.db.appPassword, logger));
  await client.connect();
  const copy = (table: string, columns: string[], rows: () => Generator<string>) =>
    pipeline(
      Readable.from(rows(), { objectMode: false }),
      client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`)),
    );

  // Regions and municipalities with skewed sizes (Zipf, s = 0.85: the largest ≈ 10%).
  const weights = Array.from({ length: MUNICIPALITIES }, (_, i) => 1 / Math.pow(i + 1, 0.85));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.round((CASES * w) / sum)));
  const municipalities = sizes.map((size, i) => ({
    id: randomUUID(),
    code: `GM${5001 + i}`,
    name: `Synthetische gemeente ${i + 1}`,
    region: i % REGIONS,
    size,
    user: randomUUID(),
  }));
  const regions = Array.from({ length: REGIONS }, (_, i) => ({
    id: randomUUID(),
    code: `SR${String(i + 1).padStart(2, '0')}`,
  }));
  await step(`${REGIONS} regions, ${MUNICIPALITIES} municipalities, users`, async () => {
    await copy('region', ['id', 'code', 'name'], function* () {
      for (const r of regions) yield line([r.id, r.code, `Synthetische regio ${r.code}`]);
    });
    const centres = new Set<number>();
    await copy('municipality', ['id', 'region_id', 'code', 'name', 'is_centre'], function* () {
      for (const m of municipalities) {
        const centre = !centres.has(m.region);
        centres.add(m.region);
        yield line([m.id, regions[m.region]!.id, m.code, m.name, centre]);
      }
    });
    await copy('app_user', ['municipality_id', 'id', 'subject', 'name', 'roles'], function* () {
      for (const m of municipalities)
        yield line([m.id, m.user, `synthetic-${m.code}`, `Consulent ${m.name}`, '{caseworker}']);
    });
    await copy('case_counter', ['municipality_id', 'last_number'], function* () {
      for (const m of municipalities) yield line([m.id, m.size]);
    });
  });

  // One campaign per region with five channels; about one case in ten carries a code.
  const channelCodes = regions.map(() => [] as string[]);
  await step('campaigns, channels, expenditures', async () => {
    const campaigns = regions.map((r) => ({ id: randomUUID(), region: r.id }));
    await copy(
      'campaign',
      ['region_id', 'id', 'name', 'period_start', 'period_end', 'budget_cents'],
      function* () {
        for (const c of campaigns)
          yield line([c.region, c.id, 'Regionale campagne', '2021-05-01', '2021-09-30', 2_750_000]);
      },
    );
    const kinds = ['social_media', 'radio', 'newspaper', 'website', 'accountants'];
    const channels: { region: string; campaign: string; id: string }[] = [];
    await copy(
      'campaign_channel',
      ['region_id', 'id', 'campaign_id', 'kind', 'name', 'code', 'budget_cents'],
      function* () {
        for (const [i, c] of campaigns.entries()) {
          for (const [k, kind] of kinds.entries()) {
            const id = randomUUID();
            const code = `SYN-${String(i + 1).padStart(2, '0')}${k}`;
            channelCodes[i]!.push(code);
            channels.push({ region: c.region, campaign: c.id, id });
            yield line([c.region, id, c.id, kind, kind, code, 500_000]);
          }
        }
      },
    );
    await copy(
      'campaign_expenditure',
      [
        'region_id',
        'campaign_id',
        'channel_id',
        'amount_cents',
        'spent_on',
        'supplier',
        'recorded_by',
        'recorded_by_name',
      ],
      function* () {
        for (const ch of channels)
          yield line([
            ch.region,
            ch.campaign,
            ch.id,
            100_000 + Math.floor(random() * 300_000),
            '2021-05-15',
            'Leverancier',
            randomUUID(),
            'Coördinator',
          ]);
      },
    );
  });

  const statuses = [
    ['registered', 0.1],
    ['intake_scheduled', 0.05],
    ['intake_done', 0.15],
    ['in_progress', 0.3],
    ['closed', 0.3],
    ['withdrawn', 0.1],
  ] as const;
  const status = () => {
    let r = random();
    for (const [s, p] of statuses) if ((r -= p) < 0) return s;
    return 'registered';
  };
  const sources = [
    'tozo_outreach',
    'tozo_outreach',
    'tozo_outreach',
    'regional_campaign',
    'local_campaign',
    'self_registration',
    'referred_by_accountant',
  ];
  const outcomes = [
    'business_continued_with_bbz',
    'business_continued_without_bbz',
    'business_stopped_employed',
    'business_with_side_job',
    'debt_settlement',
    'stopped_without_employment',
  ];
  const routeOutcome = {
    strengthen_business: 'plan_carried_out',
    solve_finances: 'settlement_reached',
    employment: 'job_part_time',
  } as const;
  const routeTypes = Object.keys(routeOutcome) as (keyof typeof routeOutcome)[];

  interface Case {
    m: (typeof municipalities)[number];
    id: string;
    status: string;
    registered: Date;
    intake: Date | null;
  }
  const cases: Case[] = [];
  await step(`${CASES.toLocaleString('en')} entrepreneurs`, () =>
    copy(
      'entrepreneur',
      [
        'municipality_id',
        'id',
        'name',
        'business_name',
        'legal_form',
        'kvk_number',
        'postcode',
        'tozo_periods',
      ],
      function* () {
        for (const m of municipalities) {
          for (let i = 0; i < m.size; i++) {
            const id = randomUUID();
            const registered = addDays(new Date(Date.UTC(2021, 0, 1)), Math.floor(random() * 700));
            const s = status();
            const intake = ['intake_done', 'in_progress', 'closed'].includes(s)
              ? addDays(registered, 3 + Math.floor(random() * 30))
              : null;
            cases.push({ m, id, status: s, registered, intake });
            yield line([
              m.id,
              id,
              `Ondernemer ${i}`,
              `Bedrijf ${i}`,
              'eenmanszaak',
              String(10_000_000 + i),
              '1234 AB',
              random() < 0.6 ? '{tozo3}' : '{}',
            ]);
          }
        }
      },
    ),
  );
  const caseIds = cases.map(() => randomUUID());
  await step(`${CASES.toLocaleString('en')} cases`, () =>
    copy(
      'case_file',
      [
        'municipality_id',
        'id',
        'reference',
        'entrepreneur_id',
        'status',
        'source',
        'urgency',
        'other_support',
        'caseworker_id',
        'registered_at',
        'closed_at',
        'outcome',
        'withdrawn_reason',
        'campaign_code',
      ],
      function* () {
        for (const [i, c] of cases.entries()) {
          const source = pick(sources);
          const closedAt =
            c.status === 'closed' || c.status === 'withdrawn'
              ? addDays(c.intake ?? c.registered, 30 + Math.floor(random() * 120)).toISOString()
              : null;
          yield line([
            c.m.id,
            caseIds[i],
            `HO-S-${i}`,
            c.id,
            c.status,
            source,
            pick(['acute', 'high', 'normal']),
            pick(['none', 'some', 'sufficient']),
            c.m.user,
            c.registered.toISOString(),
            closedAt,
            c.status === 'closed' ? pick(outcomes) : null,
            c.status === 'withdrawn' ? 'Heeft zelf werk gevonden' : null,
            source === 'regional_campaign' ? pick(channelCodes[c.m.region]!) : null,
          ]);
        }
      },
    ),
  );
  await step('intakes', () =>
    copy(
      'intake',
      ['municipality_id', 'case_id', 'date', 'mode', 'viability', 'bbz_options', 'recorded_by'],
      function* () {
        for (const [i, c] of cases.entries()) {
          if (c.intake)
            yield line([
              c.m.id,
              caseIds[i],
              day(c.intake),
              pick(['face_to_face', 'video', 'phone']),
              pick(['viable', 'viable_with_changes', 'not_viable', 'unclear']),
              '{none}',
              c.m.user,
            ]);
        }
      },
    ),
  );
  await step('routes', () =>
    copy(
      'case_route',
      ['municipality_id', 'case_id', 'type', 'status', 'start_date', 'end_date', 'outcome'],
      function* () {
        for (const [i, c] of cases.entries()) {
          if (c.status !== 'in_progress' && c.status !== 'closed') continue;
          const n = random() < 0.3 ? 2 : 1;
          const types = [...routeTypes].sort(() => random() - 0.5).slice(0, n);
          for (const type of types) {
            const start = addDays(c.intake!, 7 + Math.floor(random() * 30));
            if (c.status === 'closed')
              yield line([
                c.m.id,
                caseIds[i],
                type,
                'completed',
                day(start),
                day(addDays(start, 60)),
                routeOutcome[type],
              ]);
            else yield line([c.m.id, caseIds[i], type, 'active', day(start), null, null]);
          }
        }
      },
    ),
  );
  await step('contacts', () =>
    copy(
      'contact',
      ['municipality_id', 'case_id', 'occurred_at', 'channel', 'user_id', 'summary'],
      function* () {
        for (const [i, c] of cases.entries()) {
          const n = 1 + Math.floor(random() * 3);
          for (let k = 0; k < n; k++)
            yield line([
              c.m.id,
              caseIds[i],
              addDays(c.registered, k * 10).toISOString(),
              pick(['phone', 'email', 'face_to_face']),
              c.m.user,
              'Contact',
            ]);
        }
      },
    ),
  );
  await step('Tozo recipients, waves and responses', async () => {
    const imports = municipalities.map(() => randomUUID());
    const waves = municipalities.map(() => randomUUID());
    await copy(
      'outreach_import',
      [
        'municipality_id',
        'id',
        'filename',
        'encoding',
        'mode',
        'rows',
        'new_count',
        'updated_count',
        'unchanged_count',
        'rejected_count',
        'imported_by',
      ],
      function* () {
        for (const [i, m] of municipalities.entries())
          yield line([
            m.id,
            imports[i],
            'tozo.csv',
            'utf-8',
            'valid-rows',
            m.size,
            m.size,
            0,
            0,
            0,
            m.user,
          ]);
      },
    );
    await copy(
      'outreach_wave',
      ['municipality_id', 'id', 'name', 'channel', 'planned_date', 'created_by'],
      function* () {
        for (const [i, m] of municipalities.entries())
          yield line([
            m.id,
            waves[i],
            'Tozo-gebruikers',
            pick(['letter', 'email']),
            '2021-04-12',
            m.user,
          ]);
      },
    );
    const recipients: { m: (typeof municipalities)[number]; id: string; wave: string }[] = [];
    await copy(
      'outreach_recipient',
      [
        'municipality_id',
        'id',
        'kvk_number',
        'name',
        'tozo_periods',
        'content_hash',
        'last_import_id',
      ],
      function* () {
        for (const [i, m] of municipalities.entries()) {
          const n = Math.round(m.size * 0.5);
          for (let k = 0; k < n; k++) {
            const id = randomUUID();
            recipients.push({ m, id, wave: waves[i]! });
            yield line([
              m.id,
              id,
              String(50_000_000 + k),
              `Ontvanger ${k}`,
              '{tozo3}',
              'h',
              imports[i],
            ]);
          }
        }
      },
    );
    await copy(
      'outreach_contact',
      ['municipality_id', 'wave_id', 'recipient_id', 'response', 'responded_at'],
      function* () {
        for (const r of recipients) {
          const x = random();
          const response =
            x < 0.07
              ? 'interested'
              : x < 0.1
                ? 'not_interested'
                : x < 0.125
                  ? 'already_helped'
                  : 'no_response';
          yield line([
            r.m.id,
            r.wave,
            r.id,
            response,
            response === 'no_response' ? null : '2021-04-26T10:00:00Z',
          ]);
        }
      },
    );
  });
  await step('analyze', () => client.query('analyze'));
  await step('regional figures rollup', () => client.query('select figures.refresh_monthly()'));
  console.log(
    `${'total'.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`,
  );
} finally {
  await client.end();
  await stop();
}
