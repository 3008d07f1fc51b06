import type { Role } from '@herorientatie/domain';

export interface NavItem {
  to: string;
  label: string;
  roles: Role[];
}

/** Main navigation; each item shows only to the roles that can use it. */
export const NAV_ITEMS: NavItem[] = [
  {
    to: '/',
    label: 'Start',
    roles: ['caseworker', 'advisor', 'manager', 'coordinator', 'analyst', 'admin'],
  },
  { to: '/dossiers', label: 'Dossiers', roles: ['caseworker', 'advisor', 'manager'] },
  { to: '/campagne', label: 'Regionale campagne', roles: ['coordinator'] },
  { to: '/financien', label: 'Budgetten', roles: ['manager'] },
  { to: '/regio', label: 'Regionaal overzicht', roles: ['analyst', 'coordinator', 'manager'] },
  { to: '/beheer', label: 'Beheer', roles: ['admin'] },
];

export function navigationFor(roles: Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** A path inside the app to come back to after login; anything else goes home. */
export function loginHref(currentPath: string): string {
  const safe = /^\/(?![/\\])/.test(currentPath) ? currentPath : '/';
  return `/auth/login?returnTo=${encodeURIComponent(safe)}`;
}
