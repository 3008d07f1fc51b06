import { expect } from 'chai';
import { ConfigError, loadConfig } from '../config.ts';

const production = {
  NODE_ENV: 'production',
  OIDC_ISSUER: 'https://login.example.org/realms/gemeente',
  OIDC_CLIENT_ID: 'herorientatie',
  OIDC_CLIENT_SECRET: 'x'.repeat(40),
  SESSION_SECRET: 's'.repeat(40),
  DATABASE_URL: 'postgres://admin@db/herorientatie',
  DB_APP_PASSWORD: 'p'.repeat(20),
  PUBLIC_URL: 'https://herorientatie.example.org',
  SMTP_URL: 'smtp://mail.example.org:587',
};

describe('configuration', () => {
  it('has working development defaults: embedded database and provider', () => {
    const config = loadConfig({});
    expect(config.db.adminUrl).to.equal(undefined);
    expect(config.oidc.issuer).to.equal(undefined);
    expect(config.publicUrl).to.equal('http://localhost:3000');
    expect(config.session.idleMs).to.equal(30 * 60_000);
    expect(config.session.absoluteMs).to.equal(12 * 3_600_000);
    expect(config.session.secureCookie).to.equal(false);
  });

  it('refuses to start in production without a real issuer', () => {
    const { OIDC_ISSUER: _omit, ...env } = production;
    expect(() => loadConfig(env)).to.throw(ConfigError, /OIDC_ISSUER/);
  });

  it('refuses to start in production without a session secret', () => {
    const { SESSION_SECRET: _omit, ...env } = production;
    expect(() => loadConfig(env)).to.throw(ConfigError, /SESSION_SECRET/);
  });

  it('refuses to start in production without an SMTP server', () => {
    const { SMTP_URL: _omit, ...env } = production;
    expect(() => loadConfig(env)).to.throw(ConfigError, /SMTP_URL/);
  });

  it('starts in production with everything set, with secure cookies', () => {
    const config = loadConfig(production);
    expect(config.production).to.equal(true);
    expect(config.session.secureCookie).to.equal(true);
  });

  it('rejects a short session secret and explains which setting is wrong', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'kort' })).to.throw(ConfigError, /SESSION_SECRET/);
  });

  it('requires client credentials with an external issuer', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.org' })).to.throw(
      ConfigError,
      /OIDC_CLIENT_ID/,
    );
  });
});
