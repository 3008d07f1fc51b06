import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csrfSync } from 'csrf-sync';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type pg from 'pg';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import type { Config } from './config.ts';
import { safeError } from './logger.ts';
import { TenantUnitOfWork } from './db/unit-of-work.ts';
import { problemHandler, sendProblem } from './http/problem.ts';
import { requestContext } from './context/request-context.ts';
import { addressLookupFrom } from './modules/addresses/address-lookup.ts';
import { addressesRouter } from './modules/addresses/addresses.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { createAuthenticator } from './modules/auth/authenticator.ts';
import { DEV_PROVIDER_PATH, mountDevProvider } from './modules/auth/dev-provider.ts';
import { meRouter } from './modules/auth/me.router.ts';
import { announcementsRouter } from './modules/announcements/announcements.router.ts';
import { partnersRouter } from './modules/partners/partners.router.ts';
import { lettersRouter } from './modules/letters/letters.router.ts';
import { LettersService } from './modules/letters/letters.service.ts';
import { attachmentsRouter } from './modules/attachments/attachments.router.ts';
import { JobQueue } from './jobs/job-queue.ts';
import { campaignsRouter } from './modules/campaigns/campaigns.router.ts';
import { CampaignsService } from './modules/campaigns/campaigns.service.ts';
import { QUEUES } from './jobs/queues.ts';
import { Metrics } from './http/metrics.ts';
import { postgresRateLimitStores } from './http/rate-limit-store.ts';
import { startDevMailServer, type ReceivedMail } from './modules/mail/dev-mail-server.ts';
import { mailRouter } from './modules/mail/mail.router.ts';
import { MailService, type MailJob } from './modules/mail/mail.service.ts';
import { outreachRouter } from './modules/outreach/outreach.router.ts';
import { remindStalledReferrals } from './modules/referrals/referral-reminders.ts';
import { referralsRouter } from './modules/referrals/referrals.router.ts';
import { CaseLifecycleService } from './modules/cases/case-lifecycle.service.ts';
import { CaseRecordsService } from './modules/cases/case-records.service.ts';
import { caseWorkRouter } from './modules/case-work/case-work.router.ts';
import { financeRouter } from './modules/finance/finance.router.ts';
import { FinanceService } from './modules/finance/finance.service.ts';
import { tonkRouter } from './modules/tonk/tonk.router.ts';
import { ReferralsService } from './modules/referrals/referrals.service.ts';
import { WavesService } from './modules/outreach/waves.service.ts';
import { signUpRouter } from './modules/sign-up/sign-up.router.ts';
import { SignUpService } from './modules/sign-up/sign-up.service.ts';
import { refreshRegionalFigures } from './modules/regional/regional.repository.ts';
import { regionalRouter } from './modules/regional/regional.router.ts';
import { casesRouter } from './modules/cases/cases.router.ts';
import { entrepreneursRouter } from './modules/entrepreneurs/entrepreneurs.router.ts';
import { staffRouter } from './modules/staff/staff.router.ts';
import { OidcClient } from './modules/auth/oidc-client.ts';
import { absoluteTimeout, createSessionMiddleware } from './modules/auth/session.ts';
import { healthRouter } from './modules/health/health.router.ts';
import { API_BASE, API_VERSION, openApiDocument } from './modules/openapi/registry.ts';
import { ReferenceRepository } from './modules/reference/reference.repository.ts';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  dataSource: DataSource;
  /** Connection URL of the app role, for the job queue's own pool. */
  appUrl: string;
  /** Small pg pool (app role) for the session and rate-limit stores. */
  sessionPool: pg.Pool;
}

export interface App {
  app: Express;
  mail: MailService;
  jobs: JobQueue;
  /** Mail received by the built-in SMTP server; null when SMTP_URL is set. */
  devMailbox: ReceivedMail[] | null;
  /** The router mounted at /api/v1, for checking its routes against the OpenAPI document. */
  api: express.Router;
  uow: TenantUnitOfWork;
  close(): Promise<void>;
}

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');
const REQUEST_ID = /^[\w.-]{1,64}$/;

export async function createApp({
  config,
  logger,
  dataSource,
  sessionPool,
  appUrl,
}: AppDependencies): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('strict routing', true);

  const uow = new TenantUnitOfWork(dataSource);
  const metrics = new Metrics(dataSource);
  app.use(metrics.middleware());
  // Mail goes over SMTP; without a configured server an in-process one receives it.
  const devMail = config.mail.smtpUrl ? null : await startDevMailServer();
  const transport = MailService.transport(
    config.mail.smtpUrl ?? `smtp://${devMail!.host}:${devMail!.port}`,
  );
  const jobs = new JobQueue(appUrl, logger, {
    pollingIntervalSeconds: config.jobs.pollSeconds,
    metrics,
  });
  const mail = new MailService(jobs, transport, config.mail.from, logger);
  const referrals = new ReferralsService(mail, config.referralStalledDays);
  const finance = new FinanceService();
  if (config.jobs.workers) {
    await jobs.work<MailJob>(QUEUES.sendMail, (job) => mail.deliver(uow, job));
    await jobs.work(QUEUES.refreshFigures, async () => {
      await refreshRegionalFigures(dataSource);
    });
    // The regional figures are at most a minute behind the data.
    await jobs.schedule(QUEUES.refreshFigures, '* * * * *');
    await jobs.work(QUEUES.remindReferrals, async () => {
      await remindStalledReferrals(uow, reference, referrals);
    });
    // Every working day at eight: caseworkers hear of referrals without progress.
    await jobs.schedule(QUEUES.remindReferrals, '0 8 * * 1-5');
  }
  const reference = new ReferenceRepository(dataSource);
  const auth = new AuthService(uow, reference, {
    municipality: config.oidc.municipalityClaim,
    roles: config.oidc.rolesClaim,
    partner: config.oidc.partnerClaim,
  });
  const authenticator = createAuthenticator();
  // Rate limits count in PostgreSQL, so they hold across every instance.
  const rateLimitStores = postgresRateLimitStores(sessionPool);
  const issuer = config.oidc.issuer ?? `${config.publicUrl}${DEV_PROVIDER_PATH}`;
  const oidc = new OidcClient(
    {
      issuer,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      scope: config.oidc.scope,
      callbackUrl: `${config.publicUrl}/auth/callback`,
    },
    auth,
    authenticator,
  );

  app.use(
    pinoHttp({
      logger,
      // The server names every request; an id the client sends is kept apart (not trusted).
      genReqId: (_req, res) => {
        const id = randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req) => ({
        userId: (req as express.Request).user?.id,
        municipalityId: (req as express.Request).user?.municipalityId,
      }),
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // Database errors carry the statement's parameters: never into the log.
        err: safeError,
      },
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      frameguard: { action: 'deny' },
    }),
  );

  app.use(healthRouter(dataSource));
  app.use(metrics.router(config.metricsToken));

  if (!config.oidc.issuer) {
    const municipalities = await reference.listMunicipalities();
    mountDevProvider(app, {
      publicUrl: config.publicUrl,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      municipalities,
      logger,
    });
    logger.warn({ issuer }, 'development OpenID provider enabled; never use in production');
  }

  const sessions = createSessionMiddleware({
    pool: sessionPool,
    secret: config.session.secret,
    idleMs: config.session.idleMs,
    absoluteMs: config.session.absoluteMs,
    secureCookie: config.session.secureCookie,
    logger,
  });
  app.use(sessions.middleware);
  app.use(authenticator.session());
  app.use(absoluteTimeout(config.session.absoluteMs));

  // Tenant and user come from the session only; bound once per request.
  app.use((req, _res, next) => {
    const incoming = req.headers['x-request-id'];
    requestContext.run(
      {
        requestId: String(req.id),
        clientRequestId:
          typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : undefined,
        route: `${req.method} ${req.originalUrl.split('?')[0]}`,
        user: req.user,
      },
      next,
    );
  });

  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => {
      const header = req.headers['x-csrf-token'];
      return typeof header === 'string' ? header : undefined;
    },
  });

  app.use(
    '/auth',
    csrfSynchronisedProtection,
    authRouter({
      oidc,
      auth,
      authenticator,
      publicUrl: config.publicUrl,
      loginRateLimit: config.loginRateLimit,
      rateLimitStores,
    }),
  );

  const api = express.Router({ strict: true });
  api.use((_req, res, next) => {
    res.setHeader('API-Version', API_VERSION);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument(config.publicUrl));
  });
  api.use(express.json({ limit: '1mb' }));
  // A change without a session is "log in first" (401), before any CSRF check could say 403.
  api.use((req, res, next) => {
    if (
      !req.user &&
      !['GET', 'HEAD', 'OPTIONS'].includes(req.method) &&
      !req.path.startsWith('/public/')
    ) {
      return sendProblem(res, 'unauthenticated', {
        detail: 'Uw sessie is verlopen. Log opnieuw in; wat u invulde is bewaard.',
        instance: req.originalUrl,
      });
    }
    next();
  });
  // Public routes have no session to protect: a forged request equals a direct one.
  api.use((req, res, next) =>
    req.path.startsWith('/public/') ? next() : csrfSynchronisedProtection(req, res, next),
  );
  const addressLookup = addressLookupFrom(config.addressLookup);
  api.use(meRouter(reference, (req) => generateToken(req)));
  // Before the case routes: /cases/reassignment is not a case id.
  api.use(caseWorkRouter(uow));
  const lifecycle = new CaseLifecycleService();
  lifecycle.mail = mail;
  api.use(casesRouter(uow, lifecycle, new CaseRecordsService(finance)));
  api.use(entrepreneursRouter(uow));
  api.use(addressesRouter(uow, addressLookup));
  api.use(staffRouter(uow));
  api.use(attachmentsRouter(uow));
  api.use(lettersRouter(uow, new LettersService(mail)));
  api.use(partnersRouter(uow));
  api.use(announcementsRouter(uow));
  api.use(outreachRouter(uow, new WavesService(mail, config.publicUrl)));
  api.use(referralsRouter(uow, referrals, reference));
  api.use(tonkRouter(uow));
  api.use(financeRouter(uow, finance));
  api.use(campaignsRouter(uow, new CampaignsService(config.publicUrl), config.figuresThreshold));
  api.use(
    signUpRouter(
      uow,
      new SignUpService(uow, reference, mail, logger, addressLookup),
      config.signUpRateLimit,
      rateLimitStores,
    ),
  );
  api.use(mailRouter(uow, mail, devMail?.received ?? null));
  api.use(regionalRouter(uow, config.figuresThreshold));
  api.use((req, res) => sendProblem(res, 'not-found', { instance: req.originalUrl }));
  app.use(API_BASE, api);

  if (config.serveClient && existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    // The single-page app handles its own routes.
    app.get(/^\/(?!api\/|auth\/|oidc\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(CLIENT_DIST, 'index.html'));
    });
  }

  app.use((req, res) => sendProblem(res, 'not-found', { instance: req.originalUrl }));
  app.use(problemHandler(!config.production));

  return {
    app,
    api,
    uow,
    mail,
    jobs,
    devMailbox: devMail?.received ?? null,
    close: async () => {
      sessions.close();
      await jobs.stop();
      transport.close();
      await devMail?.close();
    },
  };
}
