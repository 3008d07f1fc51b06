import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';
import { AppUser } from './app-user.entity.ts';

export interface UserLogin {
  subject: string;
  name: string;
  email: string | null;
  roles: string[];
}

/** Users of the current municipality. Runs inside a tenant unit of work. */
export class UsersRepository {
  async upsertOnLogin(login: UserLogin): Promise<AppUser> {
    const manager = currentManager();
    const rows: AppUser[] = await manager.query(
      `insert into app_user (municipality_id, subject, name, email, roles)
       values ($1, $2, $3, $4, $5)
       on conflict (municipality_id, subject) do update
         set name = excluded.name, email = excluded.email, roles = excluded.roles,
             last_login_at = now()
       returning id`,
      [currentMunicipalityId(), login.subject, login.name, login.email, login.roles],
    );
    const id = (rows[0] as unknown as { id: string }).id;
    return manager.getRepository(AppUser).findOneByOrFail({
      municipalityId: currentMunicipalityId(),
      id,
    });
  }
}
