import { expect } from 'chai';
import { Agent } from '../../../test/agent.ts';
import { startTestApp, useTestApp } from '../../../test/app.ts';
import { createTestDatabase } from '../../../test/database.ts';

describe('HTTP conventions', () => {
  const t = useTestApp();

  it('answers liveness and readiness', async () => {
    const agent = new Agent(t.app.baseUrl);
    expect((await agent.get('/health')).json()).to.deep.equal({ status: 'ok' });
    expect((await agent.get('/ready')).json()).to.deep.equal({ status: 'ok', database: 'ok' });
  });

  it('reports not ready when the database is unreachable', async () => {
    const other = await createTestDatabase();
    const broken = await startTestApp(other);
    try {
      await other.dataSource.destroy();
      const result = await new Agent(broken.baseUrl).get('/ready');
      expect(result.status).to.equal(503);
      await other.dataSource.initialize();
    } finally {
      await broken.stop();
      await other.drop();
    }
  });

  it('sends security headers, API-Version and no-store on API responses', async () => {
    const result = await new Agent(t.app.baseUrl).get('/api/v1/openapi.json');
    expect(result.status).to.equal(200);
    expect(result.headers.get('api-version')).to.equal('1.0.0');
    expect(result.headers.get('cache-control')).to.equal('no-store');
    expect(result.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(result.headers.get('strict-transport-security')).to.match(/max-age=\d+/);
    expect(result.headers.get('content-security-policy')).to.contain("frame-ancestors 'none'");
    expect(result.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('publishes an OpenAPI document with contact and version, unauthenticated', async () => {
    const doc = (await new Agent(t.app.baseUrl).get('/api/v1/openapi.json')).json<{
      openapi: string;
      info: { version: string; contact: object };
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).to.match(/^3\./);
    expect(doc.info.version).to.equal('1.0.0');
    expect(doc.info.contact).to.have.property('email');
    expect(doc.paths).to.have.property('/me');
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const result = await new Agent(t.app.baseUrl).get('/api/v1/bestaat-niet');
    expect(result.status).to.equal(404);
    expect(result.headers.get('content-type')).to.contain('application/problem+json');
    expect(result.json()).to.include({
      type: 'urn:herorientatie:problem:not-found',
      status: 404,
      title: 'Niet gevonden.',
    });
  });

  it('treats a trailing slash as a different, unknown path', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('wijchen-caseworker');
    expect((await agent.get('/api/v1/me')).status).to.equal(200);
    expect((await agent.get('/api/v1/me/')).status).to.equal(404);
  });

  it('answers malformed JSON with a Dutch 400 problem, not a 500', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('wijchen-caseworker');
    const result = await agent.request('POST', '/api/v1/me', {
      body: '{"kapot":',
      headers: { 'x-csrf-token': agent.csrfToken!, 'content-type': 'application/json' },
    });
    expect(result.status).to.equal(400);
    expect(result.json()).to.deep.include({ type: 'urn:herorientatie:problem:validation' });
  });

  it('rejects an oversized body with 413', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('wijchen-caseworker');
    const result = await agent.request('POST', '/api/v1/me', {
      body: JSON.stringify({ x: 'a'.repeat(1_100_000) }),
      headers: { 'x-csrf-token': agent.csrfToken! },
    });
    expect(result.status).to.equal(413);
    expect(result.headers.get('content-type')).to.contain('application/problem+json');
  });

  it('answers a change without a session with 401, not a CSRF refusal', async () => {
    const agent = new Agent(t.app.baseUrl);
    const r = await agent.request('POST', '/api/v1/cases', { body: {} });
    expect(r.status).to.equal(401);
    expect(r.json<{ type: string }>().type).to.equal('urn:herorientatie:problem:unauthenticated');
  });

  it('names every request itself; a client-sent id never becomes the request id', async () => {
    const agent = new Agent(t.app.baseUrl);
    const sent = await agent.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(sent.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    const replaced = await agent.request('GET', '/health', {
      headers: { 'x-request-id': 'x'.repeat(100) + '<script>' },
    });
    expect(replaced.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('rate-limits the login routes', async () => {
    const limited = await startTestApp(t.db, { LOGIN_RATE_LIMIT: '3' });
    // Counters live in the database, shared with the other instance: start from none.
    await t.db.admin.query('delete from rate_limit');
    try {
      const agent = new Agent(limited.baseUrl);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await agent.get('/auth/login')).status);
      expect(statuses).to.deep.equal([302, 302, 302, 429]);
    } finally {
      await limited.stop();
    }
  });
});
