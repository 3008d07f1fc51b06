import {
  MunicipalityCodeSchema,
  MunicipalityFaceSchema,
  PostcodeLookupSchema,
  PrivacyStatementSchema,
  PublicRegionsSchema,
  SignUpAnswerSchema,
  SignUpSchema,
} from '@herorientatie/domain';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { TenantUnitOfWork } from '../../db/unit-of-work.ts';
import { route, routeTable } from '../../http/route-table.ts';
import { sendProblem } from '../../http/problem.ts';
import type { RateLimitStores } from '../../http/rate-limit-store.ts';
import { sendImage } from '../letters/letters.router.ts';
import type { SignUpService } from './sign-up.service.ts';

const MunicipalityParam = z.object({ code: MunicipalityCodeSchema });

const MAX_SIGN_UP_BYTES = 20 * 1024;

const limited = (
  stores: RateLimitStores,
  name: string,
  limit: number,
  windowMs: number,
): RequestHandler =>
  rateLimit({
    windowMs,
    limit,
    store: stores(name),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) =>
      sendProblem(res, 'rate-limited', {
        detail:
          'U heeft het formulier vaak verstuurd. Probeer het over een uur opnieuw, of bel uw gemeente.',
        instance: req.originalUrl,
      }),
  });

const small: RequestHandler = (req, res, next) => {
  if (Number(req.headers['content-length'] ?? 0) > MAX_SIGN_UP_BYTES) {
    return sendProblem(res, 'payload-too-large', { instance: req.originalUrl });
  }
  next();
};

/** The public sign-up: no login, limited per address, the same answer for everyone. */
export function signUpRouter(
  uow: TenantUnitOfWork,
  service: SignUpService,
  signUpsPerHour: number,
  /** Where the limits count: PostgreSQL, shared by every instance. */
  rateLimitStores: RateLimitStores,
) {
  return routeTable(uow, 'Aanmelden', [
    route({
      method: 'get',
      path: '/public/postcodes/{postcode4}',
      summary: 'Bij welke gemeente(n) een postcodegebied hoort',
      permission: 'public',
      before: [limited(rateLimitStores, 'postcode-lookup', 300, 15 * 60_000)],
      params: z.object({ postcode4: z.string().regex(/^[1-9][0-9]{3}$/) }),
      notFound: 'Het postcodegebied',
      response: PostcodeLookupSchema,
      handle: ({ params }) => service.lookup(params.postcode4),
    }),
    route({
      method: 'get',
      path: '/public/regions',
      summary: 'De regio en haar gemeenten (kop van de openbare pagina’s)',
      permission: 'public',
      before: [limited(rateLimitStores, 'public-pages', 600, 15 * 60_000)],
      response: PublicRegionsSchema,
      handle: () => service.regions(),
    }),
    route({
      method: 'get',
      path: '/public/municipalities/{code}',
      summary: 'Naam, logo en contactgegevens van een gemeente',
      permission: 'public',
      before: [limited(rateLimitStores, 'public-pages', 600, 15 * 60_000)],
      params: MunicipalityParam,
      notFound: 'De gemeente',
      response: MunicipalityFaceSchema,
      handle: ({ params }) => service.face(params.code),
    }),
    route({
      method: 'get',
      path: '/public/municipalities/{code}/logo',
      summary: 'Het logo van een gemeente',
      permission: 'public',
      before: [limited(rateLimitStores, 'public-pages', 600, 15 * 60_000)],
      params: MunicipalityParam,
      notFound: 'Het logo',
      produces: 'image/png',
      send: sendImage,
      handle: ({ params }) => service.logo(params.code),
    }),
    route({
      method: 'get',
      path: '/public/municipalities/{code}/privacy-statement',
      summary: 'De privacyverklaring van een gemeente, uit haar instellingen',
      permission: 'public',
      before: [limited(rateLimitStores, 'public-pages', 600, 15 * 60_000)],
      params: MunicipalityParam,
      notFound: 'De gemeente',
      response: PrivacyStatementSchema,
      handle: ({ params }) => service.privacyStatement(params.code),
    }),
    route({
      method: 'post',
      path: '/public/sign-ups',
      summary: 'Aanmelden voor hulp (zonder inloggen); de postcode bepaalt de gemeente',
      permission: 'public',
      before: [small, limited(rateLimitStores, 'sign-up', signUpsPerHour, 60 * 60_000)],
      body: SignUpSchema,
      response: SignUpAnswerSchema,
      status: 201,
      problems: { 413: 'Te groot', 429: 'Te vaak verstuurd vanaf dit adres' },
      handle: ({ body, ip }) => service.signUp(body, ip),
    }),
  ]);
}
