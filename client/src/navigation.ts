import { can, type Action, type Principal } from '@herorientatie/domain';

export interface NavItem {
  to: string;
  label: string;
  /** What the user must be allowed to do to see the item; none: everyone logged in. */
  action?: Action;
}

/** Main navigation; each item shows only to those the permission table lets use it. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Start' },
  { to: '/dossiers', label: 'Dossiers', action: 'case:read' },
  { to: '/acties', label: 'Acties', action: 'case:read' },
  { to: '/agenda', label: 'Agenda', action: 'case:read' },
  { to: '/verwijzingen', label: 'Verwijzingen', action: 'referral:read' },
  { to: '/tonk', label: 'TONK', action: 'tonk:manage' },
  { to: '/benadering', label: 'Benadering', action: 'outreach:read' },
  { to: '/campagnes', label: 'Campagnes', action: 'campaign:read' },
  { to: '/financien', label: 'Kosten en budget', action: 'finance:manage' },
  { to: '/regio', label: 'Regionaal overzicht', action: 'figures:region' },
  { to: '/beheer', label: 'Beheer', action: 'outbox:read' },
];

/** The sub-pages of outreach (Benadering), each with its own permission. */
export const OUTREACH_ITEMS: NavItem[] = [
  { to: '/benadering/rondes', label: 'Rondes', action: 'outreach:read' },
  { to: '/benadering/importeren', label: 'Importeren', action: 'outreach:manage' },
];

/** The sub-pages of finance (Kosten en budget), for managers. */
export const FINANCE_ITEMS: NavItem[] = [
  { to: '/financien/budget', label: 'Budget', action: 'finance:manage' },
  { to: '/financien/contracten', label: 'Contracten', action: 'finance:manage' },
  { to: '/financien/specificaties', label: 'Specificaties', action: 'finance:manage' },
];

export function navigationFor(user: Principal, items: NavItem[] = NAV_ITEMS): NavItem[] {
  if (user.roles.length === 0) return [];
  return items.filter((item) => item.action === undefined || can(user, item.action));
}

/** A path inside the app to come back to after login; anything else goes home. */
export function loginHref(currentPath: string): string {
  const safe = /^\/(?![/\\])/.test(currentPath) ? currentPath : '/';
  return `/auth/login?returnTo=${encodeURIComponent(safe)}`;
}

/** Pages anyone may open without logging in: the public sign-up and its privacy statement. */
export const PUBLIC_PATHS = ['/aanmelden', '/privacy'] as const;

export function isPublicPath(pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return (PUBLIC_PATHS as readonly string[]).includes(path);
}
