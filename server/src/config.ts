import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root; relative paths in settings are taken from here. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every setting the server reads from the environment. Each one is documented in the README
 * with its default. Secrets are marked `secret` and never logged.
 */
const EnvSchema = z.object({
  /** `development`, `test` or `production`. Production refuses unsafe defaults. */
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL of the application, used for OIDC redirects. */
  PUBLIC_URL: z.url().optional(),
  /** Log level for pino. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** secret. Admin connection (migrations, role bootstrap). Unset: embedded PostgreSQL. */
  DATABASE_URL: z.string().optional(),
  /** Directory for the embedded PostgreSQL data. */
  EMBEDDED_PG_DIR: z.string().default('.data/postgres'),
  /** Port for the embedded PostgreSQL; 0 picks a free one. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).default(0),
  /** secret. Password of the application role. */
  DB_APP_PASSWORD: z.string().min(1).optional(),
  /** Maximum connections in the application pool. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),

  /** Issuer URL of the OpenID provider. Unset: the built-in development provider. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  /** secret. */
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPE: z.string().default('openid profile email'),
  /** Claim holding the CBS municipality code (e.g. GM0296). */
  OIDC_CLAIM_MUNICIPALITY: z.string().default('municipality'),
  /** Claim holding the roles (array or space/comma separated string). */
  OIDC_CLAIM_ROLES: z.string().default('roles'),
  /** Claim holding a partner organisation's code, for users with the role `partner`. */
  OIDC_CLAIM_PARTNER: z.string().default('partner'),

  /** secret. Signs the session cookie; required in production. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Login attempts per IP per 15 minutes. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(300),
  /** A referral without progress for this many days appears on the stalled worklist. */
  REFERRAL_STALLED_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Public sign-ups per IP address per hour. */
  SIGNUP_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Trust X-Forwarded-* from this many proxies (set behind a load balancer). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Serve the built client from client/dist. */
  SERVE_CLIENT: bool.default(true),
  /** secret. SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.org:587. Unset: an in-process server receives the mail (development). */
  SMTP_URL: z.string().optional(),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().default('Heroriëntatie <noreply@herorientatie.localhost>'),
  /** Run the job workers (mail, reminders) in this instance. */
  JOB_WORKERS: bool.default(true),
  /** How often an idle worker looks for new jobs, in seconds. */
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Figures across municipalities hide counts below this number (small-cell suppression). */
  FIGURES_THRESHOLD: z.coerce.number().int().min(3).max(100).default(5),
  /** secret. Bearer token the monitoring system sends to GET /metrics; unset: no /metrics. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Where street and town come from for a postcode and house number: `pdok` (the public PDOK Locatieserver, no key) or `off` (typed in by hand). */
  ADDRESS_LOOKUP: z.enum(['pdok', 'off']).default('off'),
  /** Base URL of the PDOK Locatieserver (a mirror or proxy may be set). */
  ADDRESS_LOOKUP_URL: z.url().optional(),
  /** Folder with the reference data the migrations read (default: server/data). */
  REFERENCE_DATA_DIR: z.string().optional(),
  /** Fill an empty database with demo cases (default: only in development). */
  DEMO_DATA: bool.optional(),
});

export type Config = ReturnType<typeof loadConfig>;

/** Every environment variable the server reads (for deployment checks and docs). */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];

/** Variables without which `NODE_ENV=production` refuses to start. */
export const PRODUCTION_REQUIRED = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'SESSION_SECRET',
  'DATABASE_URL',
  'DB_APP_PASSWORD',
  'PUBLIC_URL',
  'SMTP_URL',
] as const satisfies readonly (keyof typeof EnvSchema.shape)[];

const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production';
const DEV_APP_PASSWORD = 'development-only-app-password';
const DEV_CLIENT_SECRET = 'development-only-client-secret';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production) {
    const missing = PRODUCTION_REQUIRED.filter((name) => !e[name]);
    if (missing.length > 0) {
      throw new ConfigError(
        `In productie zijn deze instellingen verplicht: ${missing.join(', ')}. ` +
          'De ingebouwde inlogdienst en standaardgeheimen zijn alleen voor ontwikkeling.',
      );
    }
  }
  if (e.OIDC_ISSUER && (!e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET)) {
    throw new ConfigError('OIDC_ISSUER vraagt ook om OIDC_CLIENT_ID en OIDC_CLIENT_SECRET.');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    db: {
      adminUrl: e.DATABASE_URL,
      embeddedDir: path.resolve(ROOT_DIR, e.EMBEDDED_PG_DIR),
      embeddedPort: e.EMBEDDED_PG_PORT,
      appPassword: e.DB_APP_PASSWORD ?? DEV_APP_PASSWORD,
      poolSize: e.DB_POOL_SIZE,
    },
    oidc: {
      /** Undefined issuer means: run the development provider under /oidc. */
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID ?? 'herorientatie-dev',
      clientSecret: e.OIDC_CLIENT_SECRET ?? DEV_CLIENT_SECRET,
      scope: e.OIDC_SCOPE,
      municipalityClaim: e.OIDC_CLAIM_MUNICIPALITY,
      rolesClaim: e.OIDC_CLAIM_ROLES,
      partnerClaim: e.OIDC_CLAIM_PARTNER,
    },
    session: {
      secret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookie: production || publicUrl.startsWith('https://'),
    },
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    signUpRateLimit: e.SIGNUP_RATE_LIMIT,
    referralStalledDays: e.REFERRAL_STALLED_DAYS,
    trustProxy: e.TRUST_PROXY,
    serveClient: e.SERVE_CLIENT,
    figuresThreshold: e.FIGURES_THRESHOLD,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    jobs: { workers: e.JOB_WORKERS, pollSeconds: e.JOB_POLL_SECONDS },
    metricsToken: e.METRICS_TOKEN,
    addressLookup: { source: e.ADDRESS_LOOKUP, url: e.ADDRESS_LOOKUP_URL },
    demoData: e.DEMO_DATA ?? e.NODE_ENV === 'development',
  };
}
