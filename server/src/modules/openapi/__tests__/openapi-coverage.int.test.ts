import { expect } from 'chai';
import type { Router } from 'express';
import { useTestApp } from '../../../../test/app.ts';
import { openApiDocument } from '../registry.ts';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every "METHOD /path" the router answers, with :params written as {params}. */
function routesOf(router: Router): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return found.sort();
}

describe('OpenAPI document covers the API', () => {
  const t = useTestApp();

  it('documents every route under /api/v1, and nothing that does not exist', () => {
    const documented = Object.entries(openApiDocument('https://example.org').paths ?? {})
      .flatMap(([path, item]) =>
        Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    // The document describes itself only by being served.
    const served = routesOf(t.app.api).filter((r) => r !== 'GET /openapi.json');
    expect(served).to.include.members([
      'GET /me',
      'POST /cases',
      'GET /cases/{id}',
      'POST /cases/{id}/attachments',
    ]);
    expect(served).to.deep.equal(documented);
  });
});
