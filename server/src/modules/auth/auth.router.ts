import express, { type NextFunction, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AppAuthenticator } from './authenticator.ts';
import { sendProblem } from '../../http/problem.ts';
import type { RateLimitStores } from '../../http/rate-limit-store.ts';
import type { SessionUser } from '../../context/actor.ts';
import type { AuthService } from './auth.service.ts';
import { escapeHtml, page } from './html.ts';
import { STRATEGY, type OidcClient } from './oidc-client.ts';
import { SESSION_COOKIE } from './session.ts';

const REFUSALS: Record<string, string> = {
  'unknown-municipality':
    'Uw account hoort niet bij een gemeente die Heroriëntatie gebruikt. Vraag uw beheerder om uw gemeente in uw account vast te leggen.',
  'unknown-partner':
    'Uw account hoort bij een partnerorganisatie die Heroriëntatie niet kent. Neem contact op met de beheerder van uw organisatie.',
  'no-roles':
    'Uw account heeft geen rol in Heroriëntatie. Vraag uw beheerder om u een rol te geven, zoals consulent of manager.',
  'no-subject': 'De inlogdienst gaf geen gebruikersnummer mee.',
};

/** Only paths inside this application: no scheme, no host, no protocol-relative URL. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

export interface AuthRouterOptions {
  oidc: OidcClient;
  auth: AuthService;
  authenticator: AppAuthenticator;
  publicUrl: string;
  loginRateLimit: number;
  /** Where the login limit counts: PostgreSQL, shared by every instance. */
  rateLimitStores: RateLimitStores;
}

export function authRouter({
  oidc,
  auth,
  authenticator,
  publicUrl,
  loginRateLimit,
  rateLimitStores,
}: AuthRouterOptions) {
  const router = express.Router({ strict: true });
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: loginRateLimit,
    store: rateLimitStores('login'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => sendProblem(res, 'rate-limited', { instance: req.originalUrl }),
  });

  const providerUnavailable = (req: Request, res: Response) =>
    res
      .status(503)
      .type('html')
      .send(
        page(
          'Inlogdienst niet bereikbaar',
          `<h1>De inlogdienst is niet bereikbaar</h1><p>Probeer het over enkele minuten opnieuw.</p>
           <a class="button" href="/">Terug</a>`,
        ),
      );

  router.get('/login', limiter, async (req: Request, res: Response, next: NextFunction) => {
    try {
      await oidc.ensureStrategy();
    } catch (err) {
      req.log.error({ err }, 'oidc discovery failed');
      return providerUnavailable(req, res);
    }
    req.session.returnTo = safeReturnTo(req.query.returnTo);
    authenticator.authenticate(STRATEGY)(req, res, next);
  });

  router.get('/callback', limiter, async (req: Request, res: Response, next: NextFunction) => {
    try {
      await oidc.ensureStrategy();
    } catch (err) {
      req.log.error({ err }, 'oidc discovery failed');
      return providerUnavailable(req, res);
    }
    const returnTo = safeReturnTo(req.session.returnTo);
    authenticator.authenticate(
      STRATEGY,
      (
        err: unknown,
        user: SessionUser | false,
        info: { reason?: string; idToken?: string; message?: string },
      ) => {
        if (err) return next(err);
        if (!user) {
          const reason = info?.reason ? REFUSALS[info.reason] : undefined;
          req.log.warn({ reason: info?.reason ?? info?.message }, 'login refused');
          return res
            .status(403)
            .type('html')
            .send(
              page(
                'Geen toegang',
                `<h1>Geen toegang</h1><p>${escapeHtml(reason ?? 'Inloggen is niet gelukt. Probeer het opnieuw.')}</p>
                 <a class="button" href="/auth/login">Opnieuw inloggen</a>`,
              ),
            );
        }
        // passport regenerates the session id here, so a fixated id is useless.
        req.logIn(user, (loginErr) => {
          if (loginErr) return next(loginErr);
          req.session.loginAt = Date.now();
          req.session.idToken = info?.idToken;
          req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(303, returnTo)));
        });
      },
    )(req, res, next);
  });

  router.post('/logout', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = req.user;
      const idToken = req.session?.idToken;
      if (user) await auth.logout(user);
      const redirectTo = (user && (await oidc.endSessionUrl(idToken, `${publicUrl}/`))) || '/';
      req.logout({ keepSessionInfo: false }, (logoutErr) => {
        if (logoutErr) return next(logoutErr);
        req.session.destroy((destroyErr) => {
          if (destroyErr) return next(destroyErr);
          res.clearCookie(SESSION_COOKIE, { path: '/' });
          res.status(200).json({ redirectTo });
        });
      });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
