import { actors } from '../../context/actor.ts';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import type { ReferralsService } from './referrals.service.ts';

/**
 * The reminder job: for every municipality, one e-mail per caseworker about each referral
 * without progress, at most once a day per referral. The queue runs it on one instance.
 */
export async function remindStalledReferrals(
  uow: TenantUnitOfWork,
  reference: ReferenceRepository,
  referrals: ReferralsService,
): Promise<number> {
  let sent = 0;
  for (const m of await reference.listMunicipalities()) {
    sent += await uow.run(actors.system(m, 'verwijzingen-herinnering'), () => referrals.remind(m));
  }
  return sent;
}
