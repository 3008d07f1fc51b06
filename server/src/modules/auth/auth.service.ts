import { parseRoles, type Role } from '@herorientatie/domain';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { actors, type SessionUser } from '../../context/actor.ts';
import { AuditService } from '../audit/audit.service.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import { UsersRepository } from './users.repository.ts';

export interface ClaimNames {
  municipality: string;
  roles: string;
  partner: string;
}

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'unknown-municipality' | 'no-roles' | 'no-subject' | 'unknown-partner' };

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
    if (parseRoles(claims[this.claimNames.roles]).includes('partner')) {
      return this.partnerLogin(subject, claims);
    }
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

  /**
   * Staff of a partner organisation: the partner claim names the organisation; they get the
   * partner role only, whatever else the claims say, and no municipality.
   */
  private async partnerLogin(
    subject: string,
    claims: Record<string, unknown>,
  ): Promise<LoginResult> {
    const code = claims[this.claimNames.partner];
    const partner =
      typeof code === 'string'
        ? await this.reference.findPartnerByCode(code.trim().toLowerCase())
        : null;
    if (!partner) return { ok: false, reason: 'unknown-partner' };
    const name =
      (typeof claims.name === 'string' && claims.name) ||
      (typeof claims.preferred_username === 'string' && claims.preferred_username) ||
      subject;
    const email = typeof claims.email === 'string' ? claims.email : null;
    const id = await this.reference.upsertPartnerUser({
      partnerId: partner.id,
      subject,
      name,
      email,
    });
    const user: SessionUser = {
      id,
      subject,
      name,
      email,
      municipalityId: '',
      municipalityCode: '',
      regionId: partner.regionId,
      isCentre: false,
      roles: ['partner'],
      partnerId: partner.id,
    };
    return { ok: true, user };
  }

  async logout(user: SessionUser): Promise<void> {
    if (user.partnerId) return;
    await this.uow.run(actors.user(user), () =>
      this.audit.record({ action: 'logout', objectType: 'session', objectId: null }),
    );
  }
}
