import { parseRoles, type Role } from '@herorientatie/domain';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { actors, type SessionUser } from '../../context/actor.ts';
import { AuditService } from '../audit/audit.service.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import { UsersRepository } from './users.repository.ts';

export interface ClaimNames {
  municipality: string;
  roles: string;
}

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'unknown-municipality' | 'no-roles' | 'no-subject' };

/** Turns the claims of a verified login into a session user, or a reason to refuse. */
export class AuthService {
  constructor(
    private readonly uow: TenantUnitOfWork,
    private readonly reference: ReferenceRepository,
    private readonly claimNames: ClaimNames,
    private readonly users = new UsersRepository(),
    private readonly audit = new AuditService(),
  ) {}

  async login(claims: Record<string, unknown>): Promise<LoginResult> {
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    if (!subject) return { ok: false, reason: 'no-subject' };
    const code = claims[this.claimNames.municipality];
    const municipality =
      typeof code === 'string'
        ? await this.reference.findMunicipalityByCode(code.trim().toUpperCase())
        : null;
    if (!municipality) return { ok: false, reason: 'unknown-municipality' };
    const roles: Role[] = parseRoles(claims[this.claimNames.roles]);
    if (roles.length === 0) return { ok: false, reason: 'no-roles' };

    const name =
      (typeof claims.name === 'string' && claims.name) ||
      (typeof claims.preferred_username === 'string' && claims.preferred_username) ||
      subject;
    const email = typeof claims.email === 'string' ? claims.email : null;

    const place = { id: municipality.id, regionId: municipality.regionId };
    // The system records who logged in; the login itself is then audited as that user.
    const id = await this.uow.run(actors.system(place, 'login'), async () => {
      const user = await this.users.upsertOnLogin({ subject, name, email, roles });
      return user.id;
    });
    const user: SessionUser = {
      id,
      subject,
      name,
      email,
      municipalityId: municipality.id,
      municipalityCode: municipality.code,
      regionId: municipality.regionId,
      isCentre: municipality.isCentre,
      roles,
    };
    await this.uow.run(actors.user(user), () =>
      this.audit.record({ action: 'login', objectType: 'session', objectId: null }),
    );
    return { ok: true, user };
  }

  async logout(user: SessionUser): Promise<void> {
    await this.uow.run(actors.user(user), () =>
      this.audit.record({ action: 'logout', objectType: 'session', objectId: null }),
    );
  }
}
