import { z } from 'zod';

/** Roles a user can hold; they come from the identity provider's token claims. */
export const ROLES = [
  'caseworker',
  'advisor',
  'manager',
  'coordinator',
  'analyst',
  'admin',
  'partner',
] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Dutch names shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  caseworker: 'Consulent',
  advisor: 'Bedrijfsadviseur',
  manager: 'Manager',
  coordinator: 'Regiocoördinator',
  analyst: 'Regionaal analist',
  admin: 'Beheerder',
  partner: 'Partnerorganisatie',
};

/** Keeps the known roles from a claim value and drops anything else. */
export function parseRoles(claim: unknown): Role[] {
  const values = Array.isArray(claim)
    ? claim
    : typeof claim === 'string'
      ? claim.split(/[\s,]+/)
      : [];
  const known = new Set<Role>();
  for (const value of values) {
    const parsed = RoleSchema.safeParse(typeof value === 'string' ? value.trim() : value);
    if (parsed.success) known.add(parsed.data);
  }
  return ROLES.filter((role) => known.has(role));
}

/** A colleague of the own municipality, as offered for assignment. */
export const StaffMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  roles: z.array(RoleSchema),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;
