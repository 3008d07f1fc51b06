import { CASE_SOURCES, ROLES, ROUTE_TYPE_LABELS, type CaseStatus } from '@herorientatie/domain';
import { actors } from '../../context/actor.ts';
import {
  currentManager,
  currentMunicipalityId,
  type TenantUnitOfWork,
} from '../../db/unit-of-work.ts';
import { ROLE_PERSON, slug } from '../auth/demo-accounts.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';

/** Cases per municipality in the demo region; Wijchen follows the pilot (11 + 20 responses). */
export const DEMO_CASES: Record<string, number> = {
  GM0268: 45,
  GM0296: 31,
  GM1945: 12,
  GM0209: 9,
  GM0225: 7,
  GM0252: 6,
  GM0944: 4,
};

const FIRST = [
  'Anouk',
  'Bram',
  'Chantal',
  'Daan',
  'Esra',
  'Fleur',
  'Gerrit',
  'Hanna',
  'Ivo',
  'Jamila',
  'Kees',
  'Lotte',
  'Mohamed',
  'Noor',
  'Olaf',
  'Petra',
  'Ruben',
  'Sevda',
  'Tim',
  'Yvonne',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'el Idrissi',
  'Hendriks',
  'van Dijk',
  'Peters',
  'Willems',
  'Yilmaz',
  'Verhoeven',
  'Gerritsen',
  'Hermsen',
  'Arts',
  'Derksen',
];
const BUSINESSES: [string, string][] = [
  ['96', 'Kapsalon'],
  ['56', 'Lunchroom'],
  ['74', 'Fotografie'],
  ['43', 'Klussenbedrijf'],
  ['47', 'Cadeauwinkel'],
  ['90', 'Muziekschool'],
  ['62', 'Webdesign'],
  ['49', 'Taxi'],
  ['93', 'Personal training'],
  ['79', 'Reisadvies'],
  ['82', 'Evenementenbureau'],
  ['85', 'Rijschool'],
];
/** Most clients came through the Tozo outreach, as in the pilot; 'other' is not used. */
const SOURCES = [
  'tozo_outreach',
  'tozo_outreach',
  ...CASE_SOURCES.filter((source) => source !== 'other'),
];
/** Status mix: most cases are past intake, some fresh, some finished. */
const STATUSES: CaseStatus[] = [
  'registered',
  'intake_scheduled',
  'intake_done',
  'in_progress',
  'in_progress',
  'in_progress',
  'closed',
  'closed',
  'withdrawn',
];
const OUTCOMES = [
  'business_continued_with_bbz',
  'business_continued_without_bbz',
  'business_stopped_employed',
  'business_with_side_job',
  'debt_settlement',
  'stopped_without_employment',
];
const ROUTE_OUTCOME = {
  strengthen_business: 'plan_carried_out',
  solve_finances: 'settlement_reached',
  employment: 'side_job',
} as const;

/** A small deterministic generator, so every fresh demo database looks the same. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
const date = (d: Date) => d.toISOString().slice(0, 10);

async function upsertDemoUsers(municipalityName: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const role of ROLES) {
    const subject = `${slug(municipalityName)}-${role}`;
    const rows = await q(
      `insert into app_user (municipality_id, subject, name, roles) values ($1, $2, $3, $4)
       on conflict (municipality_id, subject) do update set subject = excluded.subject returning id`,
      [currentMunicipalityId(), subject, `${ROLE_PERSON[role]} ${municipalityName}`, [role]],
    );
    ids[role] = rows[0].id;
  }
  return ids;
}

async function seedMunicipality(name: string, count: number, next: () => number) {
  const existing = await q(`select count(*)::int as n from case_file where municipality_id = $1`, [
    currentMunicipalityId(),
  ]);
  if (existing[0].n > 0) return 0;
  const users = await upsertDemoUsers(name);
  await seedLetterhead(name, users.admin!);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [sbi, kind] = pick(BUSINESSES);
    const registeredDaysAgo = Math.floor(next() * 300) + 1;
    const registered = day(registeredDaysAgo);
    const status = i < STATUSES.length ? STATUSES[i]! : pick(STATUSES);
    const entrepreneur = await q(
      `insert into entrepreneur (municipality_id, name, email, phone, postcode, house_number, business_name, kvk_number,
         legal_form, sbi_code, business_start_date, tozo_periods, partner_income, created_at, street, town)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'eenmanszaak', $9, $10, $11, $12, $13, $14, $15) returning id`,
      [
        currentMunicipalityId(),
        `${first} ${last}`,
        `${slug(first)}.${slug(last)}@example.org`,
        `06 ${String(10_000_000 + Math.floor(next() * 89_999_999))}`,
        `66${String(Math.floor(next() * 90) + 10)} ${pick(['AB', 'CD', 'EF', 'GH', 'KL'])}`,
        String(Math.floor(next() * 150) + 1),
        `${kind} ${last}`,
        `${String(Math.floor(next() * 90_000_000) + 10_000_000)}`.slice(0, 8),
        sbi,
        date(day(registeredDaysAgo + 365 * (2 + Math.floor(next() * 15)))),
        next() < 0.8 ? ['tozo1', 'tozo3'] : [],
        pick(['yes', 'no', 'no_partner', 'unknown']),
        registered,
        pick(DEMO_STREETS),
        name,
      ],
    );
    const counter = await q(
      `insert into case_counter (municipality_id, last_number) values ($1, 1)
       on conflict (municipality_id) do update set last_number = case_counter.last_number + 1 returning last_number`,
      [currentMunicipalityId()],
    );
    const reference = `HO-${registered.getFullYear()}-${String(counter[0].last_number).padStart(4, '0')}`;
    const outcome = status === 'closed' ? pick(OUTCOMES) : null;
    const caseRow = await q(
      `insert into case_file (municipality_id, reference, entrepreneur_id, status, source, source_detail, urgency,
         other_support, caseworker_id, advisor_id, registered_at, intake_scheduled_at, closed_at, outcome,
         withdrawn_reason, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $11, $11) returning id`,
      [
        currentMunicipalityId(),
        reference,
        entrepreneur[0].id,
        status,
        pick(SOURCES),
        null,
        pick(['acute', 'high', 'normal', 'normal', 'normal']),
        pick(['none', 'some', 'sufficient']),
        users.caseworker,
        status === 'registered' && next() < 0.5 ? null : users.advisor,
        registered,
        status === 'intake_scheduled' ? day(-3) : null,
        outcome || status === 'withdrawn' ? day(Math.max(0, registeredDaysAgo - 60)) : null,
        outcome,
        status === 'withdrawn' ? 'Geen behoefte meer aan ondersteuning' : null,
      ],
    );
    const caseId = caseRow[0].id;
    const event = (type: string, summary: string, at: Date) =>
      q(
        `insert into case_event (municipality_id, case_id, type, summary, actor_id, occurred_at) values ($1, $2, $3, $4, $5, $6)`,
        [currentMunicipalityId(), caseId, type, summary, users.caseworker, at],
      );
    await event('registered', `Aangemeld als ${reference}`, registered);
    const hadIntake = ['intake_done', 'in_progress', 'closed'].includes(status);
    if (hadIntake) {
      const intakeDay = day(Math.max(0, registeredDaysAgo - 6));
      await q(
        `insert into intake (municipality_id, case_id, date, mode, advisor_id, viability, bbz_options, recommended_routes, findings, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          currentMunicipalityId(),
          caseId,
          date(intakeDay),
          pick(['face_to_face', 'video', 'phone']),
          users.advisor,
          pick(['viable', 'viable_with_changes', 'not_viable', 'unclear']),
          [pick(['income_support', 'business_credit', 'none'])],
          ['strengthen_business', 'employment'],
          'Omzet sterk gedaald door de coronamaatregelen.',
          users.advisor,
        ],
      );
      await event('intake_recorded', 'Intake vastgelegd', intakeDay);
    }
    if (status === 'in_progress' || status === 'closed') {
      const types =
        next() < 0.5
          ? (['strengthen_business', 'employment'] as const)
          : ([pick(['strengthen_business', 'solve_finances', 'employment'] as const)] as const);
      for (const type of types) {
        const start = day(Math.max(0, registeredDaysAgo - 14));
        await q(
          `insert into case_route (municipality_id, case_id, type, status, start_date, end_date, outcome)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [
            currentMunicipalityId(),
            caseId,
            type,
            status === 'closed' ? 'completed' : 'active',
            date(start),
            status === 'closed' ? date(day(Math.max(0, registeredDaysAgo - 60))) : null,
            status === 'closed' ? ROUTE_OUTCOME[type] : null,
          ],
        );
        await event(
          'route_started',
          `${ROUTE_TYPE_LABELS[type as keyof typeof ROUTE_TYPE_LABELS]} gestart`,
          start,
        );
      }
      if (next() < 0.4) {
        await q(
          `insert into coaching (municipality_id, case_id, organisation, coach, start_date, sessions) values ($1, $2, 'Over Rood', $3, $4, $5)`,
          [
            currentMunicipalityId(),
            caseId,
            `${pick(FIRST)} ${pick(LAST)}`,
            date(day(Math.max(0, registeredDaysAgo - 20))),
            Math.floor(next() * 6),
          ],
        );
      }
    }
    if (status !== 'registered' && next() < 0.7) {
      const contactDaysAgo = Math.floor(next() * Math.min(registeredDaysAgo, 60));
      await q(
        `insert into contact (municipality_id, case_id, occurred_at, channel, user_id, summary) values ($1, $2, $3, $4, $5, $6)`,
        [
          currentMunicipalityId(),
          caseId,
          day(contactDaysAgo),
          pick(['face_to_face', 'video', 'phone']),
          users.caseworker,
          'Voortgang besproken.',
        ],
      );
      await q(`update case_file set last_contact_at = $3 where municipality_id = $1 and id = $2`, [
        currentMunicipalityId(),
        caseId,
        day(contactDaysAgo),
      ]);
      await event('contact_logged', 'Contact: voortgang besproken', day(contactDaysAgo));
    }
  }
  return count;
}

/** Made-up street names for the demo addresses (no real person lives at a demo address). */
const DEMO_STREETS = ['Kerkstraat', 'Molenweg', 'Dorpsstraat', 'Stationsweg', 'Markt', 'Lindelaan'];

/**
 * A complete letterhead, so that demo letters can be made and answered: the municipality's
 * general number (14 + area code) and a made-up postal box.
 */
async function seedLetterhead(municipality: string, adminId: string) {
  const slugged = slug(municipality).replace(/-/g, '');
  await q(
    `insert into letterhead (municipality_id, department, address_lines, phone, email, website,
       signatory_name, signatory_title, updated_by)
     values ($1, 'Team Ondernemers', $2, '14 024', $3, $4, $5, 'Teamleider Werk en Inkomen', $6)
     on conflict (municipality_id) do nothing`,
    [
      currentMunicipalityId(),
      `Postbus 9000\n6500 AA ${municipality}`,
      `ondernemers@${slugged}.example`,
      `www.${slugged}.example`,
      `Team Ondernemers ${municipality}`,
      adminId,
    ],
  );
}

/**
 * Fills an empty development database with realistic cases in every state for the demo
 * region. Does nothing for a municipality that already has cases.
 */
export async function seedDemoData(
  uow: TenantUnitOfWork,
  reference: ReferenceRepository,
): Promise<number> {
  let total = 0;
  const next = random(2021);
  for (const m of await reference.listMunicipalities()) {
    const count = DEMO_CASES[m.code];
    if (!count) continue;
    total += await uow.run(actors.system(m, 'demo-seed'), () =>
      seedMunicipality(m.name, count, next),
    );
  }
  return total;
}
