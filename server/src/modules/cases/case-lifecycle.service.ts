import {
  allowedActions,
  CASE_EXPORT_MAX,
  CASE_LIST_COLUMNS,
  CLOSING_OUTCOME_LABELS,
  OTHER_SUPPORT_LABELS,
  ROUTE_TYPE_LABELS,
  serviceIntensity,
  transition,
  URGENCY_LABELS,
  INTAKE_MODE_LABELS,
  type IntakeMode,
  type CaseAction,
  type CaseDetail,
  type CaseExportQuery,
  type CaseListQuery,
  type CasePage,
  type CaseRegistration,
  type CaseSummary,
  type CaseUpdate,
  type CloseCase,
  type Role,
  type RouteType,
  type TimelineEvent,
  type WorklistCounts,
  DUTCH_TIME_ZONE,
  dutchDay,
  formatDateTimeNl,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import type { MailService } from '../mail/mail.service.ts';
import { tableCsv, tableXlsx } from '../../http/tabular.ts';
import { Conflict, InvalidTransition, ValidationFailed } from '../../errors.ts';
import { EntrepreneursService } from '../entrepreneurs/entrepreneurs.service.ts';
import { StaffRepository } from '../staff/staff.repository.ts';
import { CaseAccess } from './case-access.ts';
import { CaseJournal } from './case-journal.ts';
import { CaseRecordsRepository } from './case-records.repository.ts';
import { CasesRepository, type CaseRow } from './cases.repository.ts';
import { TimelineRepository } from './timeline.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    entrepreneurId: row.entrepreneur_id,
    entrepreneurName: row.entrepreneur_name,
    businessName: row.business_name,
    kvkNumber: row.kvk_number,
    source: row.source,
    urgency: row.urgency,
    intensity: serviceIntensity(row.urgency, row.other_support),
    caseworkerId: row.caseworker_id,
    caseworkerName: row.caseworker_name,
    advisorId: row.advisor_id,
    advisorName: row.advisor_name,
    activeRoutes: row.active_routes,
    registeredAt: row.registered_at.toISOString(),
    lastContactAt: iso(row.last_contact_at),
    firstContactDue: row.first_contact_due,
    campaignCode: row.campaign_code,
  };
}

export const factsOf = (row: CaseRow) => ({
  hasIntake: row.has_intake,
  hasActiveRoutes: row.has_active_routes,
});

/** Moves a case along the status machine, or refuses with the machine's reason. */
export function move(row: CaseRow, action: CaseAction) {
  const result = transition(row.status, action, factsOf(row));
  if (!result.ok) throw new InvalidTransition(result.reason);
  return result.status;
}

const openCaseConflict = (reference: string) =>
  new Conflict(
    `Deze ondernemer heeft al een open dossier (${reference}). Er kan maar één dossier tegelijk open zijn.`,
  );

/**
 * The life of a case: registration, reading and listing, changes of urgency, support and
 * assignment, planning the intake, closing, withdrawing and reopening. Every method runs
 * in the caller's unit of work for the actor it is given.
 */
export class CaseLifecycleService {
  /** Set by the application: tells partners of a referral withdrawn with the case. */
  mail: MailService | null = null;

  constructor(
    private readonly access = new CaseAccess(),
    private readonly cases = new CasesRepository(),
    private readonly records = new CaseRecordsRepository(),
    private readonly journal = new CaseJournal(),
    private readonly timeline = new TimelineRepository(),
    private readonly staff = new StaffRepository(),
    private readonly entrepreneurs = new EntrepreneursService(),
  ) {}

  private async assertStaff(
    field: string,
    userId: string | null | undefined,
    roles: Role[],
    label: string,
  ) {
    if (!userId) return;
    if (!(await this.staff.hasRole(userId, roles))) {
      throw new ValidationFailed([
        { name: field, code: 'unknown_user', reason: `Kies een ${label} van uw eigen gemeente.` },
      ]);
    }
  }

  async register(
    actor: UserActor,
    input: CaseRegistration,
    origin: { outreachWaveId?: string } = {},
  ): Promise<CaseDetail> {
    await this.assertStaff('caseworkerId', input.caseworkerId, ['caseworker'], 'consulent');
    await this.assertStaff('advisorId', input.advisorId, ['advisor'], 'bedrijfsadviseur');
    let entrepreneurId = input.entrepreneurId;
    if (input.entrepreneur) {
      entrepreneurId = (await this.entrepreneurs.create(input.entrepreneur)).id;
    } else {
      await this.entrepreneurs.get(entrepreneurId!);
      const open = await this.cases.hasOpenCase(entrepreneurId!);
      if (open) throw openCaseConflict(open);
    }
    const reference = await this.cases.nextReference();
    const id = await this.cases.insert({
      reference,
      entrepreneurId: entrepreneurId!,
      source: input.source,
      sourceDetail: input.sourceDetail ?? null,
      urgency: input.urgency,
      otherSupport: input.otherSupport,
      caseworkerId: input.caseworkerId ?? actor.user.id,
      advisorId: input.advisorId ?? null,
      outreachWaveId: origin.outreachWaveId ?? null,
    });
    await this.journal.event(actor, id, 'registered', `Aangemeld als ${reference}`);
    await this.journal.record({ action: 'create', objectType: 'case', objectId: id });
    return this.detail(actor, id);
  }

  async get(actor: UserActor, id: string): Promise<CaseDetail> {
    const detail = await this.detail(actor, id);
    await this.journal.record({ action: 'read', objectType: 'case', objectId: id });
    return detail;
  }

  /** The case as the API shows it; reads the entrepreneur (audited by its service). */
  async detail(actor: UserActor, id: string): Promise<CaseDetail> {
    const row = await this.access.read(actor, id);
    const entrepreneur = await this.entrepreneurs.get(row.entrepreneur_id);
    return {
      ...toSummary(row),
      sourceDetail: row.source_detail,
      otherSupport: row.other_support,
      intakeScheduledAt: iso(row.intake_scheduled_at),
      intakeMode: row.intake_mode ?? null,
      intakeLocation: row.intake_location,
      intakeVideoLink: row.intake_video_link,
      outcome: row.outcome as CaseDetail['outcome'],
      outcomeNote: row.outcome_note,
      withdrawnReason: row.withdrawn_reason,
      closedAt: iso(row.closed_at),
      activeCoachings: row.active_coachings,
      campaignCode: row.campaign_code,
      selfCheck: row.self_check,
      allowedActions: allowedActions(row.status, factsOf(row)),
      hasIntake: row.has_intake,
      entrepreneur,
    };
  }

  async list(actor: UserActor, query: CaseListQuery): Promise<CasePage> {
    const { rows, nextCursor } = await this.cases.list(query, this.access.scope(actor));
    await this.journal.record({
      action: 'read',
      objectType: 'case-list',
      objectId: null,
      query: { ...query },
      objectIds: rows.map((row) => row.id),
    });
    return { items: rows.map(toSummary), nextCursor };
  }

  /** The list with the same filters, every page, as CSV or Excel; the export is audited. */
  async export(actor: UserActor, query: CaseExportQuery, format: 'csv' | 'xlsx') {
    const scope = this.access.scope(actor);
    const rows: CaseRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.cases.list({ ...query, pageSize: 500, cursor }, scope);
      rows.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
      if (rows.length > CASE_EXPORT_MAX) {
        throw new ValidationFailed([
          {
            name: 'q',
            code: 'too_many',
            reason: `Meer dan ${CASE_EXPORT_MAX.toLocaleString('nl-NL')} dossiers. Verfijn de filters en exporteer opnieuw.`,
          },
        ]);
      }
    } while (cursor);
    await this.journal.record({
      action: 'export',
      objectType: `case-list-${format}`,
      objectId: null,
      query: { ...query },
      objectIds: rows.map((row) => row.id),
    });
    const table = {
      title: 'Dossiers',
      header: CASE_LIST_COLUMNS.map((c) => c.label),
      rows: rows.map(toSummary).map((c) => CASE_LIST_COLUMNS.map((column) => column.text(c))),
    };
    const basename = `dossiers-${new Date().toISOString().slice(0, 10)}`;
    return format === 'csv' ? tableCsv(table, basename) : tableXlsx(table, basename);
  }

  worklistCounts(actor: UserActor): Promise<WorklistCounts> {
    const scope = this.access.scope(actor);
    return this.cases.worklistCounts(actor.user.id, scope.assignedOnly);
  }

  async update(actor: UserActor, id: string, patch: CaseUpdate): Promise<CaseDetail> {
    const row = await this.access.write(actor, id);
    // Only a real change of who works on the case counts as (re)assigning.
    const assigning =
      (patch.caseworkerId !== undefined && patch.caseworkerId !== row.caseworker_id) ||
      (patch.advisorId !== undefined && patch.advisorId !== row.advisor_id);
    if (assigning) await this.access.write(actor, id, { action: 'case:assign' });
    await this.assertStaff('caseworkerId', patch.caseworkerId, ['caseworker'], 'consulent');
    await this.assertStaff('advisorId', patch.advisorId, ['advisor'], 'bedrijfsadviseur');
    await this.cases.update(id, patch);
    const changes: string[] = [];
    if (patch.urgency !== undefined && patch.urgency !== row.urgency) {
      changes.push(`urgentie ${URGENCY_LABELS[row.urgency]} → ${URGENCY_LABELS[patch.urgency]}`);
    }
    if (patch.otherSupport !== undefined && patch.otherSupport !== row.other_support) {
      changes.push(
        `andere steun ${OTHER_SUPPORT_LABELS[row.other_support]} → ${OTHER_SUPPORT_LABELS[patch.otherSupport]}`,
      );
    }
    if (
      patch.sourceDetail !== undefined &&
      patch.sourceDetail !== (row.source_detail ?? undefined)
    ) {
      changes.push('toelichting op de herkomst');
    }
    if (changes.length > 0) {
      await this.journal.event(actor, id, 'case_updated', `Gewijzigd: ${changes.join('; ')}`);
    }
    let moved = 0;
    for (const [from, to] of [
      [row.caseworker_id, patch.caseworkerId],
      [row.advisor_id, patch.advisorId],
    ] as const) {
      if (from && to && from !== to) moved += await this.cases.moveOpenActions(id, from, to);
    }
    if (patch.caseworkerId && !row.caseworker_id) {
      // Taken from the queue: the team's open actions (first contact) become theirs.
      moved += await this.cases.claimOpenActions(id, patch.caseworkerId);
    }
    if (assigning) {
      const actions =
        moved === 0 ? '' : moved === 1 ? '; 1 open actie mee' : `; ${moved} open acties mee`;
      const names = await this.cases.userNames(
        [row.caseworker_id, patch.caseworkerId, row.advisor_id, patch.advisorId].filter(
          (x): x is string => Boolean(x),
        ),
      );
      const who = (userId: string | null | undefined) =>
        userId ? (names.get(userId) ?? 'onbekend') : 'niemand';
      const parts: string[] = [];
      if (patch.caseworkerId !== undefined && patch.caseworkerId !== row.caseworker_id)
        parts.push(`consulent ${who(row.caseworker_id)} → ${who(patch.caseworkerId)}`);
      if (patch.advisorId !== undefined && patch.advisorId !== row.advisor_id)
        parts.push(`bedrijfsadviseur ${who(row.advisor_id)} → ${who(patch.advisorId)}`);
      await this.journal.event(
        actor,
        id,
        'assigned',
        `Toewijzing gewijzigd: ${parts.join('; ')}${actions}`,
        {
          caseworkerId: patch.caseworkerId ?? row.caseworker_id,
          advisorId: patch.advisorId ?? row.advisor_id,
        },
      );
    }
    await this.journal.record({ action: 'update', objectType: 'case', objectId: id });
    return this.detail(actor, id);
  }

  async scheduleIntake(
    actor: UserActor,
    id: string,
    scheduledAt: string,
    advisorId?: string,
    place: { mode: IntakeMode; location?: string; videoLink?: string } = { mode: 'office' },
  ): Promise<CaseDetail> {
    let row = await this.access.write(actor, id);
    // The same appointment saved again (a second click, a retry) changes nothing.
    const unchanged =
      row.status === 'intake_scheduled' &&
      row.intake_scheduled_at?.getTime() === Date.parse(scheduledAt) &&
      (advisorId ?? row.advisor_id) === row.advisor_id &&
      place.mode === row.intake_mode &&
      (place.location ?? null) === row.intake_location &&
      (place.mode === 'video' ? (place.videoLink ?? null) : null) === row.intake_video_link;
    if (unchanged) return this.detail(actor, id);
    const status = move(row, 'scheduleIntake');
    // The advisor who holds the intake is assigned with the planning, in the same change.
    if (advisorId && advisorId !== row.advisor_id) {
      await this.update(actor, id, { advisorId });
      row = await this.access.write(actor, id);
    }
    await this.cases.setStatus(id, status, {
      intakeScheduledAt: scheduledAt,
      intake: {
        mode: place.mode,
        location: place.location ?? null,
        videoLink: place.mode === 'video' ? (place.videoLink ?? null) : null,
      },
    });
    const day = dutchDay(scheduledAt);
    // The intake is the advisor's appointment: on their own list, with time and form.
    const time = new Date(scheduledAt).toLocaleTimeString('nl-NL', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: DUTCH_TIME_ZONE,
    });
    await this.cases.planIntakeAction(
      id,
      day,
      row.advisor_id ?? row.caseworker_id,
      actor.user.id,
      `Intake om ${time} (${INTAKE_MODE_LABELS[place.mode].toLowerCase()})`,
    );
    const when = formatDateTimeNl(scheduledAt);
    await this.journal.event(
      actor,
      id,
      'intake_scheduled',
      `Intake gepland op ${when} (${INTAKE_MODE_LABELS[place.mode].toLowerCase()})`,
    );
    await this.journal.status(actor, id, row.status, status);
    await this.journal.record({ action: 'update', objectType: 'case', objectId: id });
    return this.detail(actor, id);
  }

  /** Ends what still runs (routes, coaching) when a case closes or is withdrawn. */
  private async endRunning(actor: UserActor, row: CaseRow, why: string) {
    // A referral a partner still works on is withdrawn; the partner hears it by e-mail and
    // sees in the portal that the case is closed.
    for (const referral of await this.cases.runningReferrals(row.id)) {
      await this.cases.withdrawReferral(referral.id, why, actor.user.name);
      await this.journal.event(
        actor,
        row.id,
        'referral',
        `Verwijzing naar ${referral.partner}: ingetrokken (${why.toLowerCase()})`,
      );
      if (referral.email && this.mail) {
        await this.mail.enqueue(
          {
            purpose: 'referral-withdrawn',
            to: referral.email,
            subject: 'Verwijzing ingetrokken in Heroriëntatie',
            text: `Een verwijzing naar ${referral.partner} is ingetrokken: het dossier is afgesloten door de gemeente. Log in op Heroriëntatie om te zien welke; persoonsgegevens staan niet in deze e-mail.`,
          },
          { municipalityId: actor.municipalityId, regionId: actor.regionId },
        );
      }
    }
    const actions = await this.cases.closeOpenActions(row.id, 'dropped');
    if (actions > 0) {
      await this.journal.event(
        actor,
        row.id,
        'action',
        `${actions === 1 ? '1 open actie vervallen' : `${actions} open acties vervallen`}: ${why.toLowerCase()}`,
      );
    }
    const routes = await this.records.endActiveRoutes(row.id, why);
    for (const type of routes) {
      await this.journal.event(
        actor,
        row.id,
        'route_ended',
        `${ROUTE_TYPE_LABELS[type as RouteType]} beëindigd: ${why.toLowerCase()}`,
      );
    }
    const coachings = await this.records.endOpenCoachings(row.id);
    for (const coach of coachings) {
      await this.journal.event(
        actor,
        row.id,
        'coaching_updated',
        `Coaching door ${coach} beëindigd`,
      );
    }
  }

  async close(actor: UserActor, id: string, input: CloseCase): Promise<CaseDetail> {
    const row = await this.access.write(actor, id);
    const status = move(row, 'close');
    const referrals = await this.cases.runningReferrals(id);
    const running = [
      ...row.active_routes.map((t) => ROUTE_TYPE_LABELS[t as RouteType]),
      ...(row.active_coachings > 0 ? [`coaching (${row.active_coachings})`] : []),
      ...referrals.map((r) => `verwijzing naar ${r.partner}`),
    ];
    if (running.length > 0 && !input.endRunning) {
      throw new Conflict(
        `Er loopt nog: ${running.join(', ')}. Beëindig dit eerst, of kies ervoor het bij het afsluiten te beëindigen.`,
      );
    }
    await this.endRunning(actor, row, 'Dossier afgesloten');
    await this.cases.setStatus(id, status, {
      outcome: input.outcome,
      outcomeNote: input.note ?? null,
      closedAt: 'now',
    });
    await this.journal.status(
      actor,
      id,
      row.status,
      status,
      ` (${CLOSING_OUTCOME_LABELS[input.outcome]})`,
    );
    await this.journal.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: 'afsluiten',
    });
    return this.detail(actor, id);
  }

  async withdraw(actor: UserActor, id: string, reason: string): Promise<CaseDetail> {
    const row = await this.access.write(actor, id);
    const status = move(row, 'withdraw');
    await this.endRunning(actor, row, 'Dossier teruggetrokken');
    await this.cases.setStatus(id, status, { withdrawnReason: reason, closedAt: 'now' });
    await this.journal.status(actor, id, row.status, status, ` (${reason.slice(0, 100)})`);
    await this.journal.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: 'terugtrekken',
    });
    return this.detail(actor, id);
  }

  async reopen(actor: UserActor, id: string, reason: string): Promise<CaseDetail> {
    const row = await this.access.write(actor, id, { mustBeOpen: false });
    const status = move(row, 'reopen');
    const open = await this.cases.hasOpenCase(row.entrepreneur_id);
    if (open) throw openCaseConflict(open);
    await this.cases.setStatus(id, status);
    await this.journal.status(
      actor,
      id,
      row.status,
      status,
      ` (heropend: ${reason.slice(0, 200)})`,
    );
    await this.journal.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: `heropenen: ${reason}`,
    });
    return this.detail(actor, id);
  }

  async timelineOf(actor: UserActor, id: string): Promise<TimelineEvent[]> {
    await this.access.read(actor, id);
    await this.journal.record({ action: 'read', objectType: 'case-timeline', objectId: id });
    return this.timeline.list(id);
  }
}
