import type {
  CaseDetail,
  CaseListQuery,
  CaseStatus,
  CaseSummary,
  CaseUpdate,
  WorklistCounts,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { afterCursor, pageOf } from '../../db/keyset.ts';
import { caseSearchFilter } from './case-search.ts';

/** Limits which cases a query reaches: all of the municipality, or those assigned to the user. */
export interface CaseScope {
  userId: string;
  assignedOnly: boolean;
}

export interface CaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  entrepreneur_id: string;
  entrepreneur_name: string;
  business_name: string;
  kvk_number: string | null;
  source: CaseSummary['source'];
  source_detail: string | null;
  urgency: CaseSummary['urgency'];
  other_support: 'none' | 'some' | 'sufficient';
  caseworker_id: string | null;
  caseworker_name: string | null;
  advisor_id: string | null;
  advisor_name: string | null;
  active_routes: string[];
  registered_at: Date;
  updated_at: Date;
  last_contact_at: Date | null;
  intake_scheduled_at: Date | null;
  first_contact_due: string | null;
  intake_mode: CaseDetail['intakeMode'];
  intake_location: string | null;
  intake_video_link: string | null;
  closed_at: Date | null;
  outcome: string | null;
  outcome_note: string | null;
  withdrawn_reason: string | null;
  has_intake: boolean;
  has_active_routes: boolean;
  active_coachings: number;
  campaign_code: string | null;
  self_check: CaseDetail['selfCheck'];
}

const SELECT = `
  select c.id, c.reference, c.status, c.entrepreneur_id, e.name as entrepreneur_name, e.business_name,
         e.kvk_number, c.source, c.source_detail, c.urgency, c.other_support, c.caseworker_id,
         cw.name as caseworker_name, c.advisor_id, adv.name as advisor_name,
         coalesce((select array_agg(r.type order by r.type) from case_route r
                    where r.municipality_id = c.municipality_id and r.case_id = c.id and r.status = 'active'),
                  '{}') as active_routes,
         c.registered_at, c.updated_at, c.last_contact_at, c.intake_scheduled_at, c.closed_at, c.outcome,
         c.intake_mode, c.intake_location, c.intake_video_link, c.outcome_note,
         case when c.last_contact_at is null and c.status in ('registered', 'intake_scheduled')
              then to_char(c.first_contact_due, 'YYYY-MM-DD') end as first_contact_due, c.withdrawn_reason, c.campaign_code, c.self_check,
         exists (select 1 from intake i where i.municipality_id = c.municipality_id and i.case_id = c.id) as has_intake,
         exists (select 1 from case_route r where r.municipality_id = c.municipality_id and r.case_id = c.id
                  and r.status = 'active') as has_active_routes,
         (select count(*) from coaching co where co.municipality_id = c.municipality_id and co.case_id = c.id
                  and co.end_date is null)::int as active_coachings
    from case_file c
    join entrepreneur e on e.municipality_id = c.municipality_id and e.id = c.entrepreneur_id
    left join app_user cw on cw.municipality_id = c.municipality_id and cw.id = c.caseworker_id
    left join app_user adv on adv.municipality_id = c.municipality_id and adv.id = c.advisor_id`;

// The worklists' limits (7 days waiting for intake, 30 days without contact) are fixed
// SQL, the same as the labels users see.
const WORKLIST_SQL = {
  mine: `(c.caseworker_id = $U or c.advisor_id = $U) and c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')`,
  unassigned: `c.caseworker_id is null and c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')`,
  waitingForIntake: `c.status in ('registered', 'intake_scheduled') and c.registered_at < now() - interval '7 days'`,
  noRecentContact: `c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress') and coalesce(c.last_contact_at, c.registered_at) < now() - interval '30 days'`,
  acute: `c.urgency = 'acute' and c.caseworker_id is null and c.status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')`,
  firstContactOverdue: `c.last_contact_at is null and c.status in ('registered', 'intake_scheduled') and c.first_contact_due < (now() at time zone 'Europe/Amsterdam')::date`,
} as const;

/**
 * Sort keys as timestamps, so one keyset cursor serves every order. "Most urgent first"
 * shifts registration back by 100 years for acute and 50 for high: acute cases come first,
 * then high, then normal, each with the longest waiting first (ascending).
 */
const SORT_COLUMN = {
  registeredAt: 'c.registered_at',
  updatedAt: 'c.updated_at',
  urgency: `(c.registered_at - case c.urgency when 'acute' then interval '100 years' when 'high' then interval '50 years' else interval '0' end)`,
} as const;

/** Cases of the current municipality; every query filters by tenant and scope. */
export class CasesRepository {
  async nextReference(): Promise<string> {
    const rows = await currentManager().query(
      `insert into case_counter (municipality_id, last_number) values ($1, 1)
       on conflict (municipality_id) do update set last_number = case_counter.last_number + 1
       returning last_number`,
      [currentMunicipalityId()],
    );
    return `HO-${new Date().getFullYear()}-${String(rows[0].last_number).padStart(4, '0')}`;
  }

  async insert(values: {
    reference: string;
    entrepreneurId: string;
    source: string;
    sourceDetail: string | null;
    urgency: string;
    otherSupport: string;
    caseworkerId: string | null;
    advisorId: string | null;
    outreachWaveId?: string | null;
    campaignCode?: string | null;
    selfCheck?: unknown;
    /** The day the first contact is promised by; an action for the team until it happens. */
    firstContactDue?: string | null;
    createdBy?: string | null;
  }): Promise<string> {
    const rows = await currentManager().query(
      `insert into case_file (municipality_id, reference, entrepreneur_id, source, source_detail, urgency,
         other_support, caseworker_id, advisor_id, outreach_wave_id, campaign_code, self_check, first_contact_due)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
      [
        currentMunicipalityId(),
        values.reference,
        values.entrepreneurId,
        values.source,
        values.sourceDetail,
        values.urgency,
        values.otherSupport,
        values.caseworkerId,
        values.advisorId,
        values.outreachWaveId ?? null,
        values.campaignCode ?? null,
        values.selfCheck === undefined ? null : JSON.stringify(values.selfCheck),
        values.firstContactDue ?? null,
      ],
    );
    const id: string = rows[0].id;
    if (values.firstContactDue) {
      await currentManager().query(
        `insert into case_action (municipality_id, case_id, kind, title, due_on, owner_id, created_by)
         values ($1, $2, 'first_contact', 'Eerste contact opnemen', $3, $4, $5)`,
        [
          currentMunicipalityId(),
          id,
          values.firstContactDue,
          values.caseworkerId,
          values.createdBy ?? null,
        ],
      );
    }
    return id;
  }

  /** The receipt number a public sign-up got, so that a call about it finds the case. */
  async recordReceipt(receipt: string, caseId: string): Promise<void> {
    await currentManager().query(
      'insert into sign_up_receipt (municipality_id, receipt, case_id) values ($1, $2, $3)',
      [currentMunicipalityId(), receipt, caseId],
    );
  }

  /** The planned intake is a next action too: created, or moved to the new date. */
  async planIntakeAction(
    caseId: string,
    dueOn: string,
    ownerId: string | null,
    by: string,
    title = 'Intake',
  ) {
    await currentManager().query(
      `insert into case_action (municipality_id, case_id, kind, title, due_on, owner_id, created_by)
       values ($1, $2, 'intake', $6, $3, $4, $5)
       on conflict (municipality_id, case_id) where kind = 'intake' and status = 'open'
       do update set due_on = excluded.due_on, owner_id = excluded.owner_id, title = excluded.title`,
      [currentMunicipalityId(), caseId, dueOn, ownerId, by, title],
    );
  }

  /** Referrals of the case a partner still works on (sent, received or started). */
  async runningReferrals(
    caseId: string,
  ): Promise<{ id: string; partner: string; email: string | null; status: string }[]> {
    return currentManager().query(
      `select r.id, p.name as partner, p.email, r.status from referral r
         join partner_organisation p on p.id = r.partner_id
        where r.municipality_id = $1 and r.case_id = $2 and r.status in ('sent', 'received', 'started')
        order by r.last_change_at`,
      [currentMunicipalityId(), caseId],
    );
  }

  /** Ends a running referral because the case closed: not realised, with the reason. */
  async withdrawReferral(referralId: string, why: string, by: string): Promise<void> {
    await currentManager().query(
      `update referral set status = 'not_realised', not_realised_reason = 'other', last_change_at = now()
        where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), referralId],
    );
    await currentManager().query(
      `insert into referral_event (municipality_id, referral_id, status, by_name, note)
       values ($1, $2, 'not_realised', $3, $4)`,
      [currentMunicipalityId(), referralId, by, why],
    );
  }

  /** Open actions end with the case: they no longer count as due on anyone's start page. */
  async closeOpenActions(caseId: string, how: 'done' | 'dropped'): Promise<number> {
    const [, count] = await currentManager().query(
      `update case_action set status = $3, closed_at = now()
        where municipality_id = $1 and case_id = $2 and status = 'open'`,
      [currentMunicipalityId(), caseId, how],
    );
    return count;
  }

  /** Open actions nobody owns (the first contact of a new case) go to whoever takes the case. */
  async claimOpenActions(caseId: string, to: string): Promise<number> {
    const [, count] = await currentManager().query(
      `update case_action set owner_id = $3
        where municipality_id = $1 and case_id = $2 and status = 'open' and owner_id is null`,
      [currentMunicipalityId(), caseId, to],
    );
    return count;
  }

  /** Names of staff of the municipality, for the timeline ("consulent A → B"). */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await currentManager().query(
      'select id, name from app_user where municipality_id = $1 and id = any($2::uuid[])',
      [currentMunicipalityId(), ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** On handover the open actions of the person handing over go to the one taking over. */
  async moveOpenActions(caseId: string, from: string, to: string): Promise<number> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [, moved]: [unknown[], number] = await currentManager().query(
      `update case_action set owner_id = $4
        where municipality_id = $1 and case_id = $2 and owner_id = $3 and status = 'open'`,
      [currentMunicipalityId(), caseId, from, to],
    );
    return moved;
  }

  async completeIntakeAction(caseId: string) {
    await currentManager().query(
      `update case_action set status = 'done', closed_at = now()
        where municipality_id = $1 and case_id = $2 and kind = 'intake' and status = 'open'`,
      [currentMunicipalityId(), caseId],
    );
  }

  async openCaseId(entrepreneurId: string): Promise<string | null> {
    const rows = await currentManager().query(
      `select id from case_file where municipality_id = $1 and entrepreneur_id = $2
          and status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')`,
      [currentMunicipalityId(), entrepreneurId],
    );
    return rows[0]?.id ?? null;
  }

  async hasOpenCase(entrepreneurId: string): Promise<string | null> {
    const rows = await currentManager().query(
      `select reference from case_file where municipality_id = $1 and entrepreneur_id = $2
          and status in ('registered', 'intake_scheduled', 'intake_done', 'in_progress')`,
      [currentMunicipalityId(), entrepreneurId],
    );
    return rows[0]?.reference ?? null;
  }

  /** One case within scope, optionally locked for a change; null when not visible. */
  async find(id: string, scope: CaseScope, forUpdate = false): Promise<CaseRow | null> {
    if (forUpdate) {
      await currentManager().query(
        `select 1 from case_file where municipality_id = $1 and id = $2 for update`,
        [currentMunicipalityId(), id],
      );
    }
    const rows: CaseRow[] = await currentManager().query(
      `${SELECT} where c.municipality_id = $1 and c.id = $2 and ($3::uuid is null or c.advisor_id = $3)`,
      [currentMunicipalityId(), id, scope.assignedOnly ? scope.userId : null],
    );
    return rows[0] ?? null;
  }

  async update(id: string, patch: CaseUpdate): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [currentMunicipalityId(), id];
    const columns = {
      urgency: 'urgency',
      otherSupport: 'other_support',
      sourceDetail: 'source_detail',
      caseworkerId: 'caseworker_id',
      advisorId: 'advisor_id',
    } as const;
    for (const [key, column] of Object.entries(columns) as [keyof CaseUpdate, string][]) {
      if (patch[key] !== undefined) {
        params.push(patch[key]);
        sets.push(`${column} = $${params.length}`);
      }
    }
    if (sets.length === 0) return;
    await currentManager().query(
      `update case_file set ${sets.join(', ')}, updated_at = now() where municipality_id = $1 and id = $2`,
      params,
    );
  }

  async setStatus(
    id: string,
    status: CaseStatus,
    extra: {
      intakeScheduledAt?: string;
      intake?: { mode: string; location: string | null; videoLink: string | null };
      outcome?: string | null;
      outcomeNote?: string | null;
      withdrawnReason?: string | null;
      closedAt?: 'now' | null;
    } = {},
  ): Promise<void> {
    await currentManager().query(
      `update case_file set status = $3,
          intake_scheduled_at = coalesce($4::timestamptz, intake_scheduled_at),
          intake_mode = case when $9::boolean then $10 else intake_mode end,
          intake_location = case when $9::boolean then $11 else intake_location end,
          intake_video_link = case when $9::boolean then $12 else intake_video_link end,
          outcome = $5, outcome_note = $6, withdrawn_reason = $7,
          closed_at = case when $8 then now() else null end,
          updated_at = now()
        where municipality_id = $1 and id = $2`,
      [
        currentMunicipalityId(),
        id,
        status,
        extra.intakeScheduledAt ?? null,
        extra.outcome ?? null,
        extra.outcomeNote ?? null,
        extra.withdrawnReason ?? null,
        extra.closedAt === 'now',
        extra.intake !== undefined,
        extra.intake?.mode ?? null,
        extra.intake?.location ?? null,
        extra.intake?.videoLink ?? null,
      ],
    );
  }

  /** A contact (or an intake) happened: the clock of the first contact stops, its action is done. */
  async touchContact(id: string, occurredAt: string): Promise<void> {
    await currentManager().query(
      `update case_file set last_contact_at = greatest(coalesce(last_contact_at, $3::timestamptz), $3::timestamptz),
          updated_at = now()
        where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id, occurredAt],
    );
    await currentManager().query(
      `update case_action set status = 'done', closed_at = now()
        where municipality_id = $1 and case_id = $2 and kind = 'first_contact' and status = 'open'`,
      [currentMunicipalityId(), id],
    );
  }

  async touch(id: string): Promise<void> {
    await currentManager().query(
      `update case_file set updated_at = now() where municipality_id = $1 and id = $2`,
      [currentMunicipalityId(), id],
    );
  }

  async list(
    query: CaseListQuery,
    scope: CaseScope,
  ): Promise<{ rows: CaseRow[]; nextCursor: string | null }> {
    const params: unknown[] = [currentMunicipalityId()];
    const where: string[] = ['c.municipality_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('$?', `$${params.length}`));
    };
    if (scope.assignedOnly) add('c.advisor_id = $?', scope.userId);
    if (query.status) add('c.status = $?', query.status);
    if (query.source) add('c.source = $?', query.source);
    if (query.urgency) add('c.urgency = $?', query.urgency);
    if (query.advisorId) add('c.advisor_id = $?', query.advisorId);
    if (query.route) {
      add(
        `exists (select 1 from case_route r where r.municipality_id = c.municipality_id and r.case_id = c.id and r.type = $? and r.status = 'active')`,
        query.route,
      );
    }
    if (query.q) {
      // The search of the header, as a filter: every shape it finds, the list finds.
      params.push(query.q, query.q.replace(/\s/g, ''));
      where.push(caseSearchFilter(query.q, params.length - 1, params.length));
    }
    if (query.worklist) {
      let sql: string = WORKLIST_SQL[query.worklist];
      if (sql.includes('$U')) {
        params.push(scope.userId);
        sql = sql.replaceAll('$U', `$${params.length}`);
      }
      where.push(sql);
    }
    const descending = query.sort.startsWith('-');
    const column = SORT_COLUMN[query.sort.replace('-', '') as keyof typeof SORT_COLUMN];
    const direction = descending ? 'desc' : 'asc';
    if (query.cursor) {
      where.push(
        afterCursor(query.cursor, column, 'c.id', descending, (value) => {
          params.push(value);
          return `$${params.length}`;
        }),
      );
    }
    params.push(query.pageSize + 1);
    const rows: (CaseRow & { sort_value: Date })[] = await currentManager().query(
      `select * from (${SELECT.replace('select c.id,', `select ${column} as sort_value, c.id,`)}
         where ${where.join(' and ')}) page
        order by sort_value ${direction}, id ${direction} limit $${params.length}`,
      params,
    );
    return pageOf(rows, query.pageSize, (row) => ({ value: row.sort_value, id: row.id }));
  }

  async worklistCounts(userId: string, assignedOnly: boolean): Promise<WorklistCounts> {
    const rows = await currentManager().query(
      `select count(*) filter (where ${WORKLIST_SQL.mine.replaceAll('$U', '$2')})::int as mine,
              count(*) filter (where ${WORKLIST_SQL.unassigned})::int as unassigned,
              count(*) filter (where ${WORKLIST_SQL.waitingForIntake})::int as "waitingForIntake",
              count(*) filter (where ${WORKLIST_SQL.noRecentContact})::int as "noRecentContact",
              count(*) filter (where ${WORKLIST_SQL.acute})::int as acute,
              count(*) filter (where ${WORKLIST_SQL.firstContactOverdue})::int as "firstContactOverdue"
         from case_file c
        where c.municipality_id = $1 and ($3::uuid is null or c.advisor_id = $3)`,
      [currentMunicipalityId(), userId, assignedOnly ? userId : null],
    );
    return rows[0];
  }
}
