import type { Principal, Role } from '@herorientatie/domain';

/** The logged-in user as kept in the session. */
export interface SessionUser {
  id: string;
  subject: string;
  name: string;
  email: string | null;
  municipalityId: string;
  municipalityCode: string;
  regionId: string;
  /** Whether the municipality is the centre municipality of its region. */
  isCentre: boolean;
  roles: Role[];
  /**
   * Staff of a partner organisation: the organisation's id. They belong to no
   * municipality (`municipalityId` is empty) and reach only referrals addressed to it.
   */
  partnerId?: string;
}

/** A municipal user acting through the API. */
export interface UserActor {
  kind: 'user';
  municipalityId: string;
  regionId: string;
  user: SessionUser;
}

/** Someone from the public (an anonymous sign-up); the server decides the municipality. */
export interface PublicActor {
  kind: 'public';
  municipalityId: string;
  regionId: string;
  /** What the public did, e.g. "aanmelding campagne". */
  label: string;
}

/** The system itself: imports, scheduled jobs, seeding. */
export interface SystemActor {
  kind: 'system';
  municipalityId: string;
  regionId: string;
  /** Which job or process acts, e.g. "demo-seed". */
  label: string;
}

/** Who acts in a unit of work; the database records it with every audited write. */
export type Actor = UserActor | PublicActor | SystemActor;
export type ActorKind = Actor['kind'];

export const actors = {
  user(user: SessionUser): UserActor {
    return {
      kind: 'user',
      municipalityId: user.municipalityId,
      regionId: user.regionId,
      user,
    };
  },
  public(municipality: { id: string; regionId: string }, label: string): PublicActor {
    return {
      kind: 'public',
      municipalityId: municipality.id,
      regionId: municipality.regionId,
      label,
    };
  },
  system(municipality: { id: string; regionId: string }, label: string): SystemActor {
    return {
      kind: 'system',
      municipalityId: municipality.id,
      regionId: municipality.regionId,
      label,
    };
  },
};

/** The user of an actor as the permission table sees them. */
export function principalOf(user: SessionUser): Principal {
  return { id: user.id, roles: user.roles, isCentre: user.isCentre };
}
