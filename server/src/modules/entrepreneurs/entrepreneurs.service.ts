import type { Entrepreneur, EntrepreneurInput } from '@herorientatie/domain';
import { Conflict, NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';
import { EntrepreneursRepository } from './entrepreneurs.repository.ts';

export class DuplicateEntrepreneur extends Conflict {}

/** Entrepreneurs: create with duplicate detection, read (audited), reveal the BSN (audited). */
export class EntrepreneursService {
  constructor(
    private readonly repository = new EntrepreneursRepository(),
    private readonly audit = new AuditService(),
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
  async update(id: string, input: EntrepreneurInput): Promise<Entrepreneur> {
    await this.assertNoDuplicate(input, id);
    const updated = await this.repository.update(id, input, input.bsn === undefined);
    if (!updated) throw new NotFound('De ondernemer');
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

  async search(q: string | undefined): Promise<Entrepreneur[]> {
    const found = await this.repository.search(q, 20);
    await this.audit.record({ action: 'read', objectType: 'entrepreneur-search', objectId: null });
    return found;
  }
}
