import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  extendZodWithOpenApi,
} from '@asteasolutions/zod-to-openapi';
import { ProblemSchema } from '@herorientatie/domain';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const API_VERSION = '1.0.0';
export const API_BASE = '/api/v1';

/** Each feature registers its paths here; the document is generated from the zod schemas. */
export const registry = new OpenAPIRegistry();

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The problems any authenticated endpoint can answer with. */
export const standardProblems = {
  400: problemResponse('Ongeldige invoer; `errors` noemt elk veld'),
  401: problemResponse('Niet ingelogd'),
  403: problemResponse('Geen toegang voor uw rol'),
  404: problemResponse('Niet gevonden (ook voor gegevens van een andere gemeente)'),
};

registry.registerComponent('securitySchemes', 'sessionCookie', {
  type: 'apiKey',
  in: 'cookie',
  name: 'hr.sid',
  description: 'Sessiecookie na inloggen via /auth/login (OpenID Connect).',
});

const API_VERSION_HEADER = {
  description: 'De volledige versie van de API (semantic versioning).',
  schema: { type: 'string' as const, example: API_VERSION },
};

/** The document for this deployment, served at /api/v1/openapi.json. */
export function openApiDocument(publicUrl: string) {
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Heroriëntatie API',
      version: API_VERSION,
      description:
        'API voor de ondersteuning van zelfstandig ondernemers bij heroriëntatie, per gemeente gescheiden.',
      contact: {
        name: 'Heroriëntatie beheer',
        email: 'beheer@example.org',
        url: 'https://example.org',
      },
    },
    servers: [{ url: `${publicUrl}${API_BASE}` }],
    security: [{ sessionCookie: [] }],
  });
  // Every response carries API-Version (NL API Design Rules), so every response says so.
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(
      pathItem as Record<string, { responses?: Record<string, { headers?: object }> }>,
    )) {
      for (const response of Object.values(operation.responses ?? {})) {
        response.headers = { 'API-Version': API_VERSION_HEADER, ...response.headers };
      }
    }
  }
  return document;
}
