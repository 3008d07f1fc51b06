import type { Consent, ConsentInput, ReferralInput, ReferralStatus } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const m = () => currentMunicipalityId();
const iso = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface ReferralRow {
  id: string;
  municipality_id: string;
  case_id: string;
  case_reference: string;
  partner_id: string;
  partner_name: string;
  partner_email: string | null;
  partner_kind: string;
  route_id: string | null;
  mode: 'by_us' | 'self';
  status: ReferralStatus;
  categories: string[];
  follow_up_on: string;
  last_change_at: string;
  not_realised_reason: string | null;
  cost_bearer: 'bbz_credit' | 'municipality' | null;
  stalled: boolean;
  created_by: string;
}

const REFERRAL = (stalledDays: number) => `
  select r.id, r.municipality_id, r.case_id, f.reference as case_reference, r.partner_id, p.name as partner_name,
         p.email as partner_email, p.kind as partner_kind, r.route_id, r.mode, r.status, r.categories,
         to_char(r.follow_up_on, 'YYYY-MM-DD') as follow_up_on, ${iso('r.last_change_at')} as last_change_at,
         r.not_realised_reason, r.cost_bearer, r.created_by,
         (r.status in ('sent', 'received', 'started') and (r.follow_up_on < current_date
           or r.last_change_at < now() - make_interval(days => ${Number(stalledDays)}))) as stalled
    from referral r
    join case_file f on f.municipality_id = r.municipality_id and f.id = r.case_id
    join partner_organisation p on p.id = r.partner_id`;

/** Consent and referrals of the current municipality. */
export class ReferralsRepository {
  constructor(private readonly stalledDays: number) {}

  listConsents(entrepreneurId: string): Promise<Consent[]> {
    return q(
      `select c.id, c.partner_id as "partnerId", p.name as "partnerName", c.categories, c.given_how as "givenHow",
              to_char(c.given_on, 'YYYY-MM-DD') as "givenOn", c.document_id as "documentId", u.name as "recordedByName",
              ${iso('c.withdrawn_at')} as "withdrawnAt", c.withdrawn_reason as "withdrawnReason"
         from consent c join partner_organisation p on p.id = c.partner_id
         join app_user u on u.municipality_id = c.municipality_id and u.id = c.recorded_by
        where c.municipality_id = $1 and c.entrepreneur_id = $2 order by c.created_at desc`,
      [m(), entrepreneurId],
    );
  }

  async insertConsent(entrepreneurId: string, input: ConsentInput, by: string): Promise<string> {
    const rows = await q(
      `insert into consent (municipality_id, entrepreneur_id, partner_id, categories, given_how, given_on, document_id, note, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        m(),
        entrepreneurId,
        input.partnerId,
        input.categories,
        input.givenHow,
        input.givenOn,
        input.documentId ?? null,
        input.note ?? null,
        by,
      ],
    );
    return rows[0].id;
  }

  async withdrawConsent(
    entrepreneurId: string,
    consentId: string,
    reason: string,
    by: string,
  ): Promise<string | null> {
    const [rows]: [{ partner_id: string }[], number] = await q(
      `update consent set withdrawn_at = now(), withdrawn_by = $5, withdrawn_reason = $4
        where municipality_id = $1 and entrepreneur_id = $2 and id = $3 and withdrawn_at is null returning partner_id`,
      [m(), entrepreneurId, consentId, reason, by],
    );
    return rows[0]?.partner_id ?? null;
  }

  /** The valid consent of an entrepreneur for a partner that covers all the categories. */
  async validConsent(
    entrepreneurId: string,
    partnerId: string,
    categories: string[],
  ): Promise<string | null> {
    const rows = await q(
      `select id from consent where municipality_id = $1 and entrepreneur_id = $2 and partner_id = $3
          and withdrawn_at is null and categories @> $4::text[] order by created_at desc limit 1`,
      [m(), entrepreneurId, partnerId, categories],
    );
    return rows[0]?.id ?? null;
  }

  async insertReferral(
    caseId: string,
    input: ReferralInput,
    extra: {
      municipalityName: string;
      costBearer: string | null;
      by: string;
      notifyEmail: string | null;
    },
  ): Promise<string> {
    const rows = await q(
      `insert into referral (municipality_id, case_id, route_id, partner_id, mode, categories, note, follow_up_on,
         municipality_name, cost_bearer, created_by, notify_email)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        m(),
        caseId,
        input.routeId ?? null,
        input.partnerId,
        input.mode,
        input.categories,
        input.note ?? null,
        input.followUpOn,
        extra.municipalityName,
        extra.costBearer,
        extra.by,
        extra.notifyEmail,
      ],
    );
    return rows[0].id;
  }

  async find(caseId: string, id: string, lock = false): Promise<ReferralRow | null> {
    const rows = await q(
      `${REFERRAL(this.stalledDays)} where r.municipality_id = $1 and r.case_id = $2 and r.id = $3${lock ? ' for update of r' : ''}`,
      [m(), caseId, id],
    );
    return rows[0] ?? null;
  }

  listForCase(caseId: string): Promise<ReferralRow[]> {
    return q(
      `${REFERRAL(this.stalledDays)} where r.municipality_id = $1 and r.case_id = $2 order by r.last_change_at desc`,
      [m(), caseId],
    );
  }

  listStalled(advisorId: string | null): Promise<ReferralRow[]> {
    return q(
      `select * from (${REFERRAL(this.stalledDays)} where r.municipality_id = $1
         and ($2::uuid is null or f.advisor_id = $2)) x where x.stalled order by x.follow_up_on`,
      [m(), advisorId],
    );
  }

  async countStalled(advisorId: string | null): Promise<number> {
    const rows = await q(
      `select count(*)::int as n from referral r join case_file f on f.municipality_id = r.municipality_id and f.id = r.case_id
        where r.municipality_id = $1 and ($2::uuid is null or f.advisor_id = $2)
          and r.status in ('sent', 'received', 'started')
          and (r.follow_up_on < current_date or r.last_change_at < now() - make_interval(days => ${Number(this.stalledDays)}))`,
      [m(), advisorId],
    );
    return rows[0].n;
  }

  async setStatus(
    id: string,
    status: ReferralStatus,
    extra: {
      reason?: string | null;
      sharedData?: unknown;
      consentId?: string | null;
      followUpOn?: string;
    },
  ) {
    await q(
      `update referral set status = $3, last_change_at = now(),
              not_realised_reason = $4,
              shared_data = coalesce($5::jsonb, shared_data), consent_id = coalesce($6, consent_id),
              sent_at = case when $3 = 'sent' then now() else sent_at end,
              follow_up_on = coalesce($7::date, follow_up_on)
        where id = $2 and ($1::uuid is null or municipality_id = $1)`,
      [
        m() || null,
        id,
        status,
        extra.reason ?? null,
        extra.sharedData === undefined ? null : JSON.stringify(extra.sharedData),
        extra.consentId ?? null,
        extra.followUpOn ?? null,
      ],
    );
  }

  async addEvent(
    municipalityId: string,
    referralId: string,
    status: ReferralStatus,
    by: string,
    note: string | null,
  ) {
    await q(
      `insert into referral_event (municipality_id, referral_id, status, by_name, note) values ($1, $2, $3, $4, $5)`,
      [municipalityId, referralId, status, by, note],
    );
  }

  /** Removes a draft referral and its events; the database refuses any other status. */
  async discardDraft(referralId: string): Promise<void> {
    await q(`delete from referral_event where municipality_id = $1 and referral_id = $2`, [
      m(),
      referralId,
    ]);
    const [, deleted] = (await q(
      `delete from referral where municipality_id = $1 and id = $2 and status = 'draft'`,
      [m(), referralId],
    )) as [unknown, number];
    if (deleted !== 1) throw new Error('draft referral not deleted');
  }

  events(referralId: string) {
    return q(
      `select status, ${iso('at')} as at, by_name as by, note from referral_event
        where municipality_id = $1 and referral_id = $2 order by at`,
      [m(), referralId],
    );
  }

  /** What a partner sees: only sent referrals to it (row-level security decides). */
  partnerList() {
    return q(
      `select r.id, r.municipality_id, r.municipality_name as "municipalityName", r.status, ${iso('r.sent_at')} as "sentAt",
              r.shared_data as "sharedData", r.categories, r.note
         from referral r order by r.sent_at desc nulls last`,
      [],
    );
  }

  /** Reminders: stalled referrals of the current municipality not reminded today. */
  /** Locked, so two reminder runs at once never remind twice. */
  async dueReminders(): Promise<(ReferralRow & { caseworker_email: string | null })[]> {
    return q(
      `${REFERRAL(this.stalledDays).replace('r.created_by,', 'r.created_by, r.notify_email as caseworker_email,')}
        where r.municipality_id = $1 and (r.reminded_on is null or r.reminded_on < current_date)
          and r.status in ('sent', 'received', 'started')
          and (r.follow_up_on < current_date or r.last_change_at < now() - make_interval(days => ${Number(this.stalledDays)}))
        for update of r skip locked`,
      [m()],
    );
  }

  async markReminded(ids: string[]) {
    await q(
      `update referral set reminded_on = current_date where municipality_id = $1 and id = any($2)`,
      [m(), ids],
    );
  }
}
