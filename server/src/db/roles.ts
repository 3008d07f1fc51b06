/**
 * Database roles. Fixed names, so migrations can grant to them; the application role's
 * password comes from configuration.
 */
export const DB_ROLES = {
  /** Owns every object; migrations run as it (NOLOGIN, reached through SET ROLE). */
  owner: 'herorientatie_owner',
  /** The application connects as this role: no SUPERUSER, no BYPASSRLS, owns nothing. */
  app: 'herorientatie_app',
  /**
   * Owns the functions that return figures across the municipalities of a region (NOLOGIN).
   * It may read tenant rows of the caller's region; the app role may only execute its
   * functions, which return aggregates, never rows.
   */
  aggregate: 'herorientatie_aggregate',
} as const;
