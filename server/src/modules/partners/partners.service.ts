import type { Partner, PartnerCreate, PartnerInput } from '@herorientatie/domain';
import type { UserActor } from '../../context/actor.ts';
import { currentManager } from '../../db/unit-of-work.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { AuditService } from '../audit/audit.service.ts';

const PARTNER = `select id, code, name, kind, routes, services, contact_channel as "contactChannel", email,
                        required_categories as "requiredCategories"
                   from partner_organisation`;

/**
 * The region's partner organisations, kept up to date by the administrator of the centre
 * municipality. The table is reference data: a change goes through a database function
 * that checks the role, the centre and the region itself.
 */
export class PartnersService {
  constructor(private readonly audit = new AuditService()) {}

  private async find(actor: UserActor, id: string): Promise<Partner | null> {
    const rows = await currentManager().query(`${PARTNER} where region_id = $1 and id = $2`, [
      actor.regionId,
      id,
    ]);
    return rows[0] ?? null;
  }

  private save(
    id: string | null,
    code: string | null,
    input: PartnerInput,
  ): Promise<string | null> {
    return currentManager()
      .query(`select save_partner_organisation($1, $2, $3, $4, $5, $6, $7, $8, $9) as id`, [
        id,
        code,
        input.name,
        input.kind,
        input.routes,
        input.services,
        input.contactChannel,
        input.email ?? null,
        input.requiredCategories,
      ])
      .then((rows: { id: string | null }[]) => rows[0]!.id);
  }

  async create(actor: UserActor, input: PartnerCreate): Promise<Partner> {
    const taken = await currentManager().query(
      'select 1 from partner_organisation where code = $1',
      [input.code],
    );
    if (taken.length > 0) throw new Conflict(`De code "${input.code}" is al in gebruik.`);
    const id = (await this.save(null, input.code, input))!;
    await this.audit.record({ action: 'create', objectType: 'partner-organisation', objectId: id });
    return (await this.find(actor, id))!;
  }

  async update(actor: UserActor, id: string, input: PartnerInput): Promise<Partner> {
    if (!(await this.save(id, null, input))) throw new NotFound('De partnerorganisatie');
    await this.audit.record({ action: 'update', objectType: 'partner-organisation', objectId: id });
    return (await this.find(actor, id))!;
  }
}
