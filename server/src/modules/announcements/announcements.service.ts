import type { Announcement, AnnouncementInput } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { AnnouncementsRepository } from './announcements.repository.ts';

/**
 * Announcements from the region's coordinator to every member municipality: the smallest
 * module on a region table, and the example in docs/modules.md.
 */
export class AnnouncementsService {
  constructor(
    private readonly repository = new AnnouncementsRepository(),
    private readonly audit = new AuditService(),
  ) {}

  list(): Promise<Announcement[]> {
    return this.repository.list(20);
  }

  async publish(actor: UserActor, input: AnnouncementInput): Promise<Announcement> {
    const created = await this.repository.insert(input, {
      id: actor.user.id,
      name: actor.user.name,
      municipalityId: actor.municipalityId,
    });
    await this.audit.record({ action: 'create', objectType: 'announcement', objectId: created.id });
    return created;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.remove(id))) throw new NotFound('Het bericht');
    await this.audit.record({ action: 'delete', objectType: 'announcement', objectId: id });
  }
}
