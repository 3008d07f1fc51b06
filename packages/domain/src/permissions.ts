import type { Role } from './roles.ts';

/**
 * What each role may do. One table, read by the server's guards and services and by the
 * client (to show only what works). A grant's scope says on which objects it holds:
 * - `all`: every object of the user's own municipality (or region, for region objects);
 * - `assigned`: only cases assigned to the user as business advisor;
 * - `centre`: only when the user's municipality is the centre municipality of its region.
 */
export const ACTIONS = [
  'case:read',
  'case:write',
  'case:register',
  'case:assign',
  'entrepreneur:read',
  'entrepreneur:write',
  'entrepreneur:reveal-bsn',
  'staff:read',
  'worklist:team',
  'outreach:read',
  'outreach:manage',
  'announcement:read',
  'announcement:manage',
  'campaign:read',
  'campaign:manage',
  'local-campaign:manage',
  'budget:override',
  'figures:own',
  'figures:region',
  'outbox:read',
  'letters:manage',
  'partners:manage',
  'referral:read',
  'referral:write',
  'referral:partner',
  'tonk:manage',
  'finance:read',
  'finance:manage',
] as const;
export type Action = (typeof ACTIONS)[number];
export type GrantScope = 'all' | 'assigned' | 'centre';

export const PERMISSIONS: Record<Role, Partial<Record<Action, GrantScope>>> = {
  caseworker: {
    'case:read': 'all',
    'case:write': 'all',
    'case:register': 'all',
    'case:assign': 'all',
    'entrepreneur:read': 'all',
    'entrepreneur:write': 'all',
    'entrepreneur:reveal-bsn': 'all',
    'staff:read': 'all',
    'worklist:team': 'all',
    'referral:read': 'all',
    'referral:write': 'all',
    'tonk:manage': 'all',
    'finance:read': 'all',
    'outreach:read': 'all',
    'outreach:manage': 'all',
    'announcement:read': 'all',
    'campaign:read': 'all',
  },
  advisor: {
    'case:read': 'assigned',
    'case:write': 'assigned',
    'referral:read': 'assigned',
    'referral:write': 'assigned',
    'staff:read': 'all',
    'announcement:read': 'all',
  },
  manager: {
    'case:read': 'all',
    'entrepreneur:read': 'all',
    'staff:read': 'all',
    'worklist:team': 'all',
    'outreach:read': 'all',
    'announcement:read': 'all',
    'campaign:read': 'all',
    'local-campaign:manage': 'all',
    'budget:override': 'all',
    'finance:read': 'all',
    'finance:manage': 'all',
    'figures:own': 'all',
    'figures:region': 'all',
  },
  coordinator: {
    'announcement:read': 'all',
    'announcement:manage': 'centre',
    'campaign:read': 'all',
    'campaign:manage': 'centre',
    'figures:region': 'all',
  },
  analyst: {
    'announcement:read': 'all',
    'campaign:read': 'all',
    'figures:region': 'all',
  },
  admin: {
    'announcement:read': 'all',
    'outbox:read': 'all',
    'letters:manage': 'all',
    // The region's partner organisations: by the administrator of the centre municipality.
    'partners:manage': 'centre',
  },
  partner: {
    'referral:partner': 'all',
  },
};

/** Who asks: enough of the logged-in user to decide. */
export interface Principal {
  id: string;
  roles: readonly Role[];
  /** Whether the user's municipality is the centre municipality of its region. */
  isCentre: boolean;
}

/** The parts of a case that decide access to it. */
export interface CaseAssignment {
  advisorId: string | null;
}

function holds(scope: GrantScope | undefined, user: Principal, object?: CaseAssignment) {
  switch (scope) {
    case 'all':
      return true;
    case 'centre':
      return user.isCentre;
    case 'assigned':
      // Without an object this asks "may the user do this to some objects?"
      return object === undefined || object.advisorId === user.id;
    default:
      return false;
  }
}

/**
 * Whether the user may perform the action, on the object when one is given. Several roles
 * give exactly the union of what each role allows on that object: an advisor who is also
 * a manager reads every case (manager) but changes only the assigned ones (advisor).
 */
export function can(user: Principal, action: Action, object?: CaseAssignment): boolean {
  return user.roles.some((role) => holds(PERMISSIONS[role][action], user, object));
}

/**
 * Which cases an action reaches, for lists and counts: every case of the municipality,
 * only the assigned ones, or none.
 */
export function caseScope(user: Principal, action: Action): 'all' | 'assigned' | 'none' {
  const scopes = user.roles.map((role) => PERMISSIONS[role][action]);
  if (scopes.includes('all')) return 'all';
  if (scopes.includes('assigned')) return 'assigned';
  return 'none';
}

/** The roles that hold an action in some scope, for route guards and documentation. */
export function rolesFor(action: Action): Role[] {
  return (Object.keys(PERMISSIONS) as Role[]).filter((role) => PERMISSIONS[role][action]);
}
