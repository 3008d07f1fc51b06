import { actors } from '../../context/actor.ts';
import {
  currentManager,
  currentMunicipalityId,
  type TenantUnitOfWork,
} from '../../db/unit-of-work.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import { DEMO_CASES } from './demo-seed.ts';

/** Contract prices of the demo region (per client), as in Wijchen's council proposal. */
const PRICES: Record<string, [string, number][]> = {
  intake: [['Ondernemersklankbord', 15_000]],
  perspective_analysis: [['Ondernemersklankbord', 40_500]],
  coaching: [['Over Rood', 14_000]],
};

/** Which partner a running route is referred to. */
const PARTNER_OF_ROUTE: Record<string, string> = {
  employment: 'werkbedrijf',
  strengthen_business: 'leerwerkloket',
  solve_finances: 'schuldhulp',
};

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The programme year of one municipality on top of its demo cases: perspective analyses,
 * contracts, cost lines for intakes, analyses and coaching, a budget, referrals in every
 * state (sent, received, started, stalled, not realised) with consent where data is shared,
 * Bbz requests and TONK applications. Does nothing when the municipality has referrals.
 */
async function seedProgramme(name: string, next: () => number): Promise<number> {
  const q = (sql: string, params: unknown[] = []) => currentManager().query(sql, params);
  const m = currentMunicipalityId();
  if ((await q('select 1 from referral limit 1')).length > 0) return 0;
  const user = (await q('select id from app_user order by created_at limit 1'))[0]?.id as string;
  if (!user) return 0;
  const year = new Date().getFullYear();
  const today = new Date();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;

  // Contracts where the municipality has none for a service.
  for (const [service, prices] of Object.entries(PRICES)) {
    const [provider, price] = prices[0]!;
    const has = await q('select 1 from contract where service_type = $1 limit 1', [service]);
    if (has.length === 0)
      await q(
        `insert into contract (municipality_id, provider, service_type, price_cents, valid_from, created_by)
         values ($1, $2, $3, $4, $5, $6)`,
        [m, provider, service, price, `${year}-01-01`, user],
      );
  }
  const contract = async (service: string) =>
    (
      await q(
        `select id, provider, price_cents from contract where service_type = $1 order by valid_from desc limit 1`,
        [service],
      )
    )[0] as { id: string; provider: string; price_cents: string };
  const charge = async (caseId: string, service: string, on: string, key: string) => {
    const c = await contract(service);
    await q(
      `insert into cost_line (municipality_id, case_id, service_type, contract_id, provider, amount_cents, kind, event_key, occurred_on, created_by)
       values ($1, $2, $3, $4, $5, $6, 'charge', $7, $8, $9)
       on conflict (municipality_id, event_key) where kind = 'charge' do nothing`,
      [m, caseId, service, c.id, c.provider, c.price_cents, key, on, user],
    );
  };

  // The budget for the year, scaled to the number of cases.
  const cases =
    DEMO_CASES[(await q('select code from municipality where id = $1', [m]))[0].code] ?? 5;
  await q(
    `insert into budget (municipality_id, year, coverage, planned, assumptions, updated_by)
     values ($1, $2, $3, $4, '{}'::jsonb, $5) on conflict (municipality_id, year) do nothing`,
    [
      m,
      year,
      JSON.stringify([{ source: `Participatiebudget ${year}`, amountCents: cases * 90_000 }]),
      JSON.stringify({
        intake: cases * 15_000,
        perspective_analysis: Math.round(cases * 0.6) * 40_500,
        coaching: Math.round(cases * 0.4) * 14_000,
        debt_restructuring: 0,
        local_communication: 100_000,
      }),
      user,
    ],
  );

  const withIntake: { case_id: string; entrepreneur_id: string; date: Date; status: string }[] =
    await q(
      `select i.case_id, f.entrepreneur_id, i.date::timestamptz as date, f.status
       from intake i join case_file f on f.municipality_id = i.municipality_id and f.id = i.case_id
      order by i.date, i.case_id`,
    );
  let created = 0;
  for (const c of withIntake) {
    await charge(c.case_id, 'intake', iso(c.date), `intake:${c.case_id}`);
    if (next() < 0.6) {
      const on = addDays(c.date, 7 + Math.floor(next() * 10));
      if (on <= today) {
        await q(
          `insert into perspective_analysis (municipality_id, case_id, provider, date, conclusion, recorded_by)
           values ($1, $2, 'Ondernemersklankbord', $3, $4, $5)`,
          [
            m,
            c.case_id,
            iso(on),
            pick(['Doorgaan met aanpassingen', 'Overstap naar werk', 'Doorgaan']),
            user,
          ],
        );
        await charge(
          c.case_id,
          'perspective_analysis',
          iso(on),
          `perspective_analysis:${c.case_id}`,
        );
        created++;
      }
    }
  }
  const coached: { case_id: string; start_date: Date }[] = await q(
    'select case_id, start_date::timestamptz as start_date from coaching',
  );
  for (const c of coached)
    await charge(c.case_id, 'coaching', iso(c.start_date), `coaching:${c.case_id}`);

  // Referrals from running and closed routes, in every state.
  const routes: {
    id: string;
    case_id: string;
    type: string;
    entrepreneur_id: string;
    start_date: Date;
  }[] = await q(
    `select r.id, r.case_id, r.type, f.entrepreneur_id, r.start_date::timestamptz as start_date
         from case_route r join case_file f on f.municipality_id = r.municipality_id and f.id = r.case_id
        order by r.start_date, r.id`,
  );
  for (const r of routes) {
    if (next() < 0.35) continue;
    const partner = (
      await q('select id, name from partner_organisation where code = $1', [
        PARTNER_OF_ROUTE[r.type],
      ])
    )[0] as { id: string; name: string } | undefined;
    if (!partner) continue;
    const sent = addDays(r.start_date, 2 + Math.floor(next() * 5));
    if (sent > today) continue;
    const byUs = next() < 0.5;
    let consentId: string | null = null;
    if (byUs) {
      consentId = (
        await q(
          `insert into consent (municipality_id, entrepreneur_id, partner_id, categories, given_how, given_on, recorded_by)
           values ($1, $2, $3, '{contact,business}', 'in_conversation', $4, $5) returning id`,
          [m, r.entrepreneur_id, partner.id, iso(sent), user],
        )
      )[0].id;
    }
    const roll = next();
    const daysSince = (today.getTime() - sent.getTime()) / 86_400_000;
    const status =
      daysSince < 7
        ? 'sent'
        : roll < 0.5
          ? 'started'
          : roll < 0.65
            ? 'received'
            : roll < 0.8
              ? 'not_realised'
              : 'sent';
    const last = addDays(sent, status === 'sent' ? 0 : 3 + Math.floor(next() * 12));
    const referral = (
      await q(
        `insert into referral (municipality_id, case_id, route_id, partner_id, mode, status, categories, consent_id,
           shared_data, municipality_name, follow_up_on, not_realised_reason, sent_at, last_change_at, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
        [
          m,
          r.case_id,
          r.id,
          partner.id,
          byUs ? 'by_us' : 'self',
          status,
          byUs ? ['contact', 'business'] : [],
          consentId,
          byUs ? JSON.stringify({ note: 'Gedeeld met toestemming' }) : null,
          name,
          iso(addDays(sent, 14)),
          status === 'not_realised'
            ? pick(['no_show', 'entrepreneur_withdrew', 'partner_no_response'])
            : null,
          sent,
          last,
          user,
        ],
      )
    )[0].id;
    const events: [string, Date][] = [['sent', sent]];
    if (status === 'received' || status === 'started') events.push(['received', addDays(sent, 1)]);
    if (status === 'started') events.push(['started', last]);
    if (status === 'not_realised') events.push(['not_realised', last]);
    for (const [s, at] of events)
      await q(
        `insert into referral_event (municipality_id, referral_id, status, at, by_name) values ($1, $2, $3, $4, $5)`,
        [m, referral, s, at, s === 'sent' ? 'Consulent' : partner.name],
      );
    created++;
    // Debt routes: a Bbz request for living costs or a business credit.
    if (r.type === 'solve_finances' || next() < 0.15) {
      const kind = next() < 0.6 ? 'income_support' : 'business_credit';
      const decided = next() < 0.7;
      await q(
        `insert into bbz_request (municipality_id, case_id, kind, amount_cents, requested_on, decision, granted_cents, decided_on, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          m,
          r.case_id,
          kind,
          kind === 'business_credit' ? 800_000 : null,
          iso(sent),
          decided ? 'granted' : 'pending',
          decided ? (kind === 'business_credit' ? 800_000 : 0) : null,
          decided ? iso(addDays(sent, 10)) : null,
          user,
        ],
      );
    }
  }

  // TONK applications through the year, some from self-employed applicants.
  const tonk = Math.max(2, Math.round(cases / 4));
  for (let i = 0; i < tonk; i++) {
    const received = addDays(today, -Math.floor(next() * 300) - 5);
    const decision = pick(['granted', 'granted', 'rejected', 'pending'] as const);
    await q(
      `insert into tonk_application (municipality_id, name, self_employed, business_name, kvk_number,
         monthly_housing_costs_cents, requested_cents, period_from, period_to, received_on, decision,
         granted_cents, decided_on, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        m,
        `Aanvrager ${i + 1}`,
        next() < 0.7,
        `Zaak ${i + 1}`,
        String(80_000_000 + Math.floor(next() * 9_999_999)),
        95_000,
        190_000,
        iso(received),
        iso(addDays(received, 90)),
        iso(received),
        decision,
        decision === 'granted' ? 190_000 : null,
        decision === 'pending' ? null : iso(addDays(received, 14)),
        user,
      ],
    );
    created++;
  }
  return created;
}

/** The programme year for every demo municipality; nothing for one that has referrals. */
export async function seedDemoProgramme(
  uow: TenantUnitOfWork,
  reference: ReferenceRepository,
): Promise<number> {
  const next = seeded(2026);
  let total = 0;
  for (const m of await reference.listMunicipalities()) {
    if (!DEMO_CASES[m.code]) continue;
    total += await uow.run(actors.system(m, 'demo-programme'), () => seedProgramme(m.name, next));
  }
  return total;
}
