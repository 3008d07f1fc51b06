import type { Role, StaffMember } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

/** Colleagues of the current municipality who have logged in at least once. */
export class StaffRepository {
  async list(role?: Role): Promise<StaffMember[]> {
    return currentManager().query(
      `select id, name, roles from app_user where municipality_id = $1 and ($2::text is null or $2 = any(roles))
        order by name`,
      [currentMunicipalityId(), role ?? null],
    );
  }

  async hasRole(userId: string, roles: Role[]): Promise<boolean> {
    const rows = await currentManager().query(
      `select 1 from app_user where municipality_id = $1 and id = $2 and roles && $3::text[]`,
      [currentMunicipalityId(), userId, roles],
    );
    return rows.length > 0;
  }
}
