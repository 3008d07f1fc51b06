import type { DuplicateCandidate, Entrepreneur, EntrepreneurInput } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CaseJournal } from '../cases/case-journal.ts';
import { EntrepreneursRepository } from './entrepreneurs.repository.ts';

export class DuplicateEntrepreneur extends Conflict {}

/** Dutch names of the fields, for the timeline (values stay out of it). */
const FIELD_LABELS = {
  name: 'naam',
  email: 'e-mailadres',
  phone: 'telefoonnummer',
  postcode: 'postcode',
  houseNumber: 'huisnummer',
  houseNumberAddition: 'toevoeging',
  street: 'straat',
  town: 'woonplaats',
  businessName: 'bedrijfsnaam',
  kvkNumber: 'KvK-nummer',
  legalForm: 'rechtsvorm',
  sbiCode: 'SBI-code',
  businessStartDate: 'startdatum bedrijf',
  tozoPeriods: 'Tozo-periodes',
  partnerIncome: 'inkomen partner',
  bsn: 'BSN',
} as const;

/** Entrepreneurs: create with duplicate detection, read (audited), reveal the BSN (audited). */
export class EntrepreneursService {
  constructor(
    private readonly repository = new EntrepreneursRepository(),
    private readonly audit = new AuditService(),
    private readonly journal = new CaseJournal(),
  ) {}

  async assertNoDuplicate(input: EntrepreneurInput, exceptId?: string): Promise<void> {
    const duplicate = await this.repository.findDuplicate(input.kvkNumber, input.bsn, exceptId);
    if (duplicate) {
      const what = duplicate.field === 'kvkNumber' ? 'dit KvK-nummer' : 'dit BSN';
      throw new DuplicateEntrepreneur(
        `Er is al een ondernemer met ${what} in uw gemeente: ${duplicate.name} (${duplicate.businessName}). Kies die ondernemer bij de aanmelding.`,
      );
    }
  }

  async create(input: EntrepreneurInput): Promise<Entrepreneur> {
    await this.assertNoDuplicate(input);
    const entrepreneur = await this.repository.insert(input);
    await this.audit.record({
      action: 'create',
      objectType: 'entrepreneur',
      objectId: entrepreneur.id,
    });
    return entrepreneur;
  }

  async get(id: string): Promise<Entrepreneur> {
    const entrepreneur = await this.repository.findById(id);
    if (!entrepreneur) throw new NotFound('De ondernemer');
    await this.audit.record({ action: 'read', objectType: 'entrepreneur', objectId: id });
    return entrepreneur;
  }

  /** Updates; an omitted BSN keeps the stored one, so the masked value never overwrites it. */
  async update(actor: UserActor, id: string, input: EntrepreneurInput): Promise<Entrepreneur> {
    const before = await this.repository.findById(id);
    if (!before) throw new NotFound('De ondernemer');
    await this.assertNoDuplicate(input, id);
    const bsnBefore = input.bsn === undefined ? undefined : await this.repository.findBsn(id);
    const updated = await this.repository.update(id, input, input.bsn === undefined);
    if (!updated) throw new NotFound('De ondernemer');
    const fields = Object.keys(FIELD_LABELS).filter((f) => f !== 'bsn') as Exclude<
      keyof typeof FIELD_LABELS,
      'bsn'
    >[];
    const changed: (keyof typeof FIELD_LABELS)[] = fields.filter(
      (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(updated[field] ?? null),
    );
    if (input.bsn !== undefined && input.bsn !== bsnBefore) changed.push('bsn');
    if (changed.length > 0) {
      await this.journal.entrepreneurChanged(
        actor,
        id,
        `Gegevens ondernemer gewijzigd: ${changed.map((f) => FIELD_LABELS[f]).join(', ')}`,
      );
    }
    await this.audit.record({ action: 'update', objectType: 'entrepreneur', objectId: id });
    return updated;
  }

  async revealBsn(id: string, reason: string): Promise<string | null> {
    const bsn = await this.repository.findBsn(id);
    if (bsn === undefined) throw new NotFound('De ondernemer');
    await this.audit.record({
      action: 'reveal',
      objectType: 'entrepreneur.bsn',
      objectId: id,
      reason,
    });
    return bsn;
  }

  async possibleDuplicates(name: string, postcode: string): Promise<DuplicateCandidate[]> {
    const found = await this.repository.possibleDuplicates(name, postcode, 5);
    await this.audit.record({
      action: 'read',
      objectType: 'entrepreneur-duplicates',
      objectId: null,
      query: { name, postcode },
      objectIds: found.map((e) => e.id),
    });
    return found;
  }

  async search(q: string | undefined): Promise<Entrepreneur[]> {
    const found = await this.repository.search(q, 20);
    await this.audit.record({
      action: 'read',
      objectType: 'entrepreneur-search',
      objectId: null,
      query: { q: q ?? null },
      objectIds: found.map((e) => e.id),
    });
    return found;
  }
}
