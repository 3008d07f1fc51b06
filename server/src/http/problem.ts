import {
  invalidFieldsText,
  problemType,
  type Problem,
  type ProblemCode,
} from '@herorientatie/domain';
import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, ValidationFailed } from '../errors.ts';
import { classifyDatabaseError } from './database-errors.ts';

const TITLES: Record<ProblemCode, string> = {
  validation: 'De invoer is niet geldig.',
  'not-found': 'Niet gevonden.',
  conflict: 'Dit conflicteert met de huidige gegevens.',
  'invalid-transition': 'Deze stap is nu niet toegestaan.',
  unauthenticated: 'U bent niet ingelogd.',
  forbidden: 'U heeft geen toegang.',
  csrf: 'De beveiligingscode van het formulier ontbreekt of is verlopen. Laad de pagina opnieuw.',
  'rate-limited': 'Te veel pogingen. Probeer het over enkele minuten opnieuw.',
  'payload-too-large': 'Het verzoek is te groot.',
  unavailable: 'De dienst is tijdelijk niet beschikbaar. Probeer het over enkele seconden opnieuw.',
  internal: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
};

const STATUS: Record<ProblemCode, number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  'invalid-transition': 409,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  'rate-limited': 429,
  'payload-too-large': 413,
  unavailable: 503,
  internal: 500,
};

export function sendProblem(
  res: Response,
  code: ProblemCode,
  extra: Partial<Omit<Problem, 'type' | 'status'>> = {},
): void {
  const body: Problem = {
    type: problemType(code),
    title: TITLES[code],
    status: STATUS[code],
    ...extra,
  };
  res.status(body.status).type('application/problem+json').json(body);
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
}

/** The one error middleware: domain and HTTP errors become problem+json, never a stack trace. */
export function problemHandler(exposeDetails: boolean): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const instance = req.originalUrl;
    if (err instanceof ValidationFailed) {
      return sendProblem(res, 'validation', {
        detail: invalidFieldsText(err.errors.length),
        errors: err.errors,
        instance,
      });
    }
    if (err instanceof DomainError) {
      return sendProblem(res, err.code, { detail: err.message, instance });
    }
    const e = err as HttpishError;
    if (err instanceof Error && err.name === 'MulterError') {
      if (e.code === 'LIMIT_FILE_SIZE') {
        return sendProblem(res, 'payload-too-large', {
          detail: 'Het bestand is groter dan 10 MB.',
          instance,
        });
      }
      return sendProblem(res, 'validation', {
        detail: 'Het formulier met het bestand kon niet worden gelezen.',
        errors: [
          {
            name: 'file',
            code: String(e.code ?? 'invalid'),
            reason: 'Stuur één bestand in het veld "file".',
          },
        ],
        instance,
      });
    }
    if (e.code === 'EBADCSRFTOKEN') return sendProblem(res, 'csrf', { instance });
    if (e.type === 'entity.parse.failed') {
      return sendProblem(res, 'validation', {
        detail: 'De body is geen geldige JSON.',
        errors: [{ name: '(body)', code: 'invalid_json', reason: 'Geen geldige JSON.' }],
        instance,
      });
    }
    if (e.type === 'entity.too.large') return sendProblem(res, 'payload-too-large', { instance });
    const database = classifyDatabaseError(err);
    if (database?.kind === 'unavailable') {
      req.log?.error({ err }, 'database unavailable');
      res.setHeader('Retry-After', '5');
      return sendProblem(res, 'unavailable', { instance });
    }
    if (database?.kind === 'forbidden') {
      return sendProblem(res, 'forbidden', { instance });
    }
    if (database?.kind === 'conflict') {
      return sendProblem(res, 'conflict', { detail: database.message, instance });
    }
    if (database?.kind === 'invalid') {
      return sendProblem(res, 'validation', {
        detail: database.message,
        errors: [{ name: '(body)', code: 'invalid_value', reason: database.message }],
        instance,
      });
    }
    const status = e.status ?? e.statusCode;
    if (status === 404) return sendProblem(res, 'not-found', { instance });
    if (status && status >= 400 && status < 500) {
      return sendProblem(res, 'validation', {
        detail: 'Het verzoek kon niet worden verwerkt.',
        instance,
      });
    }
    req.log?.error({ err }, 'unhandled error');
    sendProblem(res, 'internal', {
      instance,
      ...(exposeDetails && err instanceof Error ? { detail: err.stack ?? err.message } : {}),
    });
  };
}
