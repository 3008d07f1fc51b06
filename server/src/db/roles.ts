/**
 * Database roles. Fixed names, so migrations can grant to them; the application role's
 * password comes from configuration.
 */
export const DB_ROLES = {
  /** Owns every object; migrations run as it (NOLOGIN, reached through SET ROLE). */
  owner: 'herorientatie_owner',
  /** The application connects as this role: no SUPERUSER, no BYPASSRLS, owns nothing. */
  app: 'herorientatie_app',
} as const;
