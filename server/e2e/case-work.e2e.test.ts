import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn } from './case-setup.ts';

describe('end to end: an overdue action from the home page to done, and the header search', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let caseId: string;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    ({ caseId } = await caseInProgress(agent, 'Sanne Verbeek', {}, { postcode: '6604XY' }));
    // Another case, so that the search has something not to find.
    await caseInProgress(agent, 'Bram de Wit', {}, { postcode: '6601AA' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('adds an action on the case page', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${caseId}`);
    await page.getByRole('heading', { level: 1, name: /Sanne Verbeek/ }).waitFor();
    await page.getByRole('tab', { name: 'Acties' }).click();
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    const form = page.locator('form').filter({ hasText: 'Actie toevoegen' });
    await form.getByLabel('Wat moet er gebeuren? *').fill('Terugbellen over de offerte');
    await form.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByText('De actie "Terugbellen over de offerte" is toegevoegd.').waitFor();
    await page
      .getByRole('list', { name: 'Open acties' })
      .getByText(/^Vandaag/)
      .waitFor();
  });

  it('counts the action on the home page once it is overdue', async () => {
    // Arranged as superuser: a few days pass (the application only plans forward).
    const moved = await db.admin.query(
      `update case_action set due_on = current_date - 3
        where case_id = $1 and title = 'Terugbellen over de offerte'`,
      [caseId],
    );
    expect(moved.rowCount).to.equal(1);
    // A fresh load: what the app had cached was read before the days passed.
    await page.goto(app.baseUrl);
    const overdue = page.getByRole('link', { name: /Mijn acties die te laat zijn/ });
    await overdue.waitFor();
    expect((await overdue.textContent())?.trim()).to.match(/^1\s*Mijn acties die te laat zijn/);
  });

  it('opens the case from the actions list and marks the action done', async () => {
    await page.getByRole('link', { name: /Mijn acties die te laat zijn/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn acties die te laat zijn' }).waitFor();
    expect(await page.title()).to.contain('Mijn acties die te laat zijn');
    const row = page.getByRole('row', { name: /Terugbellen over de offerte/ });
    expect(await row.textContent()).to.contain('Te laat');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Sanne Verbeek/ }).waitFor();

    const card = page.getByRole('list', { name: 'Open acties' }).getByRole('listitem');
    // Overdue is said in words, not only shown in colour.
    await card.getByText(/^Te laat: moest uiterlijk/).waitFor();
    await card.getByRole('button', { name: 'Afhandelen' }).click();
    const form = page.locator('form').filter({ hasText: 'Afhandelen:' });
    await form.getByLabel('Gedaan').check();
    await form.getByRole('button', { name: 'Afhandelen' }).click();
    await page.getByText('De actie "Terugbellen over de offerte" is gedaan.').waitFor();
    await page.getByText('Er staan geen acties open.').waitFor();
  });

  it('finds the case again by its postcode from the header search', async () => {
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    const box = page.getByRole('combobox', { name: 'Zoek een dossier' });
    await box.fill('6604XY');
    const option = page.getByRole('option', { name: /Sanne Verbeek/ });
    await option.waitFor();
    expect(await option.textContent()).to.contain('Gevonden in: postcode');
    expect(await page.getByRole('option').count()).to.equal(1);
    await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).to.equal('true');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Sanne Verbeek/ }).waitFor();
    expect(page.url()).to.contain(`/dossiers/${caseId}`);
  });
});
