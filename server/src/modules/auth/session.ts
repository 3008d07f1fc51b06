import connectPgSimple from 'connect-pg-simple';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type pg from 'pg';
import type { Logger } from 'pino';
import { sendProblem } from '../../http/problem.ts';

declare module 'express-session' {
  interface SessionData {
    /** When the user logged in; the session ends this long after, whatever the activity. */
    loginAt?: number;
    /** Kept for RP-initiated logout at the provider. */
    idToken?: string;
    returnTo?: string;
  }
}

export const SESSION_COOKIE = 'hr.sid';

export interface SessionOptions {
  pool: pg.Pool;
  secret: string;
  idleMs: number;
  absoluteMs: number;
  secureCookie: boolean;
  logger: Logger;
}

/**
 * Sessions live in PostgreSQL (table http_session) so app servers stay stateless. The
 * cookie and the stored session expire after `idleMs` without requests (rolling).
 */
export function createSessionMiddleware(options: SessionOptions) {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: options.pool,
    tableName: 'http_session',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
    // Store errors (an unreachable database) are logged as JSON like everything else.
    errorLog: (...args: unknown[]) =>
      options.logger.error({ err: args.find((a) => a instanceof Error) }, 'session store error'),
  });
  const middleware = session({
    name: SESSION_COOKIE,
    store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookie,
      maxAge: options.idleMs,
      path: '/',
    },
  });
  return { middleware, close: () => store.close() };
}

/** Ends a session that is older than the absolute limit, however active it was. */
export function absoluteTimeout(absoluteMs: number): RequestHandler {
  return (req, res, next) => {
    const loginAt = req.session?.loginAt;
    if (req.user && loginAt && Date.now() - loginAt > absoluteMs) {
      req.session.destroy(() => {
        res.clearCookie(SESSION_COOKIE, { path: '/' });
        sendProblem(res, 'unauthenticated', {
          detail: 'Uw sessie is verlopen. Log opnieuw in.',
          instance: req.originalUrl,
        });
      });
      return;
    }
    next();
  };
}
