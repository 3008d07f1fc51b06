/**
 * The job queues. Queues are created at migration time by the owner role (creating one makes
 * a table); the application role only sends, fetches and completes jobs.
 */
export const QUEUES = {
  /** Send one message of the mail outbox. */
  sendMail: 'mail-send',
  /** Rebuild the regional figures' rollup (every minute). */
  refreshFigures: 'figures-refresh',
} as const;

export const JOB_SCHEMA = 'pgboss';
