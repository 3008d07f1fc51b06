import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn } from './case-setup.ts';

describe('end to end: server messages on the fields, corrections and their history', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    const { caseId } = await caseInProgress(agent, 'Lotte Jacobs', {
      routes: [{ type: 'solve_finances', note: 'Schulden in kaart brengen' }],
    });
    const contact = await agent.send('POST', `/api/v1/cases/${caseId}/contacts`, {
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      summary: 'Gebeld over de schuldhulp',
    });
    expect(contact.status, contact.text).to.equal(201);
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page.goto(`${app.baseUrl}/dossiers/${caseId}`);
    await page.getByRole('heading', { level: 1, name: /Lotte Jacobs/ }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it("shows the server's field message next to the field and in the summary", async () => {
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'Route beëindigen' }).click();
    const form = page.locator('form').filter({ hasText: 'beëindigen' });
    await form.getByLabel('Einddatum *').fill('2020-01-01');
    await form.getByLabel('Uitkomst *').selectOption({ label: 'Niet gestart' });
    await form.getByRole('button', { name: 'Route beëindigen' }).click();

    // Only the server knows the route's start date: its message lands on the end date.
    const message = 'De einddatum ligt voor de startdatum van de route.';
    await form.getByRole('link', { name: `Einddatum: ${message}` }).waitFor();
    const field = form.getByLabel('Einddatum *');
    expect(await field.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
    const texts = await Promise.all(
      describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(texts).to.include(message);
    expect(await form.textContent()).not.to.contain('niet goed ingevuld');

    // The summary link takes the keyboard user to the field.
    await form.getByRole('link', { name: `Einddatum: ${message}` }).click();
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).to.equal('endDate');
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Weggaan zonder opslaan' })
      .click();
  });

  it('corrects a contact with a reason and shows the earlier version', async () => {
    await page.getByRole('tab', { name: 'Contacten' }).click();
    await page.getByRole('button', { name: 'Contact corrigeren' }).click();
    const form = page.locator('form').filter({ hasText: 'Contact corrigeren' });
    await form
      .getByLabel('Samenvatting *', { exact: true })
      .fill('Gebeld over de schuldhulp en de afspraak bij de Kredietbank');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await form.getByRole('link', { name: /Wat corrigeert u en waarom/ }).waitFor();

    await form
      .getByLabel('Wat corrigeert u en waarom? *')
      .fill('Afspraak bij de Kredietbank vergeten');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het contact is gecorrigeerd.' }).waitFor();

    const card = page.locator('.app-card').first();
    await card.getByText('afspraak bij de Kredietbank').waitFor();
    await card.getByRole('button', { name: 'Eerdere versies (1)' }).click();
    const version = card.locator('.app-version');
    await version.waitFor();
    const text = await version.textContent();
    expect(text).to.contain('Versie 1');
    expect(text).to.contain('Reden: Afspraak bij de Kredietbank vergeten');
    expect(text).to.contain('Gebeld over de schuldhulp');
    expect(await card.getByRole('button', { name: 'Verberg eerdere versies' }).count()).to.equal(1);

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.locator('.app-timeline__item--record_corrected').first().waitFor();
  });

  it('corrects the intake and keeps the first version', async () => {
    await page.getByRole('tab', { name: 'Intake en analyse' }).click();
    await page.getByRole('button', { name: 'Intake corrigeren' }).click();
    const form = page.locator('form').filter({ hasText: 'Intake corrigeren' });
    await form.getByLabel('Bevindingen').fill('Omzet halveerde; huur is te hoog.');
    await form.getByLabel('Wat corrigeert u en waarom? *').fill('Bevindingen aangevuld');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De intake is gecorrigeerd.' }).waitFor();
    await page.getByRole('tabpanel').getByText('huur is te hoog').waitFor();
    await page.getByRole('button', { name: 'Eerdere versies (1)' }).click();
    await page.locator('.app-version').getByText('Bevindingen aangevuld').waitFor();
  });
});
