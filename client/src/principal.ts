import type { Me, Principal } from '@herorientatie/domain';

/** The logged-in user as the permission table reads them. */
export function principalOf(me: Me): Principal {
  return { id: me.id, roles: me.roles, isCentre: me.municipality.isCentre };
}
