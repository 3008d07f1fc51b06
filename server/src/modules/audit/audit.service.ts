import type { AuditAction } from './audit-log.entity.ts';
import { AuditRepository } from './audit.repository.ts';

export interface AuditEvent {
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  reason?: string;
  /** For list and search reads: the query as asked (filters, search text, cursor). */
  query?: Record<string, unknown>;
  /** For list and search reads: which records were returned. */
  objectIds?: string[];
  /** The municipality whose data was accessed, when the actor has none (partner staff). */
  municipalityId?: string;
}

/**
 * Records access to personal data in the audit log, inside the caller's unit of work: the
 * entry commits with the access it describes. The database stamps the time, the actor
 * (user, public or system), the route and the request from the unit of work; callers say
 * what and which object.
 */
export class AuditService {
  constructor(private readonly repository = new AuditRepository()) {}

  async record(event: AuditEvent): Promise<void> {
    await this.repository.append({
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      reason: event.reason ?? null,
      query: event.query ?? null,
      objectIds: event.objectIds ?? null,
      municipalityId: event.municipalityId,
    });
  }
}
