import type { ActionInput, AgendaEntry, NextAction, Note, SearchHit } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { searchBranches, searchSql } from '../cases/case-search.ts';

const q = (sql: string, params: unknown[]) => currentManager().query(sql, params);
const m = () => currentMunicipalityId();
const iso = (c: string) => `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ACTION = `
  select a.id, a.case_id as "caseId", f.reference as "caseReference", e.name as "entrepreneurName", a.title, a.kind,
         to_char(a.due_on, 'YYYY-MM-DD') as "dueOn", a.owner_id as "ownerId", u.name as "ownerName", a.note, a.status,
         a.postponements, (a.status = 'open' and a.due_on < current_date) as overdue
    from case_action a
    join case_file f on f.municipality_id = a.municipality_id and f.id = a.case_id
    join entrepreneur e on e.municipality_id = f.municipality_id and e.id = f.entrepreneur_id
    left join app_user u on u.municipality_id = a.municipality_id and u.id = a.owner_id`;

/** Next actions, notes and search of the current municipality. */
export class CaseWorkRepository {
  actionsForCase(caseId: string): Promise<NextAction[]> {
    return q(
      `${ACTION} where a.municipality_id = $1 and a.case_id = $2 order by a.status = 'open' desc, a.due_on, a.created_at`,
      [m(), caseId],
    );
  }

  async action(caseId: string, id: string, lock = false): Promise<NextAction | null> {
    const rows = await q(
      `${ACTION} where a.municipality_id = $1 and a.case_id = $2 and a.id = $3${lock ? ' for update of a' : ''}`,
      [m(), caseId, id],
    );
    return rows[0] ?? null;
  }

  async insertAction(
    caseId: string,
    input: ActionInput,
    by: string,
    kind: 'action' | 'intake' = 'action',
  ): Promise<string> {
    const rows = await q(
      `insert into case_action (municipality_id, case_id, kind, title, due_on, owner_id, note, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [m(), caseId, kind, input.title, input.dueOn, input.ownerId ?? null, input.note ?? null, by],
    );
    return rows[0].id;
  }

  async close(id: string, outcome: 'done' | 'dropped', note: string | null) {
    await q(
      `update case_action set status = $3, closed_at = now(), note = coalesce($4, note) where municipality_id = $1 and id = $2`,
      [m(), id, outcome, note],
    );
  }

  async postpone(id: string, dueOn: string, note: string | null) {
    await q(
      `update case_action set due_on = $3, postponements = postponements + 1, note = coalesce($4, note)
        where municipality_id = $1 and id = $2`,
      [m(), id, dueOn, note],
    );
  }

  /** Open actions due today, overdue or upcoming, of the user or of the whole team. */
  worklist(
    ownerId: string | null,
    when: 'today' | 'overdue' | 'upcoming',
    advisorId: string | null,
  ): Promise<NextAction[]> {
    const due = {
      today: 'a.due_on = current_date',
      overdue: 'a.due_on < current_date',
      upcoming: 'a.due_on > current_date',
    }[when];
    return q(
      `${ACTION} where a.municipality_id = $1 and a.status = 'open' and ${due}
          and ($2::uuid is null or a.owner_id = $2) and ($3::uuid is null or f.advisor_id = $3)
        order by a.due_on, a.created_at limit 200`,
      [m(), ownerId, advisorId],
    );
  }

  async counts(userId: string, advisorId: string | null) {
    const rows = await q(
      `select count(*) filter (where a.owner_id = $2 and a.due_on = current_date)::int as "mineToday",
              count(*) filter (where a.owner_id = $2 and a.due_on < current_date)::int as "mineOverdue",
              count(*) filter (where a.due_on = current_date)::int as "teamToday",
              count(*) filter (where a.due_on < current_date)::int as "teamOverdue"
         from case_action a join case_file f on f.municipality_id = a.municipality_id and f.id = a.case_id
        where a.municipality_id = $1 and a.status = 'open' and ($3::uuid is null or f.advisor_id = $3)`,
      [m(), userId, advisorId],
    );
    return rows[0];
  }

  notes(caseId: string): Promise<Note[]> {
    return q(
      `select n.id, n.text, u.name as "authorName", ${iso('n.created_at')} as "createdAt", ${iso('n.updated_at')} as "updatedAt", n.version
         from case_note n join app_user u on u.municipality_id = n.municipality_id and u.id = n.author_id
        where n.municipality_id = $1 and n.case_id = $2 order by n.created_at desc`,
      [m(), caseId],
    );
  }

  async insertNote(caseId: string, text: string, by: string): Promise<string> {
    const rows = await q(
      `insert into case_note (municipality_id, case_id, text, author_id) values ($1, $2, $3, $4) returning id`,
      [m(), caseId, text, by],
    );
    return rows[0].id;
  }

  async updateNote(caseId: string, id: string, text: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await q(
      `update case_note set text = $4, version = version + 1, updated_at = now()
        where municipality_id = $1 and case_id = $2 and id = $3`,
      [m(), caseId, id, text],
    );
    return affected > 0;
  }

  /**
   * Everything a caseworker types into the search box: names and business names (Dutch full
   * text and trigram similarity), KvK number, case number (or part), postcode, e-mail, phone
   * and notes. Ranked; one hit per case.
   */
  search(text: string, advisorId: string | null): Promise<SearchHit[]> {
    return q(searchSql(searchBranches(text)), [m(), text, text.replace(/\s/g, ''), advisorId]);
  }

  async casesOfBsn(bsn: string, advisorId: string | null): Promise<SearchHit[]> {
    return q(
      `select c.id as "caseId", c.reference, c.status, e.name as "entrepreneurName", e.business_name as "businessName",
              'BSN' as "matchedOn", 3::float8 as rank
         from entrepreneur e join case_file c on c.municipality_id = e.municipality_id and c.entrepreneur_id = e.id
        where e.municipality_id = $1 and e.bsn = $2 and ($3::uuid is null or c.advisor_id = $3)
        order by c.registered_at desc`,
      [m(), bsn, advisorId],
    );
  }

  /** Planned intakes of a week (Dutch time), of one advisor or of the whole team. */
  agenda(weekStart: string, advisorId: string | null): Promise<AgendaEntry[]> {
    return currentManager().query(
      `select c.id as "caseId", c.reference as "caseReference", e.name as "entrepreneurName",
              e.business_name as "businessName",
              to_char(c.intake_scheduled_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "scheduledAt",
              c.intake_mode as mode, c.intake_location as location, c.intake_video_link as "videoLink",
              c.advisor_id as "advisorId", u.name as "advisorName"
         from case_file c
         join entrepreneur e on e.municipality_id = c.municipality_id and e.id = c.entrepreneur_id
         left join app_user u on u.municipality_id = c.municipality_id and u.id = c.advisor_id
        where c.municipality_id = $1 and c.status = 'intake_scheduled'
          and c.intake_scheduled_at >= ($2::date)::timestamp at time zone 'Europe/Amsterdam'
          and c.intake_scheduled_at < ($2::date + 7)::timestamp at time zone 'Europe/Amsterdam'
          and ($3::uuid is null or c.advisor_id = $3)
        order by c.intake_scheduled_at, c.reference`,
      [currentMunicipalityId(), weekStart, advisorId],
    );
  }
}
