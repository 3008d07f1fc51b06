import type { TimelineEvent } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

export type TimelineEventType = TimelineEvent['type'];

/** The stored events of a case, from which the timeline is built. Append-only. */
export class TimelineRepository {
  /** Without a time of its own, an event takes the moment it is written, so events of one transaction keep their order. */
  async append(
    caseId: string,
    type: TimelineEventType,
    summary: string,
    actorId: string | null,
    data: Record<string, unknown> = {},
    occurredAt?: string,
    municipalityId = currentMunicipalityId(),
  ): Promise<void> {
    await currentManager().query(
      `insert into case_event (municipality_id, case_id, type, summary, actor_id, data, occurred_at)
       values ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, clock_timestamp()))`,
      [municipalityId, caseId, type, summary, actorId, JSON.stringify(data), occurredAt ?? null],
    );
  }

  /** The same event on every case of an entrepreneur (changes to their details). */
  async appendForEntrepreneur(
    entrepreneurId: string,
    type: TimelineEventType,
    summary: string,
    actorId: string,
  ): Promise<void> {
    await currentManager().query(
      `insert into case_event (municipality_id, case_id, type, summary, actor_id)
       select c.municipality_id, c.id, $3, $4, $5 from case_file c
        where c.municipality_id = $1 and c.entrepreneur_id = $2`,
      [currentMunicipalityId(), entrepreneurId, type, summary, actorId],
    );
  }

  async list(caseId: string): Promise<TimelineEvent[]> {
    const rows = await currentManager().query(
      `select e.id, e.occurred_at, e.type, e.summary, u.name as actor_name
         from case_event e left join app_user u on u.municipality_id = e.municipality_id and u.id = e.actor_id
        where e.municipality_id = $1 and e.case_id = $2
        order by e.occurred_at desc, e.id`,
      [currentMunicipalityId(), caseId],
    );
    return rows.map(
      (r: {
        id: string;
        occurred_at: Date;
        type: TimelineEventType;
        summary: string;
        actor_name: string | null;
      }) => ({
        id: r.id,
        occurredAt: r.occurred_at.toISOString(),
        type: r.type,
        summary: r.summary,
        actorName: r.actor_name,
      }),
    );
  }
}
