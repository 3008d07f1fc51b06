import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';

describe('end to end: logging in with a browser', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('logs in as a demo caseworker, sees the home page and logs out', async () => {
    const page = await browser.newPage();
    await page.goto(app.baseUrl);
    await page.getByRole('link', { name: 'Inloggen' }).click();

    await page.getByLabel('Gebruikersnaam').fill('wijchen-caseworker');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Welkom, Consulent Wijchen' }).waitFor();
    expect(await page.getByText('Gemeente Wijchen').first().isVisible()).to.equal(true);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).to.deep.equal([
      'Start',
      'Dossiers',
      'Acties',
      'Agenda',
      'Verwijzingen',
      'TONK',
      'Benadering',
      'Campagnes',
    ]);
    await page.screenshot({ path: process.env.E2E_SCREENSHOT ?? '/tmp/herorientatie-home.png' });

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    // The provider sends the browser back to the application's start page, logged out.
    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    const me = await page.request.get(`${app.baseUrl}/api/v1/me`);
    expect(me.status()).to.equal(401);
    await page.close();
  });

  it('shows a coordinator of the centre municipality the regional campaign', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/auth/login`);
    await page.getByLabel('Gebruikersnaam').fill('nijmegen-coordinator');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Coördinator Nijmegen' }).waitFor();
    expect(await page.getByText('(centrumgemeente)').isVisible()).to.equal(true);
    const links = await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link')
      .allTextContents();
    expect(links).to.include('Campagnes');
    expect(links).to.not.include('Dossiers');
    await page.close();
  });

  it('returns to the login page when the session has ended on the server', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/auth/login`);
    await page.getByLabel('Gebruikersnaam').fill('heumen-caseworker');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Consulent Heumen' }).waitFor();
    // The idle limit passes: the server forgets the session.
    await db.admin.query(
      `delete from http_session where sess->'passport'->'user'->>'subject' = 'heumen-caseworker'`,
    );
    // The next click, or a refetch in the background before it, finds the session gone.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dossiers' })
      .click({ timeout: 5000 })
      .catch(() => {});
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).to.equal(0);
    await page.close();
  });
});
