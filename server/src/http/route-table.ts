import { can, rolesFor, type Action } from '@herorientatie/domain';
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { actors, principalOf, type UserActor } from '../context/actor.ts';
import type { TenantUnitOfWork } from '../db/unit-of-work.ts';
import { Forbidden, NotFound, ValidationFailed } from '../errors.ts';
import { problemResponse, registry, standardProblems } from '../modules/openapi/registry.ts';
import { idempotent } from './idempotency.ts';
import { sendProblem } from './problem.ts';
import { parseInput } from './validate.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

export interface RouteContext<P, Q, B> {
  /** The logged-in user; for a public route a placeholder that must not be used. */
  actor: UserActor;
  /** The client's address (public routes: rate limits and abuse logging). */
  ip: string;
  params: P;
  query: Q;
  body: B;
  file?: UploadedFile;
}

/**
 * One route of a module's route table: the same entry mounts the Express handler and
 * documents the path in the OpenAPI document, so no route is declared twice.
 */
export interface RouteSpec<
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** OpenAPI form, e.g. `/cases/{id}/routes/{routeId}`. */
  path: string;
  summary: string;
  /**
   * The user must hold this action (or one of these) in some scope; services check the
   * object itself.
   */
  permission: Action | readonly Action[] | 'public';
  /** Middleware before parsing, e.g. a rate limit for public routes. */
  before?: RequestHandler[];
  /** Path parameters; a malformed one names nothing, so it answers 404 with this subject. */
  params?: P;
  notFound?: string;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** 201 for creates; 204 sends no body. */
  status?: 200 | 201 | 204;
  /** A create that takes an Idempotency-Key; `authorize` runs before a replay too. */
  idempotent?: boolean;
  /** Per-object permission check, run inside the unit of work before the handler (and replays). */
  authorize?: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<void>;
  /** Multipart upload of one file in the field `file`. */
  upload?: { maxBytes: number; tooLarge: string };
  /** Extra problem responses for the documentation, e.g. `{ 409: 'Stap niet toegestaan' }`. */
  problems?: Record<number, string>;
  /** A response that is not JSON (downloads); the handler's result is passed in. */
  send?: (res: Response, result: never) => void;
  /** Documents a non-JSON response (downloads, files). */
  produces?: string;
  handle: (ctx: RouteContext<Out<P>, Out<Q>, Out<B>>) => Promise<unknown>;
}

/** Keeps the types of one route's schemas together with its handler. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

const idempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'Herhaalt u het verzoek met dezelfde sleutel, dan komt het eerste antwoord terug.',
  }),
});

const documented = new Set<string>();

function document(tag: string, spec: RouteSpec) {
  const key = `${spec.method} ${spec.path}`;
  if (documented.has(key)) return;
  documented.add(key);
  const status = spec.status ?? 200;
  const requestBody = spec.upload
    ? {
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.string().openapi({ format: 'binary' }) }),
          },
        },
      }
    : spec.body
      ? { content: { 'application/json': { schema: spec.body } } }
      : undefined;
  const extra = Object.fromEntries(
    Object.entries(spec.problems ?? {}).map(([code, text]) => [code, problemResponse(text)]),
  );
  const actions = spec.permission === 'public' ? [] : ([] as Action[]).concat(spec.permission);
  const roles = [...new Set(actions.flatMap((a) => rolesFor(a)))].join(', ');
  registry.registerPath({
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    description:
      spec.permission === 'public'
        ? 'Openbaar: zonder inloggen.'
        : `Recht: ${actions.map((a) => `\`${a}\``).join(' of ')} (rollen: ${roles}).`,
    ...(spec.permission === 'public' ? { security: [] } : {}),
    tags: [tag],
    request: {
      ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(requestBody ? { body: requestBody } : {}),
      ...(spec.idempotent ? { headers: idempotencyHeader } : {}),
    },
    responses: {
      [status]: {
        description: status === 201 ? 'Aangemaakt' : status === 204 ? 'Gelukt' : 'Gelukt',
        ...(spec.response
          ? { content: { 'application/json': { schema: spec.response } } }
          : spec.produces
            ? { content: { [spec.produces]: { schema: z.string().openapi({ format: 'binary' }) } } }
            : {}),
      },
      ...standardProblems,
      ...extra,
    },
  });
}

const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Keeps the matched pattern for the metrics; Express forgets the mount path on errors. */
const recordRoute: RequestHandler = (req, res, next) => {
  res.locals.route = `${req.baseUrl}${String(req.route?.path ?? '')}`;
  next();
};

/** Refuses the request unless the user holds the action in some scope. */
export function requirePermission(action: Action | readonly Action[]): RequestHandler {
  const actions = ([] as Action[]).concat(action);
  return (req, res, next) => {
    if (!req.user) {
      sendProblem(res, 'unauthenticated', {
        detail: 'Log in om verder te gaan.',
        instance: req.originalUrl,
      });
      return;
    }
    if (!actions.some((a) => can(principalOf(req.user!), a))) {
      sendProblem(res, 'forbidden', {
        detail: 'Uw rol geeft geen toegang tot dit onderdeel.',
        instance: req.originalUrl,
      });
      return;
    }
    next();
  };
}

/**
 * Mounts a module's route table on an Express router and documents it. Each request runs
 * as one unit of work for the logged-in user: parse, authorise, handle, answer.
 */
export function routeTable(uow: TenantUnitOfWork, tag: string, specs: RouteSpec[]) {
  const router = express.Router({ strict: true });
  for (const spec of specs) {
    // A replay answers only after `authorize` re-checks the case; without it a user who
    // lost the case could fetch the earlier answer with the same key.
    if (spec.idempotent && spec.path.startsWith('/cases/{id}/') && !spec.authorize) {
      throw new Error(
        `${spec.method.toUpperCase()} ${spec.path}: an idempotent change to a case needs authorize`,
      );
    }
    document(tag, spec);
    const open = spec.permission === 'public';
    const handlers: RequestHandler[] = [
      ...(spec.before ?? []),
      ...(open ? [] : [requirePermission(spec.permission as Action | readonly Action[])]),
    ];
    if (spec.upload) {
      const upload = multer({
        storage: multer.memoryStorage(),
        limits: { fileSize: spec.upload.maxBytes, files: 1, fields: 5 },
        // Browsers send file names as UTF-8 without saying so; latin1 would turn café into cafÃ©.
        defParamCharset: 'utf8',
      });
      const single = upload.single('file');
      // A broken multipart body is the sender's mistake: a 400, like any invalid input.
      handlers.push((req, res, next) =>
        single(req, res, (err: unknown) => {
          if (!err || (err instanceof Error && err.name === 'MulterError')) return next(err);
          next(
            new ValidationFailed([
              {
                name: 'file',
                code: 'malformed_multipart',
                reason:
                  'Het formulier met het bestand kon niet worden gelezen. Probeer het opnieuw.',
              },
            ]),
          );
        }),
      );
    }
    handlers.push(async (req: Request, res: Response) => {
      let params: unknown;
      if (spec.params) {
        const parsed = spec.params.safeParse(req.params);
        if (!parsed.success) throw new NotFound(spec.notFound);
        params = parsed.data;
      }
      const ctx: RouteContext<unknown, unknown, unknown> = {
        actor: open ? (undefined as never) : actors.user(req.user!),
        ip: req.ip ?? '',
        params,
        query: spec.query ? parseInput(spec.query, req.query) : undefined,
        body: spec.body ? parseInput(spec.body, req.body) : undefined,
        file: req.file,
      };
      if (spec.upload && !req.file) {
        throw new ValidationFailed([
          { name: 'file', code: 'required', reason: 'Kies een bestand om toe te voegen.' },
        ]);
      }
      const run = async () => {
        await spec.authorize?.(ctx as never);
        return spec.handle(ctx as never);
      };
      let replayed = false;
      // A public route opens its own unit of work once it knows for which municipality.
      const result = open
        ? await run()
        : await uow.run(ctx.actor, async () => {
            if (!spec.idempotent) return run();
            const outcome = await idempotent(
              req.header('idempotency-key'),
              { method: req.method, path: req.originalUrl, body: req.body },
              run,
              // A replay answers only while the user may still do what the first request did.
              async () => {
                const user = principalOf(req.user!);
                if (!([] as Action[]).concat(spec.permission as Action).some((a) => can(user, a))) {
                  throw new Forbidden();
                }
                await spec.authorize?.(ctx as never);
              },
            );
            replayed = outcome.replayed;
            return outcome.body;
          });
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      if (spec.send) return spec.send(res, result as never);
      const status = spec.status ?? 200;
      if (status === 204) return void res.status(204).end();
      res.status(status).json(result);
    });
    router[spec.method](expressPath(spec.path), recordRoute, ...handlers);
  }
  return router;
}
