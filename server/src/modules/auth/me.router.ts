import { MeSchema, type Me } from '@herorientatie/domain';
import express from 'express';
import { problemResponse, registry } from '../openapi/registry.ts';
import type { ReferenceRepository } from '../reference/reference.repository.ts';
import { requireUser } from './guards.ts';

registry.registerPath({
  method: 'get',
  path: '/me',
  summary: 'De ingelogde gebruiker, met gemeente, rollen en CSRF-token',
  tags: ['Sessie'],
  responses: {
    200: {
      description: 'Ingelogde gebruiker',
      content: { 'application/json': { schema: MeSchema } },
    },
    401: problemResponse('Niet ingelogd'),
  },
});

export function meRouter(
  reference: ReferenceRepository,
  generateCsrfToken: (req: express.Request) => string,
) {
  const router = express.Router({ strict: true });
  router.get('/me', requireUser, async (req, res) => {
    const user = req.user!;
    // Partner staff belong to no municipality.
    const municipality = user.municipalityId
      ? await reference.findMunicipalityById(user.municipalityId)
      : null;
    const expiresAt = req.session.cookie.expires ?? new Date();
    const body: Me = {
      id: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles,
      municipality: {
        id: user.municipalityId,
        code: user.municipalityCode,
        name: municipality?.name ?? user.municipalityCode,
        isCentre: municipality?.isCentre ?? false,
        regionName: municipality?.region?.name ?? '',
      },
      partner: user.partnerId ? await reference.partnerById(user.partnerId) : null,
      csrfToken: generateCsrfToken(req),
      sessionExpiresAt: expiresAt.toISOString(),
    };
    res.json(body);
  });
  return router;
}
