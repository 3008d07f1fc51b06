import type { Announcement, AnnouncementInput } from '@herorientatie/domain';
import { currentManager, currentRegionId } from '../../db/unit-of-work.ts';

const SELECT = `
  select a.id, a.title, a.body,
         to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "publishedAt",
         coalesce(a.publisher_name, 'Regiocoördinator') as "publisherName", m.name as "publisherMunicipality"
    from region_announcement a
    join municipality m on m.id = a.publisher_municipality_id`;

/**
 * Announcements of the current region (a region table). Row-level security decides who
 * reads and who writes; the queries still name the region.
 */
export class AnnouncementsRepository {
  list(limit: number): Promise<Announcement[]> {
    return currentManager().query(
      `${SELECT} where a.region_id = $1 order by a.published_at desc, a.id limit $2`,
      [currentRegionId(), limit],
    );
  }

  async insert(
    input: AnnouncementInput,
    publisher: { id: string; name: string; municipalityId: string },
  ): Promise<Announcement> {
    const rows = await currentManager().query(
      `insert into region_announcement (region_id, title, body, published_by, publisher_name, publisher_municipality_id)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [
        currentRegionId(),
        input.title,
        input.body,
        publisher.id,
        publisher.name,
        publisher.municipalityId,
      ],
    );
    const [created] = await currentManager().query(
      `${SELECT} where a.region_id = $1 and a.id = $2`,
      [currentRegionId(), rows[0].id],
    );
    return created;
  }

  /** True when a row was removed: policies hide rows a user may not remove. */
  async remove(id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await currentManager().query(
      `delete from region_announcement where region_id = $1 and id = $2`,
      [currentRegionId(), id],
    );
    return affected > 0;
  }
}
