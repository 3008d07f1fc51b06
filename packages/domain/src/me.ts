import { z } from 'zod';
import { RoleSchema } from './roles.ts';

export const MunicipalitySummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  isCentre: z.boolean(),
  regionName: z.string(),
});
export type MunicipalitySummary = z.infer<typeof MunicipalitySummarySchema>;

/** The logged-in user as returned by GET /api/v1/me. */
export const MeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  roles: z.array(RoleSchema),
  municipality: MunicipalitySummarySchema,
  /** For partner staff: their organisation (they belong to no municipality). */
  partner: z.object({ id: z.uuid(), name: z.string() }).nullable().optional(),
  csrfToken: z.string(),
  sessionExpiresAt: z.iso.datetime(),
});
export type Me = z.infer<typeof MeSchema>;

/** The answer to POST /auth/logout: where the browser goes to end the session at the provider. */
export const LogoutAnswerSchema = z.object({ redirectTo: z.string() });
