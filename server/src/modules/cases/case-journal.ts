import { CASE_STATUS_LABELS, type CaseStatus } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { AuditService, type AuditEvent } from '../audit/audit.service.ts';
import { TimelineRepository, type TimelineEventType } from './timeline.repository.ts';

/**
 * What a change leaves behind: an event on the case's timeline (what users read) and an
 * entry in the audit log (what the organisation accounts for), written in the same unit of
 * work as the change itself.
 */
export class CaseJournal {
  constructor(
    private readonly timeline = new TimelineRepository(),
    private readonly audit = new AuditService(),
  ) {}

  event(
    actor: UserActor,
    caseId: string,
    type: TimelineEventType,
    summary: string,
    data: Record<string, unknown> = {},
    occurredAt?: string,
  ): Promise<void> {
    return this.timeline.append(caseId, type, summary, actor.user.id, data, occurredAt);
  }

  async status(actor: UserActor, caseId: string, from: CaseStatus, to: CaseStatus, extra = '') {
    if (from === to) return;
    await this.event(
      actor,
      caseId,
      'status_changed',
      `Status: ${CASE_STATUS_LABELS[from]} → ${CASE_STATUS_LABELS[to]}${extra}`,
      { from, to },
    );
  }

  /** A change to an entrepreneur's details, on the timeline of each of their cases. */
  entrepreneurChanged(actor: UserActor, entrepreneurId: string, summary: string): Promise<void> {
    return this.timeline.appendForEntrepreneur(
      entrepreneurId,
      'entrepreneur_updated',
      summary,
      actor.user.id,
    );
  }

  record(event: AuditEvent): Promise<void> {
    return this.audit.record(event);
  }
}

/** "5 maart 2021": how a timeline entry names a date. */
export { longDateNl as dutchDate } from '@herorientatie/domain';
