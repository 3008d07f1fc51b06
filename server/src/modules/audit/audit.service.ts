import { requestContext } from '../../http/request-context.ts';
import type { AuditAction } from './audit-log.entity.ts';
import { AuditRepository } from './audit.repository.ts';

export interface AuditEvent {
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  reason?: string;
  /** Defaults to the logged-in user of the request. */
  userId?: string;
}

/**
 * Records access to personal data in the audit log, inside the caller's unit of work:
 * the entry commits with the access it describes. Who, route and request come from the
 * request context; callers say what and which object.
 */
export class AuditService {
  constructor(private readonly repository = new AuditRepository()) {}

  async record(event: AuditEvent): Promise<void> {
    const context = requestContext.get();
    await this.repository.append({
      userId: event.userId ?? requestContext.user().id,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      route: context?.route ?? null,
      reason: event.reason ?? null,
      requestId: context?.requestId ?? null,
    });
  }
}
