import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { AuditLogEntry, type AuditAction } from './audit-log.entity.ts';

export interface NewAuditEntry {
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  reason: string | null;
  query: Record<string, unknown> | null;
  objectIds: string[] | null;
  municipalityId?: string;
}

export class AuditRepository {
  /** Who, when, route and request are stamped by the database (trigger audit_log_stamp). */
  async append(entry: NewAuditEntry): Promise<void> {
    await currentManager().query(
      `insert into audit_log (municipality_id, action, object_type, object_id, reason, query, object_ids)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.municipalityId ?? currentMunicipalityId(),
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.reason,
        entry.query === null ? null : JSON.stringify(entry.query),
        entry.objectIds,
      ],
    );
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
