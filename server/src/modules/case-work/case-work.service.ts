import {
  ACTION_LIST_COLUMNS,
  mondayOf,
  type AgendaEntry,
  dutchDay,
  can,
  type ActionInput,
  type NextAction,
  type Note,
  type SearchHit,
} from '@herorientatie/domain';
import { principalOf, type UserActor } from '../../context/actor.ts';
import { tableCsv, tableXlsx } from '../../http/tabular.ts';
import { currentManager } from '../../db/unit-of-work.ts';
import { InvalidTransition, NotFound, ValidationFailed } from '../../errors.ts';
import { AttachmentsRepository } from '../attachments/attachments.repository.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { CaseJournal, dutchDate } from '../cases/case-journal.ts';
import { CaseLifecycleService } from '../cases/case-lifecycle.service.ts';
import { CaseRecordsRepository } from '../cases/case-records.repository.ts';
import { StaffRepository } from '../staff/staff.repository.ts';
import { CaseWorkRepository } from './case-work.repository.ts';
import { dossierSummaryPdf } from './dossier-summary.ts';

/**
 * What tells a caseworker what to do today and leaves a paper trail: next actions with due
 * dates and owners, notes whose corrections keep the earlier version, search everywhere,
 * and handing cases over in bulk.
 */
export class CaseWorkService {
  constructor(
    private readonly repository = new CaseWorkRepository(),
    private readonly access = new CaseAccess(),
    private readonly journal = new CaseJournal(),
    private readonly staff = new StaffRepository(),
    private readonly records = new CaseRecordsRepository(),
    private readonly lifecycle = new CaseLifecycleService(),
    private readonly audit = new AuditService(),
    private readonly attachments = new AttachmentsRepository(),
  ) {}

  /** An advisor reaches only the cases assigned to them. */
  private advisorScope(actor: UserActor): string | null {
    return can(principalOf(actor.user), 'case:read', { advisorId: null }) ? null : actor.user.id;
  }

  async actions(actor: UserActor, caseId: string): Promise<NextAction[]> {
    await this.access.read(actor, caseId);
    return this.repository.actionsForCase(caseId);
  }

  async addAction(actor: UserActor, caseId: string, input: ActionInput): Promise<NextAction> {
    await this.access.write(actor, caseId);
    if (input.ownerId && !(await this.staff.hasRole(input.ownerId, ['caseworker', 'advisor']))) {
      throw new ValidationFailed([
        {
          name: 'ownerId',
          code: 'unknown_user',
          reason: 'Kies een collega van uw eigen gemeente.',
        },
      ]);
    }
    const id = await this.repository.insertAction(
      caseId,
      { ...input, ownerId: input.ownerId ?? actor.user.id },
      actor.user.id,
    );
    await this.journal.event(
      actor,
      caseId,
      'action',
      `Actie: ${input.title} (uiterlijk ${dutchDate(input.dueOn)})`,
    );
    await this.audit.record({ action: 'create', objectType: 'case-action', objectId: id });
    return (await this.repository.action(caseId, id))!;
  }

  private async openAction(actor: UserActor, caseId: string, id: string) {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const action = await this.repository.action(caseId, id, true);
    if (!action) throw new NotFound('De actie');
    if (action.status !== 'open') throw new InvalidTransition('Deze actie is al afgehandeld.');
    return action;
  }

  async complete(
    actor: UserActor,
    caseId: string,
    id: string,
    outcome: 'done' | 'dropped',
    note?: string,
  ) {
    const action = await this.openAction(actor, caseId, id);
    await this.repository.close(id, outcome, note ?? null);
    await this.journal.event(
      actor,
      caseId,
      'action',
      `Actie ${outcome === 'done' ? 'gedaan' : 'vervallen'}: ${action.title}`,
    );
    await this.audit.record({ action: 'update', objectType: 'case-action', objectId: id });
    return (await this.repository.action(caseId, id))!;
  }

  async postpone(actor: UserActor, caseId: string, id: string, dueOn: string, note?: string) {
    const action = await this.openAction(actor, caseId, id);
    if (dueOn <= action.dueOn) {
      throw new ValidationFailed([
        { name: 'dueOn', code: 'not_later', reason: 'Kies een datum na de huidige.' },
      ]);
    }
    await this.repository.postpone(id, dueOn, note ?? null);
    await this.journal.event(
      actor,
      caseId,
      'action',
      `Actie uitgesteld tot ${dutchDate(dueOn)}: ${action.title}`,
    );
    await this.audit.record({ action: 'update', objectType: 'case-action', objectId: id });
    return (await this.repository.action(caseId, id))!;
  }

  async worklist(
    actor: UserActor,
    scope: 'mine' | 'team',
    when: 'today' | 'overdue' | 'upcoming',
    format?: 'csv' | 'xlsx',
  ) {
    const rows = await this.repository.worklist(
      scope === 'mine' ? actor.user.id : null,
      when,
      this.advisorScope(actor),
    );
    await this.audit.record({
      action: format ? 'export' : 'read',
      objectType: format ? `action-list-${format}` : 'action-list',
      objectId: null,
      query: { scope, when },
      objectIds: rows.map((r) => r.id),
    });
    return rows;
  }

  /** The planned intakes of a week: an advisor's own, or the team's (audited). */
  async agenda(actor: UserActor, week: string, scope: 'mine' | 'team'): Promise<AgendaEntry[]> {
    const ownOnly = scope === 'mine' || this.advisorScope(actor) !== null;
    const rows = await this.repository.agenda(mondayOf(week), ownOnly ? actor.user.id : null);
    await this.audit.record({
      action: 'read',
      objectType: 'intake-agenda',
      objectId: null,
      query: { week, scope },
      objectIds: rows.map((r) => r.caseId),
    });
    return rows;
  }

  /** The actions list as on the page (oldest first, the same columns) as CSV or Excel. */
  async exportWorklist(
    actor: UserActor,
    scope: 'mine' | 'team',
    when: 'today' | 'overdue' | 'upcoming',
    format: 'csv' | 'xlsx',
  ) {
    const rows = [...(await this.worklist(actor, scope, when, format))].sort((a, b) =>
      a.dueOn.localeCompare(b.dueOn),
    );
    const today = dutchDay();
    const table = {
      title: 'Acties',
      header: ACTION_LIST_COLUMNS.map((c) => c.label),
      rows: rows.map((a) => ACTION_LIST_COLUMNS.map((c) => c.text(a, today))),
    };
    const basename = `acties-${scope === 'mine' ? 'mijn' : 'team'}-${today}`;
    return format === 'csv' ? tableCsv(table, basename) : tableXlsx(table, basename);
  }

  counts(actor: UserActor) {
    return this.repository.counts(actor.user.id, this.advisorScope(actor));
  }

  async notes(actor: UserActor, caseId: string): Promise<Note[]> {
    await this.access.read(actor, caseId);
    const notes = await this.repository.notes(caseId);
    await this.audit.record({
      action: 'read',
      objectType: 'note-list',
      objectId: caseId,
      objectIds: notes.map((n) => n.id),
    });
    return notes;
  }

  /** Notes can be added to closed cases too: the paper trail goes on. */
  async addNote(actor: UserActor, caseId: string, text: string): Promise<Note[]> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const id = await this.repository.insertNote(caseId, text, actor.user.id);
    await this.journal.event(actor, caseId, 'note', `Notitie: ${text.slice(0, 200)}`);
    await this.audit.record({ action: 'create', objectType: 'note', objectId: id });
    return this.repository.notes(caseId);
  }

  async correctNote(
    actor: UserActor,
    caseId: string,
    id: string,
    text: string,
    reason: string,
  ): Promise<Note[]> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    if (!(await this.repository.notes(caseId)).some((n) => n.id === id))
      throw new NotFound('De notitie');
    await this.records.saveVersion(caseId, 'note', id, reason, actor.user.id);
    await this.repository.updateNote(caseId, id, text);
    await this.journal.event(
      actor,
      caseId,
      'record_corrected',
      `Notitie gecorrigeerd: ${reason.slice(0, 200)}`,
    );
    await this.audit.record({ action: 'update', objectType: 'note', objectId: id, reason });
    return this.repository.notes(caseId);
  }

  async search(actor: UserActor, text: string): Promise<SearchHit[]> {
    const hits = await this.repository.search(text, this.advisorScope(actor));
    await this.audit.record({
      action: 'read',
      objectType: 'search',
      objectId: null,
      query: { q: text },
      objectIds: hits.map((h) => h.caseId),
    });
    return hits;
  }

  /** Searching by BSN needs a reason, which the audit log keeps with the search. */
  async searchBsn(actor: UserActor, bsn: string, reason: string): Promise<SearchHit[]> {
    const hits = await this.repository.casesOfBsn(bsn, this.advisorScope(actor));
    await this.audit.record({
      action: 'reveal',
      objectType: 'search-bsn',
      objectId: null,
      reason,
      objectIds: hits.map((h) => h.caseId),
    });
    return hits;
  }

  /** A printable summary of the case (PDF), without the BSN; an audited export. */
  async summary(actor: UserActor, caseId: string) {
    const detail = await this.lifecycle.get(actor, caseId);
    const [{ name }] = await currentManager().query(
      'select name from municipality where id = current_municipality_id()',
    );
    const content = await dossierSummaryPdf({
      detail,
      intake: detail.hasIntake ? await this.records.findIntake(caseId) : null,
      routes: await this.records.listRoutes(caseId),
      contacts: await this.records.listContacts(caseId),
      notes: await this.repository.notes(caseId),
      actions: await this.repository.actionsForCase(caseId),
      timeline: await this.lifecycle.timelineOf(actor, caseId),
      documents: await this.attachments.list(caseId),
      municipality: name,
    });
    await this.audit.record({ action: 'export', objectType: 'case-summary', objectId: caseId });
    return { filename: `dossier-${detail.reference}.pdf`, contentType: 'application/pdf', content };
  }

  /** Hands cases over in one step; each change is audited and on each case's timeline. */
  async reassign(
    actor: UserActor,
    input: { caseIds: string[]; caseworkerId?: string; advisorId?: string },
  ) {
    const patch = {
      ...(input.caseworkerId ? { caseworkerId: input.caseworkerId } : {}),
      ...(input.advisorId ? { advisorId: input.advisorId } : {}),
    };
    const done = [];
    for (const id of [...new Set(input.caseIds)])
      done.push(await this.lifecycle.update(actor, id, patch));
    return { reassigned: done.length };
  }
}
