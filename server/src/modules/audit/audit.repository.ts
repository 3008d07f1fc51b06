import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { AuditLogEntry, type AuditAction } from './audit-log.entity.ts';

export interface NewAuditEntry {
  userId: string;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  route: string | null;
  reason: string | null;
  requestId: string | null;
}

export class AuditRepository {
  async append(entry: NewAuditEntry): Promise<void> {
    await currentManager()
      .createQueryBuilder()
      .insert()
      .into(AuditLogEntry)
      .values({ ...entry, municipalityId: currentMunicipalityId() })
      .execute();
  }

  listForObject(objectType: string, objectId: string): Promise<AuditLogEntry[]> {
    return currentManager()
      .getRepository(AuditLogEntry)
      .find({
        where: { municipalityId: currentMunicipalityId(), objectType, objectId },
        order: { occurredAt: 'ASC' },
      });
  }
}
