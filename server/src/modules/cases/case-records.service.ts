import {
  CONTACT_CHANNEL_LABELS,
  CORRECTABLE_RECORD_LABELS,
  ROUTE_OUTCOME_LABELS,
  ROUTE_OUTCOMES,
  ROUTE_TYPE_LABELS,
  settledStatus,
  VIABILITY_LABELS,
  type CoachingInput,
  type ContactCorrection,
  type ContactInput,
  type CorrectableRecord,
  type IntakeCorrection,
  type IntakeInput,
  type PerspectiveAnalysisCorrection,
  type PerspectiveAnalysisInput,
  type RecordVersion,
  type RouteEnd,
  type RecommendedRoutesStart,
  type RouteStart,
  type RouteType,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { Conflict, InvalidTransition, NotFound, ValidationFailed } from '../../errors.ts';
import { AttachmentsRepository } from '../attachments/attachments.repository.ts';
import { StaffRepository } from '../staff/staff.repository.ts';
import { CaseAccess } from './case-access.ts';
import { CaseJournal, dutchDate } from './case-journal.ts';
import { factsOf, move } from './case-lifecycle.service.ts';
import { CaseRecordsRepository } from './case-records.repository.ts';
import { CasesRepository } from './cases.repository.ts';

const inFuture = (occurredAt: string) => Date.parse(occurredAt) > Date.now() + 5 * 60_000;

/**
 * The records of a case: intake, perspective analyses, routes, coaching and contacts, and
 * corrections of saved records that keep the earlier version. Records of a closed or
 * withdrawn case stay as they are; contacts (follow-up) remain possible.
 */
/** What the records tell the cost administration: a service was given to a client. */
export interface CostRecorder {
  charge(
    caseId: string,
    serviceType: 'intake' | 'perspective_analysis' | 'coaching',
    occurredOn: string,
    /** The provider named on the record: only its own contract prices the line. */
    provider?: string,
  ): Promise<void>;
}

export class CaseRecordsService {
  constructor(
    private readonly costs: CostRecorder = { charge: async () => {} },
    private readonly access = new CaseAccess(),
    private readonly cases = new CasesRepository(),
    private readonly records = new CaseRecordsRepository(),
    private readonly journal = new CaseJournal(),
    private readonly staff = new StaffRepository(),
    private readonly attachments = new AttachmentsRepository(),
  ) {}

  private async assertAdvisor(advisorId: string | undefined) {
    if (advisorId && !(await this.staff.hasRole(advisorId, ['advisor']))) {
      throw new ValidationFailed([
        {
          name: 'advisorId',
          code: 'unknown_user',
          reason: 'Kies een bedrijfsadviseur van uw eigen gemeente.',
        },
      ]);
    }
  }

  private async assertReport(caseId: string, attachmentId: string | undefined) {
    if (attachmentId && !(await this.attachments.exists(caseId, attachmentId))) {
      throw new ValidationFailed([
        {
          name: 'reportAttachmentId',
          code: 'unknown_attachment',
          reason: 'Kies een rapport uit de documenten van dit dossier.',
        },
      ]);
    }
  }

  async recordIntake(actor: UserActor, id: string, input: IntakeInput) {
    const row = await this.access.write(actor, id);
    const status = move(row, 'recordIntake');
    await this.assertAdvisor(input.advisorId);
    const intakeId = await this.records.insertIntake(id, input, actor.user.id);
    await this.cases.setStatus(id, status);
    await this.cases.completeIntakeAction(id);
    // An intake at the office, at the business, by video or by phone is a contact too.
    await this.cases.touchContact(id, `${input.date}T12:00:00Z`);
    await this.journal.event(
      actor,
      id,
      'intake_recorded',
      `Intake vastgelegd (gehouden op ${dutchDate(input.date)}): ${VIABILITY_LABELS[input.viability]}`,
      { intakeId, date: input.date },
    );
    await this.journal.status(actor, id, row.status, status);
    await this.costs.charge(id, 'intake', input.date);
    await this.journal.record({ action: 'create', objectType: 'intake', objectId: intakeId });
    return (await this.records.findIntake(id))!;
  }

  async getIntake(actor: UserActor, id: string) {
    await this.access.read(actor, id);
    const intake = await this.records.findIntake(id);
    if (!intake) throw new NotFound('De intake');
    await this.journal.record({ action: 'read', objectType: 'intake', objectId: intake.id });
    return intake;
  }

  async correctIntake(actor: UserActor, id: string, input: IntakeCorrection) {
    await this.access.write(actor, id);
    const current = await this.records.findIntake(id);
    if (!current) throw new NotFound('De intake');
    await this.assertAdvisor(input.advisorId);
    await this.keepVersion(actor, id, 'intake', current.id, input.correctionReason);
    await this.records.updateIntake(id, input);
    await this.corrected(actor, id, 'intake', current.id, input.correctionReason);
    return (await this.records.findIntake(id))!;
  }

  async recordAnalysis(actor: UserActor, id: string, input: PerspectiveAnalysisInput) {
    const row = await this.access.write(actor, id);
    if (!row.has_intake) {
      throw new InvalidTransition(
        'Een analyse perspectief volgt op de intake. Leg eerst de intake vast.',
      );
    }
    await this.assertReport(id, input.reportAttachmentId);
    const analysisId = await this.records.insertAnalysis(id, input, actor.user.id);
    await this.cases.touch(id);
    await this.journal.event(
      actor,
      id,
      'analysis_recorded',
      `Analyse perspectief door ${input.provider}`,
      {
        analysisId,
      },
    );
    await this.costs.charge(id, 'perspective_analysis', input.date, input.provider);
    await this.journal.record({
      action: 'create',
      objectType: 'perspective-analysis',
      objectId: analysisId,
    });
    return (await this.records.findAnalysis(id, analysisId))!;
  }

  async correctAnalysis(
    actor: UserActor,
    id: string,
    analysisId: string,
    input: PerspectiveAnalysisCorrection,
  ) {
    await this.access.write(actor, id);
    if (!(await this.records.findAnalysis(id, analysisId))) throw new NotFound('De analyse');
    await this.assertReport(id, input.reportAttachmentId);
    await this.keepVersion(actor, id, 'perspective-analysis', analysisId, input.correctionReason);
    await this.records.updateAnalysis(id, analysisId, input);
    await this.corrected(actor, id, 'perspective-analysis', analysisId, input.correctionReason);
    return (await this.records.findAnalysis(id, analysisId))!;
  }

  async listAnalyses(actor: UserActor, id: string) {
    await this.access.read(actor, id);
    const analyses = await this.records.listAnalyses(id);
    await this.journal.record({
      action: 'read',
      objectType: 'perspective-analysis-list',
      objectId: id,
      objectIds: analyses.map((a) => a.id),
    });
    return analyses;
  }

  async startRoute(actor: UserActor, id: string, input: RouteStart) {
    const row = await this.access.write(actor, id);
    const status = move(row, 'startRoute');
    const routeId = await this.records.insertRoute(id, input);
    if (!routeId) {
      throw new Conflict(
        `${ROUTE_TYPE_LABELS[input.type]} loopt al in dit dossier. Rond die eerst af.`,
      );
    }
    await this.cases.setStatus(id, status);
    await this.journal.event(
      actor,
      id,
      'route_started',
      `${ROUTE_TYPE_LABELS[input.type]} gestart`,
      {
        routeId,
        type: input.type,
      },
    );
    await this.journal.status(actor, id, row.status, status);
    await this.journal.record({ action: 'create', objectType: 'route', objectId: routeId });
    return (await this.records.listRoutes(id)).find((r) => r.id === routeId)!;
  }

  /**
   * The routes the intake recommended, started together with one date and note; routes
   * that already run are left as they are. All or nothing: one unit of work.
   */
  async startRecommendedRoutes(actor: UserActor, id: string, input: RecommendedRoutesStart) {
    await this.access.write(actor, id);
    const intake = await this.records.findIntake(id);
    if (!intake) throw new InvalidTransition('Leg eerst de intake vast met de aanbevolen routes.');
    const running = new Set(
      (await this.records.listRoutes(id)).filter((r) => r.status === 'active').map((r) => r.type),
    );
    const toStart = intake.recommendedRoutes.filter(
      (type) => !running.has(type) && (!input.types || input.types.includes(type)),
    );
    if (toStart.length === 0) {
      throw new Conflict(
        intake.recommendedRoutes.length === 0
          ? 'De intake beveelt geen routes aan. Start een route met "Route starten".'
          : 'De aanbevolen routes lopen al.',
      );
    }
    const started = [];
    const { startDate, note } = input;
    for (const type of toStart)
      started.push(await this.startRoute(actor, id, { type, startDate, note }));
    return started;
  }

  async endRoute(actor: UserActor, id: string, routeId: string, input: RouteEnd) {
    const row = await this.access.write(actor, id);
    const route = await this.records.findRoute(id, routeId);
    if (!route) throw new NotFound('De route');
    if (route.status !== 'active') throw new InvalidTransition('Deze route is al beëindigd.');
    const type = route.type as RouteType;
    const outcomes: readonly string[] = ROUTE_OUTCOMES[type];
    if (!outcomes.includes(input.outcome)) {
      throw new ValidationFailed([
        {
          name: 'outcome',
          code: 'invalid_outcome',
          reason: `Kies een uitkomst die bij ${ROUTE_TYPE_LABELS[type]} past.`,
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
    await this.journal.event(
      actor,
      id,
      'route_ended',
      `${ROUTE_TYPE_LABELS[type]} ${input.status === 'completed' ? 'afgerond' : 'gestopt'}: ${ROUTE_OUTCOME_LABELS[input.outcome]}`,
      { routeId },
    );
    // The status follows what runs: without a running route the case is no longer "routes running".
    const after = (await this.cases.find(id, this.access.scope(actor)))!;
    const settled = settledStatus(after.status, factsOf(after));
    if (settled !== after.status) {
      await this.cases.setStatus(id, settled);
      await this.journal.status(actor, id, row.status, settled, ' (geen lopende routes meer)');
    } else {
      await this.cases.touch(id);
    }
    await this.journal.record({ action: 'update', objectType: 'route', objectId: routeId });
    return (await this.records.listRoutes(id)).find((r) => r.id === routeId)!;
  }

  async listRoutes(actor: UserActor, id: string) {
    await this.access.read(actor, id);
    const routes = await this.records.listRoutes(id);
    await this.journal.record({
      action: 'read',
      objectType: 'route-list',
      objectId: id,
      objectIds: routes.map((r) => r.id),
    });
    return routes;
  }

  async addCoaching(actor: UserActor, id: string, input: CoachingInput) {
    const row = await this.access.write(actor, id);
    if (!row.has_intake) {
      throw new InvalidTransition('Coaching kan alleen in een lopend dossier na de intake.');
    }
    const coachingId = await this.records.insertCoaching(id, input);
    await this.cases.touch(id);
    await this.journal.event(
      actor,
      id,
      'coaching_recorded',
      `Coaching door ${input.coach} (${input.organisation})`,
      { coachingId },
    );
    await this.costs.charge(id, 'coaching', input.startDate);
    await this.journal.record({ action: 'create', objectType: 'coaching', objectId: coachingId });
    return { id: coachingId, ...input, endDate: input.endDate ?? null };
  }

  async updateCoaching(actor: UserActor, id: string, coachingId: string, input: CoachingInput) {
    await this.access.write(actor, id);
    const before = (await this.records.listCoachings(id)).find((c) => c.id === coachingId);
    if (!before) throw new NotFound('De coaching');
    await this.records.updateCoaching(id, coachingId, input);
    const changes: string[] = [];
    if (before.sessions !== input.sessions) changes.push(`${input.sessions} gesprekken`);
    if ((before.endDate ?? undefined) !== input.endDate) {
      changes.push(input.endDate ? `beëindigd op ${dutchDate(input.endDate)}` : 'weer lopend');
    }
    if (before.coach !== input.coach || before.organisation !== input.organisation) {
      changes.push(`coach ${input.coach} (${input.organisation})`);
    }
    if (before.startDate !== input.startDate) changes.push(`start ${dutchDate(input.startDate)}`);
    await this.cases.touch(id);
    await this.journal.event(
      actor,
      id,
      'coaching_updated',
      `Coaching bijgewerkt${changes.length ? `: ${changes.join(', ')}` : ''}`,
      { coachingId },
    );
    await this.journal.record({ action: 'update', objectType: 'coaching', objectId: coachingId });
    return { id: coachingId, ...input, endDate: input.endDate ?? null };
  }

  async listCoachings(actor: UserActor, id: string) {
    await this.access.read(actor, id);
    const coachings = await this.records.listCoachings(id);
    await this.journal.record({
      action: 'read',
      objectType: 'coaching-list',
      objectId: id,
      objectIds: coachings.map((c) => c.id),
    });
    return coachings;
  }

  /** A contact; also after closing, as follow-up. */
  async logContact(actor: UserActor, id: string, input: ContactInput) {
    await this.access.write(actor, id, { mustBeOpen: false });
    if (inFuture(input.occurredAt)) {
      throw new ValidationFailed([
        {
          name: 'occurredAt',
          code: 'in_future',
          reason: 'Een contact kan niet in de toekomst liggen.',
        },
      ]);
    }
    const contactId = await this.records.insertContact(id, input, actor.user.id);
    await this.cases.touchContact(id, input.occurredAt);
    await this.journal.event(
      actor,
      id,
      'contact_logged',
      `${CONTACT_CHANNEL_LABELS[input.channel]}: ${input.summary.slice(0, 200)}`,
      { contactId },
      input.occurredAt,
    );
    await this.journal.record({ action: 'create', objectType: 'contact', objectId: contactId });
    return (await this.records.findContact(id, contactId))!;
  }

  async correctContact(actor: UserActor, id: string, contactId: string, input: ContactCorrection) {
    await this.access.write(actor, id, { mustBeOpen: false });
    if (!(await this.records.findContact(id, contactId))) throw new NotFound('Het contact');
    if (inFuture(input.occurredAt)) {
      throw new ValidationFailed([
        {
          name: 'occurredAt',
          code: 'in_future',
          reason: 'Een contact kan niet in de toekomst liggen.',
        },
      ]);
    }
    await this.keepVersion(actor, id, 'contact', contactId, input.correctionReason);
    await this.records.updateContact(id, contactId, input);
    await this.cases.touchContact(id, input.occurredAt);
    await this.corrected(actor, id, 'contact', contactId, input.correctionReason);
    return (await this.records.findContact(id, contactId))!;
  }

  async listContacts(actor: UserActor, id: string) {
    await this.access.read(actor, id);
    const contacts = await this.records.listContacts(id);
    await this.journal.record({
      action: 'read',
      objectType: 'contact-list',
      objectId: id,
      objectIds: contacts.map((c) => c.id),
    });
    return contacts;
  }

  async history(
    actor: UserActor,
    id: string,
    kind: CorrectableRecord,
    recordId: string,
  ): Promise<RecordVersion[]> {
    await this.access.read(actor, id);
    const versions = await this.records.listVersions(id, kind, recordId);
    await this.journal.record({
      action: 'read',
      objectType: `${kind}-history`,
      objectId: recordId,
    });
    return versions;
  }

  private async keepVersion(
    actor: UserActor,
    caseId: string,
    kind: CorrectableRecord,
    recordId: string,
    reason: string,
  ) {
    await this.records.saveVersion(caseId, kind, recordId, reason, actor.user.id);
  }

  private async corrected(
    actor: UserActor,
    caseId: string,
    kind: CorrectableRecord,
    recordId: string,
    reason: string,
  ) {
    await this.cases.touch(caseId);
    await this.journal.event(
      actor,
      caseId,
      'record_corrected',
      `${CORRECTABLE_RECORD_LABELS[kind]} gecorrigeerd: ${reason.slice(0, 200)}`,
      { kind, recordId },
    );
    await this.journal.record({ action: 'update', objectType: kind, objectId: recordId, reason });
  }
}
