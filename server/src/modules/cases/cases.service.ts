import {
  allowedActions,
  CASE_STATUS_LABELS,
  CLOSING_OUTCOME_LABELS,
  CONTACT_CHANNEL_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_OUTCOMES,
  ROUTE_TYPE_LABELS,
  serviceIntensity,
  transition,
  VIABILITY_LABELS,
  type CaseAction,
  type CaseDetail,
  type CaseListQuery,
  type CasePage,
  type CaseRegistration,
  type CaseSummary,
  type CaseUpdate,
  type CoachingInput,
  type ContactInput,
  type IntakeInput,
  type PerspectiveAnalysisInput,
  type Role,
  type RouteEnd,
  type RouteStart,
  type TimelineEvent,
  type WorklistCounts,
} from '@herorientatie/domain';
import {
  Conflict,
  Forbidden,
  InvalidTransition,
  NotFound,
  ValidationFailed,
} from '../../errors.ts';
import { requestContext } from '../../http/request-context.ts';
import { AttachmentsRepository } from '../attachments/attachments.repository.ts';
import { AuditService } from '../audit/audit.service.ts';
import { EntrepreneursService } from '../entrepreneurs/entrepreneurs.service.ts';
import { StaffRepository } from '../staff/staff.repository.ts';
import { CaseRecordsRepository } from './case-records.repository.ts';
import { CasesRepository, type CaseRow, type CaseScope } from './cases.repository.ts';
import { TimelineRepository } from './timeline.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(row: CaseRow): CaseSummary {
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
  };
}

/** Whether the user may only see cases assigned to them as business advisor. */
export function scopeFor(roles: Role[], userId: string): CaseScope {
  const advisorOnly =
    roles.includes('advisor') && !roles.includes('caseworker') && !roles.includes('manager');
  return { userId, advisorOnly };
}

/**
 * Case management: registration, the status machine, intake, analysis, routes, coaching,
 * contacts and the timeline. Runs inside the tenant unit of work; audits every access.
 */
export class CasesService {
  constructor(
    private readonly cases = new CasesRepository(),
    private readonly records = new CaseRecordsRepository(),
    private readonly timeline = new TimelineRepository(),
    private readonly staff = new StaffRepository(),
    private readonly entrepreneurs = new EntrepreneursService(),
    private readonly audit = new AuditService(),
    private readonly attachments = new AttachmentsRepository(),
  ) {}

  private get user() {
    return requestContext.user();
  }

  private get scope(): CaseScope {
    return scopeFor(this.user.roles, this.user.id);
  }

  private requireWriter() {
    if (!this.user.roles.some((r) => r === 'caseworker' || r === 'advisor')) {
      throw new Forbidden('Alleen consulenten en bedrijfsadviseurs kunnen dossiers wijzigen.');
    }
  }

  private async load(id: string, forUpdate = false): Promise<CaseRow> {
    const row = await this.cases.find(id, this.scope, forUpdate);
    if (!row) throw new NotFound('Het dossier');
    return row;
  }

  private async move(row: CaseRow, action: CaseAction) {
    const result = transition(row.status, action, {
      hasIntake: row.has_intake,
      hasRoutes: row.has_routes,
    });
    if (!result.ok) throw new InvalidTransition(result.reason);
    return result.status;
  }

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

  private async logStatus(
    caseId: string,
    from: CaseRow['status'],
    to: CaseRow['status'],
    extra = '',
  ) {
    await this.timeline.append(
      caseId,
      'status_changed',
      `Status: ${CASE_STATUS_LABELS[from]} → ${CASE_STATUS_LABELS[to]}${extra}`,
      this.user.id,
      { from, to },
    );
  }

  async register(input: CaseRegistration): Promise<CaseDetail> {
    if (!this.user.roles.includes('caseworker')) {
      throw new Forbidden('Alleen consulenten kunnen een ondernemer aanmelden.');
    }
    await this.assertStaff('caseworkerId', input.caseworkerId, ['caseworker'], 'consulent');
    await this.assertStaff('advisorId', input.advisorId, ['advisor'], 'bedrijfsadviseur');
    let entrepreneurId = input.entrepreneurId;
    if (input.entrepreneur) {
      entrepreneurId = (await this.entrepreneurs.create(input.entrepreneur)).id;
    } else {
      await this.entrepreneurs.get(entrepreneurId!);
      const open = await this.cases.hasOpenCase(entrepreneurId!);
      if (open) {
        throw new Conflict(
          `Deze ondernemer heeft al een open dossier (${open}). Er kan maar één dossier tegelijk open zijn.`,
        );
      }
    }
    const reference = await this.cases.nextReference();
    const id = await this.cases.insert({
      reference,
      entrepreneurId: entrepreneurId!,
      source: input.source,
      sourceDetail: input.sourceDetail ?? null,
      urgency: input.urgency,
      otherSupport: input.otherSupport,
      caseworkerId: input.caseworkerId ?? this.user.id,
      advisorId: input.advisorId ?? null,
    });
    await this.timeline.append(id, 'registered', `Aangemeld als ${reference}`, this.user.id);
    await this.audit.record({ action: 'create', objectType: 'case', objectId: id });
    return this.detail(id, false);
  }

  async get(id: string): Promise<CaseDetail> {
    const detail = await this.detail(id, true);
    return detail;
  }

  private async detail(id: string, audit: boolean): Promise<CaseDetail> {
    const row = await this.load(id);
    const entrepreneur = await this.entrepreneurs.get(row.entrepreneur_id);
    if (audit) await this.audit.record({ action: 'read', objectType: 'case', objectId: id });
    return {
      ...toSummary(row),
      sourceDetail: row.source_detail,
      otherSupport: row.other_support,
      intakeScheduledAt: iso(row.intake_scheduled_at),
      outcome: row.outcome as CaseDetail['outcome'],
      outcomeNote: row.outcome_note,
      withdrawnReason: row.withdrawn_reason,
      closedAt: iso(row.closed_at),
      allowedActions: allowedActions(row.status, {
        hasIntake: row.has_intake,
        hasRoutes: row.has_routes,
      }),
      hasIntake: row.has_intake,
      entrepreneur,
    };
  }

  async list(query: CaseListQuery): Promise<CasePage> {
    const { rows, nextCursor } = await this.cases.list(query, this.scope);
    await this.audit.record({ action: 'read', objectType: 'case-list', objectId: null });
    return { items: rows.map(toSummary), nextCursor };
  }

  worklistCounts(): Promise<WorklistCounts> {
    return this.cases.worklistCounts(this.user.id, this.scope.advisorOnly);
  }

  async update(id: string, patch: CaseUpdate): Promise<CaseDetail> {
    this.requireWriter();
    const row = await this.load(id, true);
    // Only a real change of who works on the case counts as (re)assigning.
    const assigning =
      (patch.caseworkerId !== undefined && patch.caseworkerId !== row.caseworker_id) ||
      (patch.advisorId !== undefined && patch.advisorId !== row.advisor_id);
    if (assigning && !this.user.roles.includes('caseworker')) {
      throw new Forbidden('Alleen consulenten kunnen een dossier toewijzen.');
    }
    await this.assertStaff('caseworkerId', patch.caseworkerId, ['caseworker'], 'consulent');
    await this.assertStaff('advisorId', patch.advisorId, ['advisor'], 'bedrijfsadviseur');
    await this.cases.update(id, patch);
    if (assigning) {
      await this.timeline.append(id, 'assigned', 'Toewijzing gewijzigd', this.user.id, {
        caseworkerId: patch.caseworkerId ?? row.caseworker_id,
        advisorId: patch.advisorId ?? row.advisor_id,
      });
    }
    await this.audit.record({ action: 'update', objectType: 'case', objectId: id });
    return this.detail(id, false);
  }

  async scheduleIntake(id: string, scheduledAt: string): Promise<CaseDetail> {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'scheduleIntake');
    await this.cases.setStatus(id, status, { intakeScheduledAt: scheduledAt });
    await this.timeline.append(
      id,
      'intake_scheduled',
      `Intake gepland op ${new Date(scheduledAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}`,
      this.user.id,
    );
    if (status !== row.status) await this.logStatus(id, row.status, status);
    await this.audit.record({ action: 'update', objectType: 'case', objectId: id });
    return this.detail(id, false);
  }

  async recordIntake(id: string, input: IntakeInput) {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'recordIntake');
    await this.assertStaff('advisorId', input.advisorId, ['advisor'], 'bedrijfsadviseur');
    const intakeId = await this.records.insertIntake(id, input, this.user.id);
    await this.cases.setStatus(id, status);
    const held = new Date(`${input.date}T12:00:00Z`).toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    await this.timeline.append(
      id,
      'intake_recorded',
      `Intake vastgelegd (gehouden op ${held}): ${VIABILITY_LABELS[input.viability]}`,
      this.user.id,
      { intakeId, date: input.date },
    );
    await this.logStatus(id, row.status, status);
    await this.audit.record({ action: 'create', objectType: 'intake', objectId: intakeId });
    return (await this.records.findIntake(id))!;
  }

  async getIntake(id: string) {
    await this.load(id);
    const intake = await this.records.findIntake(id);
    if (!intake) throw new NotFound('De intake');
    await this.audit.record({ action: 'read', objectType: 'intake', objectId: intake.id });
    return intake;
  }

  async recordAnalysis(id: string, input: PerspectiveAnalysisInput) {
    this.requireWriter();
    const row = await this.load(id, true);
    if (!row.has_intake)
      throw new InvalidTransition(
        'Een analyse perspectief volgt op de intake. Leg eerst de intake vast.',
      );
    if (row.status === 'closed' || row.status === 'withdrawn') {
      throw new InvalidTransition(
        'Het dossier is afgesloten of teruggetrokken. Heropen het eerst.',
      );
    }
    if (
      input.reportAttachmentId &&
      !(await this.attachments.exists(id, input.reportAttachmentId))
    ) {
      throw new ValidationFailed([
        {
          name: 'reportAttachmentId',
          code: 'unknown_attachment',
          reason: 'Kies een rapport uit de documenten van dit dossier.',
        },
      ]);
    }
    const analysisId = await this.records.insertAnalysis(id, input, this.user.id);
    await this.cases.touch(id);
    await this.timeline.append(
      id,
      'analysis_recorded',
      `Analyse perspectief door ${input.provider}`,
      this.user.id,
      {
        analysisId,
      },
    );
    await this.audit.record({
      action: 'create',
      objectType: 'perspective-analysis',
      objectId: analysisId,
    });
    return { id: analysisId, ...input };
  }

  async listAnalyses(id: string) {
    await this.load(id);
    await this.audit.record({ action: 'read', objectType: 'perspective-analysis', objectId: id });
    return this.records.listAnalyses(id);
  }

  async startRoute(id: string, input: RouteStart) {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'startRoute');
    const routeId = await this.records.insertRoute(id, input);
    if (!routeId) {
      throw new Conflict(
        `${ROUTE_TYPE_LABELS[input.type]} loopt al in dit dossier. Rond die eerst af.`,
      );
    }
    await this.cases.setStatus(id, status);
    await this.timeline.append(
      id,
      'route_started',
      `${ROUTE_TYPE_LABELS[input.type]} gestart`,
      this.user.id,
      {
        routeId,
        type: input.type,
      },
    );
    if (status !== row.status) await this.logStatus(id, row.status, status);
    await this.audit.record({ action: 'create', objectType: 'route', objectId: routeId });
    return { id: routeId, type: input.type, status: 'active', startDate: input.startDate };
  }

  async endRoute(id: string, routeId: string, input: RouteEnd) {
    this.requireWriter();
    await this.load(id, true);
    const route = await this.records.findRoute(id, routeId);
    if (!route) throw new NotFound('De route');
    if (route.status !== 'active') throw new InvalidTransition('Deze route is al beëindigd.');
    const outcomes: readonly string[] = ROUTE_OUTCOMES[route.type as keyof typeof ROUTE_OUTCOMES];
    if (!outcomes.includes(input.outcome)) {
      throw new ValidationFailed([
        {
          name: 'outcome',
          code: 'invalid_outcome',
          reason: `Kies een uitkomst die bij ${ROUTE_TYPE_LABELS[route.type as keyof typeof ROUTE_TYPE_LABELS]} past.`,
        },
      ]);
    }
    if (input.endDate < route.startDate) {
      throw new ValidationFailed([
        {
          name: 'endDate',
          code: 'before_start',
          reason: 'De einddatum ligt voor de startdatum van de route.',
        },
      ]);
    }
    await this.records.endRoute(routeId, input);
    await this.cases.touch(id);
    await this.timeline.append(
      id,
      'route_ended',
      `${ROUTE_TYPE_LABELS[route.type as keyof typeof ROUTE_TYPE_LABELS]} ${input.status === 'completed' ? 'afgerond' : 'gestopt'}: ${ROUTE_OUTCOME_LABELS[input.outcome]}`,
      this.user.id,
      { routeId },
    );
    await this.audit.record({ action: 'update', objectType: 'route', objectId: routeId });
    return (await this.records.listRoutes(id)).find((r) => r.id === routeId)!;
  }

  async listRoutes(id: string) {
    await this.load(id);
    await this.audit.record({ action: 'read', objectType: 'route-list', objectId: id });
    return this.records.listRoutes(id);
  }

  async addCoaching(id: string, input: CoachingInput) {
    this.requireWriter();
    const row = await this.load(id, true);
    if (!row.has_intake || row.status === 'closed' || row.status === 'withdrawn') {
      throw new InvalidTransition('Coaching kan alleen in een lopend dossier na de intake.');
    }
    const coachingId = await this.records.insertCoaching(id, input);
    await this.cases.touch(id);
    await this.timeline.append(
      id,
      'coaching_recorded',
      `Coaching door ${input.coach} (${input.organisation})`,
      this.user.id,
      {
        coachingId,
      },
    );
    await this.audit.record({ action: 'create', objectType: 'coaching', objectId: coachingId });
    return { id: coachingId, ...input };
  }

  async updateCoaching(id: string, coachingId: string, input: CoachingInput) {
    this.requireWriter();
    await this.load(id, true);
    if (!(await this.records.updateCoaching(id, coachingId, input)))
      throw new NotFound('De coaching');
    await this.audit.record({ action: 'update', objectType: 'coaching', objectId: coachingId });
    return { id: coachingId, ...input };
  }

  async listCoachings(id: string) {
    await this.load(id);
    await this.audit.record({ action: 'read', objectType: 'coaching-list', objectId: id });
    return this.records.listCoachings(id);
  }

  async logContact(id: string, input: ContactInput) {
    this.requireWriter();
    const row = await this.load(id, true);
    if (row.status === 'closed' || row.status === 'withdrawn') {
      throw new InvalidTransition(
        'Het dossier is afgesloten of teruggetrokken. Heropen het eerst.',
      );
    }
    if (Date.parse(input.occurredAt) > Date.now() + 5 * 60_000) {
      throw new ValidationFailed([
        {
          name: 'occurredAt',
          code: 'in_future',
          reason: 'Een contact kan niet in de toekomst liggen.',
        },
      ]);
    }
    const contactId = await this.records.insertContact(id, input, this.user.id);
    await this.cases.touchContact(id, input.occurredAt);
    await this.timeline.append(
      id,
      'contact_logged',
      `${CONTACT_CHANNEL_LABELS[input.channel]}: ${input.summary.slice(0, 200)}`,
      this.user.id,
      { contactId },
      input.occurredAt,
    );
    await this.audit.record({ action: 'create', objectType: 'contact', objectId: contactId });
    return { id: contactId, ...input };
  }

  async listContacts(id: string) {
    await this.load(id);
    await this.audit.record({ action: 'read', objectType: 'contact-list', objectId: id });
    return this.records.listContacts(id);
  }

  async close(id: string, outcome: NonNullable<CaseDetail['outcome']>, note: string | undefined) {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'close');
    await this.cases.setStatus(id, status, { outcome, outcomeNote: note ?? null, closedAt: 'now' });
    await this.logStatus(id, row.status, status, ` (${CLOSING_OUTCOME_LABELS[outcome]})`);
    await this.audit.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: 'afsluiten',
    });
    return this.detail(id, false);
  }

  async withdraw(id: string, reason: string) {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'withdraw');
    await this.cases.setStatus(id, status, { withdrawnReason: reason, closedAt: 'now' });
    await this.logStatus(id, row.status, status, ` (${reason.slice(0, 100)})`);
    await this.audit.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: 'terugtrekken',
    });
    return this.detail(id, false);
  }

  async reopen(id: string) {
    this.requireWriter();
    const row = await this.load(id, true);
    const status = await this.move(row, 'reopen');
    const open = await this.cases.hasOpenCase(row.entrepreneur_id);
    if (open) {
      throw new Conflict(
        `Deze ondernemer heeft al een open dossier (${open}). Er kan maar één dossier tegelijk open zijn.`,
      );
    }
    await this.cases.setStatus(id, status);
    await this.logStatus(id, row.status, status, ' (heropend)');
    await this.audit.record({
      action: 'update',
      objectType: 'case',
      objectId: id,
      reason: 'heropenen',
    });
    return this.detail(id, false);
  }

  async timelineOf(id: string): Promise<TimelineEvent[]> {
    await this.load(id);
    await this.audit.record({ action: 'read', objectType: 'case-timeline', objectId: id });
    return this.timeline.list(id);
  }
}
