import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { logIn } from './case-setup.ts';

const APPLICANT = 'Sanne Verhoeven';

describe('end to end: a TONK application becomes a reorientation case with a Bbz credit', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const done = (message: string | RegExp) =>
    page.getByRole('status').filter({ hasText: message }).first().waitFor();

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('registers a TONK application for a self-employed applicant, with errors on the fields first', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'TONK' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'TONK' }).waitFor();
    await page.getByText('Er zijn nog geen TONK-aanvragen.').waitFor();
    await page.getByRole('button', { name: 'Aanvraag TONK registreren' }).click();

    // Business name and KvK number are only asked for a self-employed applicant.
    expect(await page.getByLabel('Bedrijfsnaam').count()).to.equal(0);
    await page.getByLabel('Naam aanvrager').fill(APPLICANT);
    await page.getByLabel('De aanvrager is zelfstandig ondernemer').check();
    await page.getByLabel('Woonkosten per maand').fill('950,00');
    await page.getByLabel('Gevraagd bedrag in totaal').fill('2.850');
    await page.getByLabel('Periode van').fill('2026-03-01');
    await page.getByLabel('Periode tot en met').fill('2026-01-31');
    await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    await page.getByText('Vul de bedrijfsnaam in.').first().waitFor();
    await page.getByText('Het einde ligt voor het begin.').first().waitFor();

    await page.getByLabel('Bedrijfsnaam').fill('Verhoeven Fietsherstel');
    await page.getByLabel('KvK-nummer').fill('87654321');
    await page.getByLabel('Periode tot en met').fill('2026-05-31');
    await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
    await done(`De TONK-aanvraag van ${APPLICANT} is geregistreerd.`);
    const row = page.getByRole('row').filter({ hasText: APPLICANT });
    await row.getByText('Verhoeven Fietsherstel').waitFor();
    await row.getByText('€ 2.850,00').waitFor();
    await row.getByText('In behandeling').waitFor();
  });

  it('records a granted decision with its amount', async () => {
    await page
      .getByRole('button', { name: new RegExp(`^Besluit vastleggen.*${APPLICANT}$`) })
      .click();
    const dialog = page.getByRole('dialog', { name: /Besluit op de TONK-aanvraag/ });
    await dialog.getByLabel('Toegekend', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await dialog.getByText('Vul het toegekende bedrag in.').first().waitFor();
    await dialog.getByLabel('Toegekend bedrag').fill('2.500,00');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await done(`De TONK-aanvraag van ${APPLICANT} is toegekend: € 2.500,00.`);
    await page
      .getByRole('row')
      .filter({ hasText: APPLICANT })
      .getByText(/Toegekend: € 2\.500,00/)
      .waitFor();
  });

  it('opens the reorientation case from the application and lands on it', async () => {
    await page.getByRole('button', { name: `Heroriëntatiedossier openen: ${APPLICANT}` }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: new RegExp(APPLICANT) }).waitFor();
    await done(/Het heroriëntatiedossier .+ is geopend vanuit de TONK-aanvraag/);

    // The TONK list links the new case, and no longer offers to open one.
    await page.goBack();
    await page.getByRole('link', { name: `Dossier van ${APPLICANT}` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(APPLICANT) }).waitFor();
    expect(page.url()).to.match(/\/dossiers\/[0-9a-f-]{36}$/);
  });

  it('adds a Bbz business credit on the TONK en Bbz tab and records its decision', async () => {
    await page.getByRole('tab', { name: 'TONK en Bbz' }).click();
    await page
      .getByRole('table', { name: 'TONK-aanvragen van dit dossier' })
      .getByText(/Toegekend: € 2\.500,00/)
      .waitFor();
    await page.getByText('Er is nog geen Bbz-aanvraag.').waitFor();
    await page.getByRole('button', { name: 'Bbz-aanvraag vastleggen' }).click();
    await page.getByLabel('Bedrijfskrediet').check();
    await page.getByRole('button', { name: 'Bbz-aanvraag vastleggen' }).click();
    await page.getByText('Vul het gevraagde krediet in.').first().waitFor();
    await page.getByLabel('Gevraagd krediet').fill('10.000');
    await page.getByRole('button', { name: 'Bbz-aanvraag vastleggen' }).click();
    await done('De Bbz-aanvraag voor een bedrijfskrediet van € 10.000,00 is vastgelegd.');

    await page
      .getByRole('button', { name: /^Besluit vastleggen.*Bedrijfskrediet van € 10\.000,00$/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /Besluit op de Bbz-aanvraag/ });
    await dialog.getByLabel('Toegekend', { exact: true }).check();
    // The requested credit is offered as the granted amount.
    expect(await dialog.getByLabel('Toegekend bedrag').inputValue()).to.equal('10.000,00');
    await dialog.getByLabel('Toegekend bedrag').fill('8.000');
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await done('De Bbz-aanvraag is toegekend: € 8.000,00.');
    await page
      .getByRole('table', { name: 'Bbz-aanvragen van dit dossier' })
      .getByText(/Toegekend: € 8\.000,00/)
      .waitFor();
  });
});
