import {
  DECISION_LABELS,
  formatEuro,
  type BbzRequest,
  type BbzRequestInput,
  type CaseDetail,
  type DecisionInput,
  type TonkApplication,
  type TonkApplicationInput,
} from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { Conflict, InvalidTransition, NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { CaseJournal } from '../cases/case-journal.ts';
import { CaseLifecycleService } from '../cases/case-lifecycle.service.ts';
import { TonkRepository } from './tonk.repository.ts';

/**
 * TONK applications, with a reorientation case in one step for a self-employed applicant,
 * and Bbz requests and decisions on a case.
 */
export class TonkService {
  constructor(
    private readonly repository = new TonkRepository(),
    private readonly cases = new CaseLifecycleService(),
    private readonly access = new CaseAccess(),
    private readonly journal = new CaseJournal(),
    private readonly audit = new AuditService(),
  ) {}

  async list(): Promise<TonkApplication[]> {
    const rows = await this.repository.list();
    await this.audit.record({
      action: 'read',
      objectType: 'tonk-list',
      objectId: null,
      objectIds: rows.map((r) => r.id),
    });
    return rows;
  }

  async create(actor: UserActor, input: TonkApplicationInput): Promise<TonkApplication> {
    const id = await this.repository.insert(input, actor.user.id);
    await this.audit.record({ action: 'create', objectType: 'tonk', objectId: id });
    return (await this.repository.find(id))!;
  }

  async decide(actor: UserActor, id: string, input: DecisionInput): Promise<TonkApplication> {
    const application = await this.repository.find(id, true);
    if (!application) throw new NotFound('De TONK-aanvraag');
    await this.repository.decide('tonk_application', id, input);
    if (application.caseId) {
      await this.journal.event(
        actor,
        application.caseId,
        'note',
        `TONK: ${DECISION_LABELS[input.decision].toLowerCase()}${input.grantedCents !== undefined && input.decision === 'granted' ? ` (${formatEuro(input.grantedCents)})` : ''}`,
      );
    }
    await this.audit.record({ action: 'update', objectType: 'tonk', objectId: id });
    return (await this.repository.find(id))!;
  }

  /** A self-employed TONK applicant becomes a reorientation case in one step. */
  async openCase(actor: UserActor, id: string): Promise<CaseDetail> {
    const a = await this.repository.find(id, true);
    if (!a) throw new NotFound('De TONK-aanvraag');
    if (!a.selfEmployed)
      throw new InvalidTransition(
        'Heroriëntatie is voor zelfstandig ondernemers; deze aanvrager is dat niet.',
      );
    if (a.caseId) throw new Conflict('Voor deze aanvraag is al een dossier geopend.');
    const detail = await this.cases.register(actor, {
      // A source of its own, so the figures count TONK applicants who start a reorientation.
      source: 'tonk_application',
      urgency: 'high',
      otherSupport: 'some',
      entrepreneur: {
        name: a.name,
        businessName: a.businessName ?? a.name,
        email: a.email ?? undefined,
        postcode: a.postcode ?? undefined,
        kvkNumber: a.kvkNumber ?? undefined,
        legalForm: 'eenmanszaak',
        tozoPeriods: [],
        partnerIncome: 'unknown',
      },
    });
    await this.repository.linkCase(id, detail.id);
    await this.journal.event(
      actor,
      detail.id,
      'note',
      `Geopend vanuit een TONK-aanvraag (${formatEuro(a.requestedCents)} gevraagd)`,
    );
    return detail;
  }

  async forCase(actor: UserActor, caseId: string) {
    await this.access.read(actor, caseId);
    const [tonk, bbz] = [
      await this.repository.forCase(caseId),
      await this.repository.bbzForCase(caseId),
    ];
    await this.audit.record({ action: 'read', objectType: 'tonk-bbz', objectId: caseId });
    return { tonk, bbz };
  }

  async requestBbz(actor: UserActor, caseId: string, input: BbzRequestInput): Promise<BbzRequest> {
    await this.access.write(actor, caseId);
    const id = await this.repository.insertBbz(caseId, input, actor.user.id);
    await this.journal.event(
      actor,
      caseId,
      'note',
      `Bbz aangevraagd: ${input.kind === 'business_credit' ? `bedrijfskrediet ${formatEuro(input.amountCents!)}` : 'inkomensondersteuning'}`,
    );
    await this.audit.record({ action: 'create', objectType: 'bbz', objectId: id });
    return (await this.repository.findBbz(caseId, id))!;
  }

  async decideBbz(
    actor: UserActor,
    caseId: string,
    id: string,
    input: DecisionInput,
  ): Promise<BbzRequest> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    if (!(await this.repository.findBbz(caseId, id))) throw new NotFound('De Bbz-aanvraag');
    await this.repository.decide('bbz_request', id, input);
    await this.journal.event(
      actor,
      caseId,
      'note',
      `Bbz: ${DECISION_LABELS[input.decision].toLowerCase()}`,
    );
    await this.audit.record({ action: 'update', objectType: 'bbz', objectId: id });
    return (await this.repository.findBbz(caseId, id))!;
  }
}
