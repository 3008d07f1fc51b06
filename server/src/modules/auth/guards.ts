import type { Role } from '@herorientatie/domain';
import type { RequestHandler } from 'express';
import { sendProblem } from '../../http/problem.ts';
import type { SessionUser } from '../../context/actor.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends SessionUser {}
  }
}

export const requireUser: RequestHandler = (req, res, next) => {
  if (!req.user) {
    sendProblem(res, 'unauthenticated', {
      detail: 'Log in om verder te gaan.',
      instance: req.originalUrl,
    });
    return;
  }
  next();
};

/** Allows the request when the user holds at least one of the roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return requireUser(req, res, next);
    if (!req.user.roles.some((r) => roles.includes(r))) {
      sendProblem(res, 'forbidden', {
        detail: 'Uw rol geeft geen toegang tot dit onderdeel.',
        instance: req.originalUrl,
      });
      return;
    }
    next();
  };
}
