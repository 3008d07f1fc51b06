import { expect } from 'chai';
import type { Me } from '@herorientatie/domain';
import { Agent } from '../../../../test/agent.ts';
import { startTestApp, useTestApp } from '../../../../test/app.ts';

describe('login through OpenID Connect (development provider)', () => {
  const t = useTestApp();

  it('redirects to the provider with state and nonce, and back with a session', async () => {
    const agent = new Agent(t.app.baseUrl);
    const start = await agent.get('/auth/login');
    expect(start.status).to.equal(302);
    const location = new URL(start.headers.get('location')!);
    expect(location.pathname).to.equal('/oidc/auth');
    expect(location.searchParams.get('state')).to.have.length.greaterThan(10);
    expect(location.searchParams.get('nonce')).to.have.length.greaterThan(10);
    expect(location.searchParams.get('redirect_uri')).to.equal(`${t.app.baseUrl}/auth/callback`);

    const before = await agent.sessionCookie();
    await agent.login('wijchen-caseworker');
    const after = await agent.sessionCookie();
    expect(after).to.be.a('string');
    expect(after, 'session id is rotated at login').to.not.equal(before);

    const me = await agent.get('/api/v1/me');
    expect(me.status).to.equal(200);
    const body = me.json<Me>();
    expect(body.name).to.equal('Consulent Wijchen');
    expect(body.roles).to.deep.equal(['caseworker']);
    expect(body.municipality.code).to.equal('GM0296');
    expect(body.municipality.name).to.equal('Wijchen');
    expect(body.municipality.regionName).to.equal('Rijk van Nijmegen');
    expect(body.csrfToken).to.have.length.greaterThan(10);
  });

  it('sets a httpOnly, SameSite=Lax session cookie', async () => {
    const agent = new Agent(t.app.baseUrl);
    const start = await agent.get('/auth/login');
    const setCookie = start.headers.getSetCookie().find((c) => c.startsWith('hr.sid='));
    expect(setCookie).to.match(/HttpOnly/i);
    expect(setCookie).to.match(/SameSite=Lax/i);
  });

  it('upserts the user and records the login in the audit log', async () => {
    await new Agent(t.app.baseUrl).login('nijmegen-manager');
    await new Agent(t.app.baseUrl).login('nijmegen-manager');
    const users = await t.db.admin.query(
      `select u.name, u.roles, m.code from app_user u join municipality m on m.id = u.municipality_id
        where u.subject = 'nijmegen-manager'`,
    );
    expect(users.rows).to.deep.equal([
      { name: 'Manager Nijmegen', roles: ['manager'], code: 'GM0268' },
    ]);
    const logins = await t.db.admin.query(
      `select count(*)::int as n from audit_log a join app_user u using (municipality_id)
        where a.user_id = u.id and u.subject = 'nijmegen-manager' and a.action = 'login'`,
    );
    expect(logins.rows[0].n).to.equal(2);
  });

  it('refuses a wrong password at the provider', async () => {
    const agent = new Agent(t.app.baseUrl);
    const page = await agent.get('/auth/login', true);
    const action = /action="([^"]+)"/.exec(page.text)![1]!;
    const result = await agent.request('POST', action, {
      form: { username: 'wijchen-caseworker', password: 'fout' },
    });
    expect(result.status).to.equal(401);
    expect(result.text).to.contain('verkeerd wachtwoord');
    expect((await agent.get('/api/v1/me')).status).to.equal(401);
  });

  it('answers 403 with a clear page for a user without roles', async () => {
    const agent = new Agent(t.app.baseUrl);
    const result = await agent.login('wijchen-zonder-rol');
    expect(result.status).to.equal(403);
    expect(result.text).to.contain('geen rol in Heroriëntatie');
    expect((await agent.get('/api/v1/me')).status).to.equal(401);
    const users = await t.db.admin.query(
      `select 1 from app_user where subject = 'wijchen-zonder-rol'`,
    );
    expect(users.rowCount).to.equal(0);
  });

  it('answers 403 for a municipality the system does not know', async () => {
    const agent = new Agent(t.app.baseUrl);
    const result = await agent.login('onbekende-gemeente-caseworker');
    expect(result.status).to.equal(403);
    expect(result.text).to.contain('niet bij een gemeente');
  });

  it('rejects a forged callback without a matching state', async () => {
    const agent = new Agent(t.app.baseUrl);
    const result = await agent.get('/auth/callback?code=abc&state=forged');
    expect(result.status).to.equal(403);
    expect((await agent.get('/api/v1/me')).status).to.equal(401);
  });

  it('only returns to paths inside the application after login', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.get('/auth/login?returnTo=//evil.example/steal');
    const page = await agent.get('/auth/login?returnTo=https://evil.example', true);
    const action = /action="([^"]+)"/.exec(page.text)![1]!;
    const result = await agent.request('POST', action, {
      form: { username: 'wijchen-caseworker', password: 'demo' },
      follow: true,
    });
    expect(new URL(result.url).origin).to.equal(t.app.baseUrl);
    expect(new URL(result.url).pathname).to.equal('/');
  });

  it('rejects state-changing requests without a valid CSRF token', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('wijchen-caseworker');
    const noToken = await agent.request('POST', '/auth/logout');
    expect(noToken.status).to.equal(403);
    expect(noToken.headers.get('content-type')).to.contain('application/problem+json');
    expect(noToken.json<{ type: string }>().type).to.equal('urn:herorientatie:problem:csrf');
    const wrongToken = await agent.request('POST', '/auth/logout', {
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(wrongToken.status).to.equal(403);
    // Still logged in: the forged requests changed nothing.
    expect((await agent.get('/api/v1/me')).status).to.equal(200);
  });

  it('does not accept the CSRF token of another session', async () => {
    const alice = new Agent(t.app.baseUrl);
    const bob = new Agent(t.app.baseUrl);
    await alice.login('wijchen-caseworker');
    await bob.login('wijchen-manager');
    const result = await bob.request('POST', '/auth/logout', {
      headers: { 'x-csrf-token': alice.csrfToken! },
    });
    expect(result.status).to.equal(403);
  });

  it('logs out: ends the session, audits it and points to the provider logout', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('beuningen-caseworker');
    const sid = await agent.sessionCookie();
    const result = await agent.send('POST', '/auth/logout');
    expect(result.status).to.equal(200);
    const { redirectTo } = result.json<{ redirectTo: string }>();
    expect(redirectTo).to.match(/\/oidc\/session\/end\?id_token_hint=/);
    expect((await agent.get('/api/v1/me')).status).to.equal(401);

    // Replaying the old cookie does not revive the session.
    const replay = await fetch(`${t.app.baseUrl}/api/v1/me`, {
      headers: { cookie: `hr.sid=${sid}` },
    });
    expect(replay.status).to.equal(401);
    const logouts = await t.db.admin.query(
      `select count(*)::int as n from audit_log a join app_user u on u.id = a.user_id
        where u.subject = 'beuningen-caseworker' and a.action = 'logout'`,
    );
    expect(logouts.rows[0].n).to.equal(1);
  });

  it('ends a session that has been idle too long', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('heumen-caseworker');
    // The store enforces the idle limit through the expiry time it keeps per session.
    await t.db.admin.query(
      `update http_session set expire = now() - interval '1 minute' where sess->'passport'->'user'->>'subject' = 'heumen-caseworker'`,
    );
    expect((await agent.get('/api/v1/me')).status).to.equal(401);
  });

  it('ends a session older than the absolute limit, however active', async () => {
    const agent = new Agent(t.app.baseUrl);
    await agent.login('druten-caseworker');
    await t.db.admin.query(
      `update http_session
          set sess = jsonb_set(sess::jsonb, '{loginAt}', to_jsonb((extract(epoch from now() - interval '13 hours') * 1000)::bigint))::json
        where sess->'passport'->'user'->>'subject' = 'druten-caseworker'`,
    );
    const result = await agent.get('/api/v1/me');
    expect(result.status).to.equal(401);
    expect(result.json<{ detail: string }>().detail).to.contain('verlopen');
    const left = await t.db.admin.query(
      `select 1 from http_session where sess->'passport'->'user'->>'subject' = 'druten-caseworker'`,
    );
    expect(left.rowCount).to.equal(0);
  });

  it('keeps the login of two apps in one process apart', async () => {
    const other = await startTestApp(t.db);
    try {
      // The other app discovers its own provider first…
      expect((await new Agent(other.baseUrl).get('/auth/login')).status).to.equal(302);
      // …and this app still logs in against its own.
      const agent = new Agent(t.app.baseUrl);
      await agent.login('mook-en-middelaar-caseworker');
      expect((await agent.get('/api/v1/me')).status).to.equal(200);
    } finally {
      await other.stop();
    }
  });
});
