import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { kvk } from '../test/case-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';

describe('end to end: a caseworker runs a case', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${app.baseUrl}/auth/login`);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('wijchen-caseworker');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Consulent Wijchen' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  const status = () => page.locator('.utrecht-status-badge').first().textContent();
  const done = (message: string) =>
    page.getByRole('status').filter({ hasText: message }).first().waitFor();

  it('registers an entrepreneur, records an intake, starts two routes, logs a contact and closes the case', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await page.getByRole('link', { name: 'Ondernemer aanmelden' }).click();

    // The shared schema refuses an empty form with the same Dutch messages as the server.
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('link', { name: 'Naam is verplicht.', exact: true }).waitFor();
    expect(await page.locator('#field-source').getAttribute('aria-invalid')).to.equal('true');

    await page.getByLabel('Naam *', { exact: true }).fill('Sanne Willems');
    await page.getByLabel('Bedrijfsnaam *', { exact: true }).fill('Willems Fotografie');
    await page.getByLabel('KvK-nummer', { exact: true }).fill(kvk());
    await page.getByLabel('Postcode', { exact: true }).fill('6602ab');
    await page
      .getByLabel('Binnengekomen via *', { exact: true })
      .selectOption({ label: 'Regionale campagne' });
    await page.getByLabel('Urgentie *', { exact: true }).selectOption({ label: 'Hoog' });
    await page
      .getByLabel('Andere steun *', { exact: true })
      .selectOption({ label: 'Geen andere steun' });
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    await page.getByRole('heading', { level: 1, name: /Sanne Willems/ }).waitFor();
    expect(await status()).to.equal('Aangemeld');

    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    await page.getByLabel('Vorm *', { exact: true }).selectOption({ label: 'Persoonlijk gesprek' });
    await page
      .getByLabel('Levensvatbaarheid van het bedrijf *', { exact: true })
      .selectOption({ label: 'Levensvatbaar met aanpassingen' });
    await page.getByLabel('Bbz-bedrijfskrediet', { exact: true }).check();
    await page
      .getByLabel('Bevindingen', { exact: true })
      .fill('Opdrachten vielen weg; bijbaan als overbrugging.');
    await page.getByRole('button', { name: 'Intake vastleggen' }).last().click();
    await done('De intake is vastgelegd.');
    expect(await status()).to.equal('Intake gedaan');

    for (const route of ['Route 1: versterken eigen bedrijf', 'Route 3: (bij)baan in loondienst']) {
      await page.getByRole('button', { name: 'Route starten' }).first().click();
      await page.getByLabel('Route *', { exact: true }).selectOption({ label: route });
      await page.getByRole('button', { name: 'Route starten' }).last().click();
      await done(`${route} is gestart.`);
    }
    expect(await status()).to.equal('Routes lopen');

    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByLabel('Kanaal *', { exact: true }).selectOption({ label: 'Videogesprek' });
    await page
      .getByLabel('Samenvatting *', { exact: true })
      .fill('Sollicitatie bij WerkBedrijf besproken.');
    await page.getByRole('button', { name: 'Contact vastleggen' }).last().click();
    await done('Het contact is vastgelegd.');

    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('tabpanel').locator('.app-card').nth(1).waitFor();
    expect(await page.getByRole('tabpanel').getByText('Loopt').count()).to.equal(2);

    await page.getByRole('button', { name: 'Afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dossier afsluiten' });
    await dialog
      .getByLabel('Uitkomst *', { exact: true })
      .selectOption({ label: 'Bedrijf met bijbaan' });
    await dialog.getByLabel('Beëindig dit op de afsluitdatum').check();
    await dialog.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await done('Het dossier is afgesloten.');
    expect(await status()).to.equal('Afgesloten');

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    // The tab may first show the cached timeline; wait until the refetch brings the closing.
    await page
      .locator('.app-timeline__summary')
      .filter({ hasText: 'Afgesloten' })
      .first()
      .waitFor();
    const timeline = await page.locator('.app-timeline__summary').allTextContents();
    expect(timeline.join('\n'))
      .to.contain('Intake vastgelegd')
      .and.contain('Route 3: (bij)baan in loondienst gestart');
    expect(timeline.join('\n')).to.contain('Videogesprek: Sollicitatie bij WerkBedrijf besproken.');
    // The closing and the routes it ended happen in one step, so they come first together.
    const closingStep = timeline.slice(0, 3).join('\n');
    expect(closingStep).to.contain('Afgesloten');
    expect(closingStep)
      .to.contain('Route 1: versterken eigen bedrijf beëindigd')
      .and.contain('Route 3: (bij)baan in loondienst beëindigd');
    await page.screenshot({
      path: process.env.E2E_CASE_SCREENSHOT ?? '/tmp/herorientatie-case.png',
      fullPage: true,
    });

    const rows = await db.admin.query(
      `select c.status, c.outcome, (select count(*)::int from case_route r where r.case_id = c.id) as routes,
              (select count(*)::int from contact k where k.case_id = c.id) as contacts
         from case_file c join entrepreneur e on e.id = c.entrepreneur_id where e.name = 'Sanne Willems'`,
    );
    expect(rows.rows).to.deep.equal([
      { status: 'closed', outcome: 'business_with_side_job', routes: 2, contacts: 1 },
    ]);
  });

  it('shows the case in the list and the worklist counts on the home page', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Start' })
      .click();
    await page.getByRole('heading', { name: 'Werklijsten' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgesloten' });
    await page.waitForURL(/status=closed/);
    await page.getByRole('cell', { name: /Sanne Willems/ }).waitFor();
    const badges = await page.locator('tbody .utrecht-status-badge').allTextContents();
    expect([...new Set(badges)]).to.deep.equal(['Afgesloten']);
  });
});
