import type {
  CorrectableRecord,
  RecordVersion,
  Coaching,
  Contact,
  Intake,
  PerspectiveAnalysis,
  Route,
  CoachingInput,
  ContactInput,
  IntakeInput,
  PerspectiveAnalysisInput,
  RouteEnd,
  RouteStart,
} from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const m = () => currentMunicipalityId();
const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);

const ANALYSIS = `select id, provider, to_char(date, 'YYYY-MM-DD') as date, conclusion,
    report_attachment_id as "reportAttachmentId", version from perspective_analysis`;
const CONTACT = `select c.id, c.occurred_at as "occurredAt", c.channel, c.summary, u.name as "userName", c.version
    from contact c join app_user u on u.municipality_id = c.municipality_id and u.id = c.user_id`;
const VERSIONED_TABLES: Record<CorrectableRecord, string> = {
  intake: 'intake',
  'perspective-analysis': 'perspective_analysis',
  contact: 'contact',
  note: 'case_note',
};

/** Intake, analysis, routes, coaching and contacts of a case (current municipality). */
export class CaseRecordsRepository {
  async insertIntake(caseId: string, input: IntakeInput, recordedBy: string) {
    const rows = await q(
      `insert into intake (municipality_id, case_id, date, mode, advisor_id, viability, sector_prospects,
         bbz_options, bbz_not_eligible_reason, recommended_routes, findings, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [
        m(),
        caseId,
        input.date,
        input.mode,
        input.advisorId ?? null,
        input.viability,
        input.sectorProspects ?? null,
        input.bbzOptions,
        input.bbzNotEligibleReason ?? null,
        input.recommendedRoutes,
        input.findings ?? null,
        recordedBy,
      ],
    );
    return rows[0].id as string;
  }

  async findIntake(caseId: string): Promise<Intake | null> {
    const rows = await q(
      `select i.id, to_char(i.date, 'YYYY-MM-DD') as date, i.mode, i.advisor_id as "advisorId", u.name as "advisorName",
              i.viability, i.sector_prospects as "sectorProspects", i.bbz_options as "bbzOptions",
              i.bbz_not_eligible_reason as "bbzNotEligibleReason", i.recommended_routes as "recommendedRoutes",
              i.findings, i.version
         from intake i left join app_user u on u.municipality_id = i.municipality_id and u.id = i.advisor_id
        where i.municipality_id = $1 and i.case_id = $2`,
      [m(), caseId],
    );
    return rows[0] ?? null;
  }

  async insertAnalysis(caseId: string, input: PerspectiveAnalysisInput, recordedBy: string) {
    const rows = await q(
      `insert into perspective_analysis (municipality_id, case_id, provider, date, conclusion, report_attachment_id, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        m(),
        caseId,
        input.provider,
        input.date,
        input.conclusion,
        input.reportAttachmentId ?? null,
        recordedBy,
      ],
    );
    return rows[0].id as string;
  }

  listAnalyses(caseId: string): Promise<PerspectiveAnalysis[]> {
    return q(`${ANALYSIS} where municipality_id = $1 and case_id = $2 order by date, id`, [
      m(),
      caseId,
    ]);
  }

  async findAnalysis(caseId: string, id: string): Promise<PerspectiveAnalysis | null> {
    const rows = await q(`${ANALYSIS} where municipality_id = $1 and case_id = $2 and id = $3`, [
      m(),
      caseId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async updateIntake(caseId: string, input: IntakeInput) {
    await q(
      `update intake set date = $3, mode = $4, advisor_id = $5, viability = $6, sector_prospects = $7,
              bbz_options = $8, bbz_not_eligible_reason = $9, recommended_routes = $10, findings = $11,
              version = version + 1, updated_at = now()
        where municipality_id = $1 and case_id = $2`,
      [
        m(),
        caseId,
        input.date,
        input.mode,
        input.advisorId ?? null,
        input.viability,
        input.sectorProspects ?? null,
        input.bbzOptions,
        input.bbzNotEligibleReason ?? null,
        input.recommendedRoutes,
        input.findings ?? null,
      ],
    );
  }

  async updateAnalysis(caseId: string, id: string, input: PerspectiveAnalysisInput) {
    await q(
      `update perspective_analysis set provider = $4, date = $5, conclusion = $6, report_attachment_id = $7,
              version = version + 1, updated_at = now()
        where municipality_id = $1 and case_id = $2 and id = $3`,
      [
        m(),
        caseId,
        id,
        input.provider,
        input.date,
        input.conclusion,
        input.reportAttachmentId ?? null,
      ],
    );
  }

  /** Keeps the record as it is now, before a correction replaces it. */
  async saveVersion(
    caseId: string,
    kind: CorrectableRecord,
    recordId: string,
    reason: string,
    replacedBy: string,
  ) {
    const table = VERSIONED_TABLES[kind];
    await q(
      `insert into record_version (municipality_id, case_id, record_type, record_id, version, data, reason, replaced_by)
       select t.municipality_id, t.case_id, $3, t.id, t.version,
              to_jsonb(t) - 'municipality_id' - 'case_id' - 'version' - 'created_at' - 'updated_at', $5, $6
         from ${table} t where t.municipality_id = $1 and t.case_id = $2 and t.id = $4`,
      [m(), caseId, kind, recordId, reason, replacedBy],
    );
  }

  async listVersions(
    caseId: string,
    kind: CorrectableRecord,
    recordId: string,
  ): Promise<RecordVersion[]> {
    const rows: RecordVersion[] = await q(
      `select v.version, to_char(v.replaced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "replacedAt",
              u.name as "replacedByName", v.reason, v.data
         from record_version v
         left join app_user u on u.municipality_id = v.municipality_id and u.id = v.replaced_by
        where v.municipality_id = $1 and v.case_id = $2 and v.record_type = $3 and v.record_id = $4
        order by v.version desc`,
      [m(), caseId, kind, recordId],
    );
    // Earlier versions speak the record schema's field names, like the record itself.
    const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return rows.map((row) => ({
      ...row,
      data: Object.fromEntries(
        Object.entries(row.data)
          .filter(([key]) => !['id', 'recorded_by', 'user_id'].includes(key))
          .map(([key, value]) => [camel(key), value]),
      ),
    }));
  }

  async insertRoute(caseId: string, input: RouteStart) {
    const rows = await q(
      `insert into case_route (municipality_id, case_id, type, start_date, start_note) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning id`,
      [m(), caseId, input.type, input.startDate, input.note ?? null],
    );
    return (rows[0]?.id as string | undefined) ?? null;
  }

  async findRoute(caseId: string, routeId: string) {
    const rows = await q(
      `select id, type, status, to_char(start_date, 'YYYY-MM-DD') as "startDate" from case_route
        where municipality_id = $1 and case_id = $2 and id = $3 for update`,
      [m(), caseId, routeId],
    );
    return rows[0] ?? null;
  }

  async endRoute(routeId: string, input: RouteEnd) {
    await q(
      `update case_route set status = $3, end_date = $4, outcome = $5, end_note = $6, updated_at = now()
        where municipality_id = $1 and id = $2`,
      [m(), routeId, input.status, input.endDate, input.outcome, input.note ?? null],
    );
  }

  listRoutes(caseId: string): Promise<Route[]> {
    return q(
      `select id, type, status, to_char(start_date, 'YYYY-MM-DD') as "startDate",
              to_char(end_date, 'YYYY-MM-DD') as "endDate", outcome, start_note as "startNote",
              end_note as "endNote"
         from case_route where municipality_id = $1 and case_id = $2 order by start_date, created_at`,
      [m(), caseId],
    );
  }

  async insertCoaching(caseId: string, input: CoachingInput) {
    const rows = await q(
      `insert into coaching (municipality_id, case_id, organisation, coach, start_date, end_date, sessions)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        m(),
        caseId,
        input.organisation,
        input.coach,
        input.startDate,
        input.endDate ?? null,
        input.sessions,
      ],
    );
    return rows[0].id as string;
  }

  async updateCoaching(caseId: string, coachingId: string, input: CoachingInput) {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [, affected]: [unknown[], number] = await q(
      `update coaching set organisation = $4, coach = $5, start_date = $6, end_date = $7, sessions = $8, updated_at = now()
        where municipality_id = $1 and case_id = $2 and id = $3 returning id`,
      [
        m(),
        caseId,
        coachingId,
        input.organisation,
        input.coach,
        input.startDate,
        input.endDate ?? null,
        input.sessions,
      ],
    );
    return affected > 0;
  }

  listCoachings(caseId: string): Promise<Coaching[]> {
    return q(
      `select id, organisation, coach, to_char(start_date, 'YYYY-MM-DD') as "startDate",
              to_char(end_date, 'YYYY-MM-DD') as "endDate", sessions
         from coaching where municipality_id = $1 and case_id = $2 order by start_date, id`,
      [m(), caseId],
    );
  }

  async insertContact(caseId: string, input: ContactInput, userId: string) {
    const rows = await q(
      `insert into contact (municipality_id, case_id, occurred_at, channel, user_id, summary)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [m(), caseId, input.occurredAt, input.channel, userId, input.summary],
    );
    return rows[0].id as string;
  }

  listContacts(caseId: string): Promise<Contact[]> {
    return q(
      `${CONTACT} where c.municipality_id = $1 and c.case_id = $2 order by c.occurred_at desc, c.id`,
      [m(), caseId],
    );
  }

  async findContact(caseId: string, id: string): Promise<Contact | null> {
    const rows = await q(
      `${CONTACT} where c.municipality_id = $1 and c.case_id = $2 and c.id = $3`,
      [m(), caseId, id],
    );
    return rows[0] ?? null;
  }

  async updateContact(caseId: string, id: string, input: ContactInput) {
    await q(
      `update contact set occurred_at = $4, channel = $5, summary = $6, version = version + 1, updated_at = now()
        where municipality_id = $1 and case_id = $2 and id = $3`,
      [m(), caseId, id, input.occurredAt, input.channel, input.summary],
    );
  }

  /** Stops every running route of a case (closing, withdrawing); returns their types. */
  async endActiveRoutes(caseId: string, note: string): Promise<string[]> {
    const [rows]: [{ type: string }[], number] = await q(
      `update case_route set status = 'stopped', end_date = greatest(start_date, current_date),
              outcome = 'ended_with_case', end_note = $3, updated_at = now()
        where municipality_id = $1 and case_id = $2 and status = 'active' returning type`,
      [m(), caseId, note],
    );
    return rows.map((r) => r.type);
  }

  /** Ends coaching without an end date (closing, withdrawing); returns the coaches. */
  async endOpenCoachings(caseId: string): Promise<string[]> {
    const [rows]: [{ coach: string }[], number] = await q(
      `update coaching set end_date = greatest(start_date, current_date), updated_at = now()
        where municipality_id = $1 and case_id = $2 and end_date is null returning coach`,
      [m(), caseId],
    );
    return rows.map((r) => r.coach);
  }
}
