import {
  can,
  DATA_CATEGORY_LABELS,
  NOT_REALISED_LABELS,
  REFERRAL_STATUS_LABELS,
  referralTransition,
  type Consent,
  type ConsentInput,
  type DataCategory,
  type PartnerReferral,
  type Referral,
  type ReferralInput,
  type ReferralStatusInput,
} from '@herorientatie/domain';
import { principalOf, type UserActor } from '../../context/actor.ts';
import { currentManager } from '../../db/unit-of-work.ts';
import {
  DomainError,
  Forbidden,
  InvalidTransition,
  NotFound,
  ValidationFailed,
} from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseAccess } from '../cases/case-access.ts';
import { CaseJournal } from '../cases/case-journal.ts';
import { TimelineRepository } from '../cases/timeline.repository.ts';
import { CaseRecordsRepository } from '../cases/case-records.repository.ts';
import type { MailService } from '../mail/mail.service.ts';
import { ReferralsRepository, type ReferralRow } from './referrals.repository.ts';

/** Sharing data with a partner without valid consent for that partner and those data. */
export class ConsentMissing extends DomainError {
  readonly code = 'conflict';
}

/**
 * Referrals that really happen: consent per entrepreneur and partner, a referral sent with
 * exactly the consented data (or recorded when the entrepreneur registers themselves),
 * its lifecycle until started or known to have failed, the stalled worklist, reminders
 * and notifications through the outbox, and the partner's own view.
 */
export class ReferralsService {
  private readonly repository: ReferralsRepository;

  constructor(
    private readonly mail: MailService,
    stalledDays: number,
    private readonly access = new CaseAccess(),
    private readonly journal = new CaseJournal(),
    private readonly audit = new AuditService(),
    private readonly timeline = new TimelineRepository(),
    private readonly records = new CaseRecordsRepository(),
  ) {
    this.repository = new ReferralsRepository(stalledDays);
  }

  private async entrepreneurOfCase(actor: UserActor, caseId: string, write: boolean) {
    const row = write
      ? await this.access.write(actor, caseId)
      : await this.access.read(actor, caseId);
    return row;
  }

  private async partner(partnerId: string, regionId: string) {
    const rows = await currentManager().query(
      'select id, name, kind, email, required_categories from partner_organisation where id = $1 and region_id = $2',
      [partnerId, regionId],
    );
    if (!rows[0]) {
      throw new ValidationFailed([
        {
          name: 'partnerId',
          code: 'unknown_partner',
          reason: 'Kies een partnerorganisatie van uw regio.',
        },
      ]);
    }
    return rows[0] as {
      id: string;
      name: string;
      kind: string;
      email: string | null;
      required_categories: string[];
    };
  }

  async consents(actor: UserActor, caseId: string): Promise<Consent[]> {
    const row = await this.entrepreneurOfCase(actor, caseId, false);
    const consents = await this.repository.listConsents(row.entrepreneur_id);
    await this.audit.record({
      action: 'read',
      objectType: 'consent-list',
      objectId: row.entrepreneur_id,
    });
    return consents;
  }

  async recordConsent(actor: UserActor, caseId: string, input: ConsentInput): Promise<Consent[]> {
    const row = await this.access.write(actor, caseId, { mustBeOpen: false });
    const partner = await this.partner(input.partnerId, actor.regionId);
    if (input.givenHow === 'signed_form' && !input.documentId) {
      throw new ValidationFailed([
        {
          name: 'documentId',
          code: 'required',
          reason: 'Kies het ondertekende formulier uit de documenten.',
        },
      ]);
    }
    const id = await this.repository.insertConsent(row.entrepreneur_id, input, actor.user.id);
    await this.journal.event(
      actor,
      caseId,
      'consent',
      `Toestemming vastgelegd voor ${partner.name}: ${input.categories.map((c) => DATA_CATEGORY_LABELS[c].toLowerCase()).join('; ')}`,
    );
    await this.audit.record({ action: 'create', objectType: 'consent', objectId: id });
    return this.repository.listConsents(row.entrepreneur_id);
  }

  async withdrawConsent(
    actor: UserActor,
    caseId: string,
    consentId: string,
    reason: string,
  ): Promise<Consent[]> {
    const row = await this.access.write(actor, caseId, { mustBeOpen: false });
    const partnerId = await this.repository.withdrawConsent(
      row.entrepreneur_id,
      consentId,
      reason,
      actor.user.id,
    );
    if (!partnerId) throw new NotFound('De toestemming');
    const partner = await this.partner(partnerId, actor.regionId);
    await this.journal.event(
      actor,
      caseId,
      'consent',
      `Toestemming ingetrokken voor ${partner.name}: ${reason.slice(0, 200)}`,
    );
    await this.audit.record({
      action: 'update',
      objectType: 'consent',
      objectId: consentId,
      reason: 'intrekken',
    });
    return this.repository.listConsents(row.entrepreneur_id);
  }

  private async toReferral(row: ReferralRow): Promise<Referral> {
    return {
      id: row.id,
      caseId: row.case_id,
      caseReference: row.case_reference,
      partnerId: row.partner_id,
      partnerName: row.partner_name,
      routeId: row.route_id,
      mode: row.mode,
      status: row.status,
      categories: row.categories as DataCategory[],
      followUpOn: row.follow_up_on,
      lastChangeAt: row.last_change_at,
      notRealisedReason: row.not_realised_reason as Referral['notRealisedReason'],
      costBearer: row.cost_bearer,
      stalled: row.stalled,
      events: await this.repository.events(row.id),
    };
  }

  async list(actor: UserActor, caseId: string): Promise<Referral[]> {
    await this.access.read(actor, caseId);
    const rows = await this.repository.listForCase(caseId);
    await this.audit.record({
      action: 'read',
      objectType: 'referral-list',
      objectId: caseId,
      objectIds: rows.map((r) => r.id),
    });
    return Promise.all(rows.map((r) => this.toReferral(r)));
  }

  /** Who bears the cost of debt restructuring: a Bbz credit within the Bbz target group, else the municipality. */
  private async costBearer(
    caseId: string,
    entrepreneurId: string,
  ): Promise<'bbz_credit' | 'municipality'> {
    const rows = await currentManager().query(
      `select coalesce((select i.bbz_options && array['income_support', 'business_credit'] from intake i
                         where i.municipality_id = current_municipality_id() and i.case_id = $1), false) as bbz,
              (select e.partner_income from entrepreneur e where e.municipality_id = current_municipality_id() and e.id = $2) as partner_income`,
      [caseId, entrepreneurId],
    );
    return rows[0].bbz && rows[0].partner_income !== 'yes' ? 'bbz_credit' : 'municipality';
  }

  async create(actor: UserActor, caseId: string, input: ReferralInput): Promise<Referral> {
    const row = await this.access.write(actor, caseId);
    if (!row.has_intake)
      throw new InvalidTransition('Een verwijzing volgt op de intake. Leg eerst de intake vast.');
    const partner = await this.partner(input.partnerId, actor.regionId);
    if (input.routeId && !(await this.records.findRoute(caseId, input.routeId))) {
      throw new ValidationFailed([
        { name: 'routeId', code: 'unknown_route', reason: 'Kies een route van dit dossier.' },
      ]);
    }
    if (input.mode === 'by_us' && input.categories.length === 0) {
      throw new ValidationFailed([
        { name: 'categories', code: 'required', reason: 'Kies welke gegevens de partner krijgt.' },
      ]);
    }
    const [{ name }] = await currentManager().query(
      'select name from municipality where id = current_municipality_id()',
    );
    const id = await this.repository.insertReferral(caseId, input, {
      municipalityName: name,
      costBearer:
        partner.kind === 'debt_specialist'
          ? await this.costBearer(caseId, row.entrepreneur_id)
          : null,
      by: actor.user.id,
      notifyEmail: actor.user.email,
    });
    await this.repository.addEvent(
      actor.municipalityId,
      id,
      'draft',
      actor.user.name,
      input.note ?? null,
    );
    await this.journal.event(
      actor,
      caseId,
      'referral',
      `Verwijzing naar ${partner.name} voorbereid`,
    );
    await this.audit.record({ action: 'create', objectType: 'referral', objectId: id });
    return this.toReferral((await this.repository.find(caseId, id))!);
  }

  /** The data the partner receives: exactly the categories consented to and asked for. */
  private async snapshot(entrepreneurId: string, caseId: string, categories: DataCategory[]) {
    const [e] = await currentManager().query(
      `select e.name, e.email, e.phone, e.postcode, e.house_number, e.business_name, e.kvk_number, e.sbi_code, e.bsn,
              i.viability, i.bbz_options
         from entrepreneur e
         left join intake i on i.municipality_id = e.municipality_id and i.case_id = $2
        where e.municipality_id = current_municipality_id() and e.id = $1`,
      [entrepreneurId, caseId],
    );
    const data: Record<string, string | null> = {};
    if (categories.includes('contact'))
      Object.assign(data, { naam: e.name, 'e-mailadres': e.email, telefoonnummer: e.phone });
    if (categories.includes('address'))
      Object.assign(data, { postcode: e.postcode, huisnummer: e.house_number });
    if (categories.includes('business'))
      Object.assign(data, {
        bedrijfsnaam: e.business_name,
        'KvK-nummer': e.kvk_number,
        'SBI-code': e.sbi_code,
      });
    if (categories.includes('situation'))
      Object.assign(data, {
        levensvatbaarheid: e.viability,
        'Bbz-mogelijkheden': e.bbz_options?.join(', ') ?? null,
      });
    if (categories.includes('bsn')) Object.assign(data, { BSN: e.bsn });
    return data;
  }

  async changeStatus(
    actor: UserActor,
    caseId: string,
    id: string,
    input: ReferralStatusInput,
  ): Promise<Referral> {
    const row = await this.access.write(actor, caseId, { mustBeOpen: input.status === 'sent' });
    const referral = await this.repository.find(caseId, id, true);
    if (!referral) throw new NotFound('De verwijzing');
    const step = referralTransition(referral.status, input.status);
    if (!step.ok) throw new InvalidTransition(step.reason);
    let sharedData: Record<string, string | null> | undefined;
    let consentId: string | null = null;
    if (input.status === 'sent' && referral.mode === 'by_us') {
      consentId = await this.repository.validConsent(
        row.entrepreneur_id,
        referral.partner_id,
        referral.categories,
      );
      if (!consentId) {
        throw new ConsentMissing(
          `Er is geen geldige toestemming om ${referral.categories.map((c) => DATA_CATEGORY_LABELS[c as DataCategory].toLowerCase()).join('; ')} te delen met ${referral.partner_name}. Leg eerst de toestemming vast.`,
        );
      }
      sharedData = await this.snapshot(
        row.entrepreneur_id,
        caseId,
        referral.categories as DataCategory[],
      );
    }
    if (input.status === 'sent' && referral.mode === 'self') sharedData = {};
    await this.repository.setStatus(id, input.status, {
      reason: input.reason ?? null,
      sharedData,
      consentId,
      followUpOn: input.followUpOn,
    });
    await this.repository.addEvent(
      actor.municipalityId,
      id,
      input.status,
      actor.user.name,
      input.note ?? null,
    );
    await this.journal.event(
      actor,
      caseId,
      'referral',
      this.statusSummary(referral.partner_name, input),
    );
    await this.audit.record({
      action: input.status === 'sent' && sharedData ? 'export' : 'update',
      objectType: 'referral',
      objectId: id,
    });
    if (input.status === 'sent' && referral.partner_email && referral.mode === 'by_us') {
      await this.mail.enqueue(
        {
          purpose: 'referral-new',
          to: referral.partner_email,
          subject: 'Nieuwe verwijzing in Heroriëntatie',
          text: `Er staat een nieuwe verwijzing voor ${referral.partner_name} klaar. Log in op Heroriëntatie om die te bekijken; persoonsgegevens staan niet in deze e-mail.`,
        },
        { municipalityId: actor.municipalityId, regionId: actor.regionId },
      );
    }
    return this.toReferral((await this.repository.find(caseId, id))!);
  }

  /** A referral that was never sent can be thrown away; the timeline keeps that it was. */
  async discardDraft(actor: UserActor, caseId: string, id: string): Promise<void> {
    await this.access.write(actor, caseId, { mustBeOpen: false });
    const referral = await this.repository.find(caseId, id, true);
    if (!referral) throw new NotFound('De verwijzing');
    if (referral.status !== 'draft') {
      throw new InvalidTransition(
        'Alleen een concept kan worden weggegooid; een verstuurde verwijzing blijft bewaard.',
      );
    }
    await this.repository.discardDraft(id);
    await this.journal.event(
      actor,
      caseId,
      'referral',
      `Conceptverwijzing naar ${referral.partner_name} weggegooid`,
    );
    await this.audit.record({ action: 'delete', objectType: 'referral', objectId: id });
  }

  private statusSummary(partner: string, input: ReferralStatusInput) {
    const base = `Verwijzing naar ${partner}: ${REFERRAL_STATUS_LABELS[input.status].toLowerCase()}`;
    return input.reason ? `${base} (${NOT_REALISED_LABELS[input.reason].toLowerCase()})` : base;
  }

  async stalled(actor: UserActor) {
    // An advisor sees the stalled referrals of the cases assigned to them only.
    const everyCase = can(principalOf(actor.user), 'referral:read', { advisorId: null });
    const rows = await this.repository.listStalled(everyCase ? null : actor.user.id);
    await this.audit.record({
      action: 'read',
      objectType: 'referral-stalled',
      objectId: null,
      objectIds: rows.map((r) => r.id),
    });
    return Promise.all(rows.map((r) => this.toReferral(r)));
  }

  /** The count only, for the home page: no personal data read, nothing to audit. */
  async stalledCount(actor: UserActor): Promise<{ stalled: number }> {
    const everyCase = can(principalOf(actor.user), 'referral:read', { advisorId: null });
    return { stalled: await this.repository.countStalled(everyCase ? null : actor.user.id) };
  }

  /** Reminds caseworkers of the current municipality's stalled referrals (system actor). */
  async remind(place: { id: string; regionId: string }): Promise<number> {
    const due = await this.repository.dueReminders();
    const withAddress = due.filter((r) => r.caseworker_email);
    for (const r of withAddress) {
      await this.mail.enqueue(
        {
          purpose: 'referral-reminder',
          to: r.caseworker_email!,
          subject: `Verwijzing zonder voortgang: ${r.case_reference}`,
          text: `De verwijzing van dossier ${r.case_reference} naar ${r.partner_name} staat sinds ${r.last_change_at.slice(0, 10)} op "${REFERRAL_STATUS_LABELS[r.status]}" (opvolgen op ${r.follow_up_on}). Vraag de partner of de ondernemer hoe het staat.`,
        },
        { municipalityId: place.id, regionId: place.regionId },
      );
    }
    await this.repository.markReminded(due.map((r) => r.id));
    return withAddress.length;
  }

  // --- The partner's own view -------------------------------------------------------------

  private assertPartner(actor: UserActor) {
    if (!actor.user.partnerId)
      throw new Forbidden('Alleen medewerkers van een partnerorganisatie zien dit.');
  }

  async partnerReferrals(actor: UserActor): Promise<PartnerReferral[]> {
    this.assertPartner(actor);
    const rows: (PartnerReferral & { municipality_id: string })[] =
      await this.repository.partnerList();
    for (const r of rows) {
      await this.audit.record({
        action: 'read',
        objectType: 'referral',
        objectId: r.id,
        municipalityId: r.municipality_id,
      });
    }
    return rows.map(({ municipality_id: _m, ...r }) => r);
  }

  /** The partner acknowledges, starts, completes or rejects a referral addressed to it. */
  async partnerChange(
    actor: UserActor,
    id: string,
    input: ReferralStatusInput,
  ): Promise<PartnerReferral> {
    this.assertPartner(actor);
    const rows: {
      id: string;
      municipality_id: string;
      case_id: string;
      status: string;
      notify_email: string | null;
      municipality_name: string;
    }[] = await currentManager().query(
      `select r.id, r.municipality_id, r.case_id, r.status, r.notify_email, r.municipality_name
         from referral r where r.id = $1 for update`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new NotFound('De verwijzing');
    if (input.status === 'sent' || input.status === 'draft') {
      throw new InvalidTransition(
        'Een partner kan een verwijzing ontvangen, starten, afronden of afwijzen.',
      );
    }
    const step = referralTransition(row.status as ReferralStatusInput['status'], input.status);
    if (!step.ok) throw new InvalidTransition(step.reason);
    await this.repository.setStatus(id, input.status, { reason: input.reason ?? null });
    await this.repository.addEvent(
      row.municipality_id,
      id,
      input.status,
      actor.user.name,
      input.note ?? null,
    );
    await this.audit.record({
      action: 'update',
      objectType: 'referral',
      objectId: id,
      municipalityId: row.municipality_id,
    });
    const [{ name: partnerName }] = await currentManager().query(
      'select name from partner_organisation where id = $1',
      [actor.user.partnerId],
    );
    await this.timeline.append(
      row.case_id,
      'referral',
      this.statusSummary(partnerName, input),
      null,
      { referralId: id },
      undefined,
      row.municipality_id,
    );
    if (row.notify_email) {
      await this.mail.enqueue(
        {
          purpose: 'referral-status',
          to: row.notify_email,
          subject: `Verwijzing naar ${partnerName}: ${REFERRAL_STATUS_LABELS[input.status].toLowerCase()}`,
          text: `${partnerName} heeft de stand van een verwijzing gewijzigd in "${REFERRAL_STATUS_LABELS[input.status]}". Bekijk het dossier in Heroriëntatie.`,
        },
        { municipalityId: row.municipality_id, regionId: actor.regionId },
      );
    }
    const updated = (await this.repository.partnerList()).find((r: { id: string }) => r.id === id);
    return { ...updated, municipality_id: undefined } as PartnerReferral;
  }
}
