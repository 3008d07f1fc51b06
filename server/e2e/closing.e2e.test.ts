import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, focusInDialog, logIn, waitForFocus } from './case-setup.ts';

describe('end to end: closing a case with routes and coaching still running', () => {
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
    ({ caseId } = await caseInProgress(agent, 'Joost Verhoeven', {
      routes: [
        { type: 'strengthen_business', note: 'Nieuwe prijzen doorrekenen' },
        { type: 'employment', note: 'Bijbaan in de zorg zoeken' },
      ],
      coach: 'Piet Jansen',
    }));
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page.goto(`${app.baseUrl}/dossiers/${caseId}`);
    await page.getByRole('heading', { level: 1, name: /Joost Verhoeven/ }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Dossier afsluiten' });
  const status = () => page.locator('.utrecht-status-badge').first().textContent();

  it('names the case in the document title', async () => {
    expect(await page.title()).to.match(/^Dossier HO-\d{4}-\d{4} – Heroriëntatie$/);
  });

  it('shows the start note and the end note of a route apart', async () => {
    await page.getByRole('tab', { name: 'Routes' }).click();
    const card = page.locator('.app-card').filter({ hasText: 'Route 1' });
    await card.getByRole('button', { name: 'Route beëindigen' }).click();
    await card.getByLabel('Uitkomst *').selectOption({ label: 'Plan deels uitgevoerd' });
    await card.getByLabel('Toelichting bij het einde').fill('Prijzen verhoogd, klanten gebleven');
    await card.getByRole('button', { name: 'Route beëindigen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Route 1: versterken eigen bedrijf is beëindigd.' })
      .waitFor();
    await card.getByText('Prijzen verhoogd, klanten gebleven').waitFor();
    const rows = await card.locator('.utrecht-data-list__item').allTextContents();
    expect(rows).to.deep.equal([
      'Toelichting bij de startNieuwe prijzen doorrekenen',
      'Toelichting bij het eindePrijzen verhoogd, klanten gebleven',
    ]);
  });

  it('opens as a modal dialog, closes with Escape and gives focus back to its button', async () => {
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    await dialog().waitFor();
    expect(await focusInDialog(page)).to.equal(true);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await waitForFocus(page, "textContent === 'Afsluiten'");
  });

  it('lists what still runs and needs an explanation for "Anders"', async () => {
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    await dialog().locator('.app-running li').nth(1).waitFor();
    const running = await dialog().locator('.app-running li').allTextContents();
    expect(running).to.have.length(2);
    expect(running[0]).to.contain('Route 3: (bij)baan in loondienst');
    expect(running[1]).to.contain('Coaching door Piet Jansen');

    await dialog().getByLabel('Uitkomst *').selectOption({ label: 'Anders' });
    await dialog().getByRole('button', { name: 'Dossier afsluiten' }).click();
    await dialog()
      .getByRole('link', { name: 'Toelichting: Licht de uitkomst "Anders" toe.' })
      .waitFor();
    expect(await dialog().getByLabel('Toelichting *').getAttribute('aria-invalid')).to.equal(
      'true',
    );
  });

  it("shows the server's reason when something still runs and it is not ended", async () => {
    await dialog().getByLabel('Toelichting *').fill('Ondernemer verhuist naar het buitenland');
    await dialog().getByRole('button', { name: 'Dossier afsluiten' }).click();
    const refusal = dialog()
      .getByRole('alert')
      .getByText(/^Er loopt nog: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).to.contain('Route 3: (bij)baan in loondienst');
    expect(await status()).to.equal('Routes lopen');
  });

  it('ends what runs in the same step and shows the closing date', async () => {
    await dialog().getByLabel('Beëindig dit op de afsluitdatum').check();
    await dialog().getByRole('button', { name: 'Dossier afsluiten' }).click();
    await page.getByRole('status').filter({ hasText: 'Het dossier is afgesloten.' }).waitFor();
    expect(await status()).to.equal('Afgesloten');
    const today = new Date().toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    const closedOn = page.locator('.utrecht-data-list__item').filter({ hasText: 'Afgesloten op' });
    expect(await closedOn.textContent()).to.equal(`Afgesloten op${today}`);
    // The button that opened the dialog is gone: focus is on the page heading.
    await waitForFocus(page, "tagName === 'H1'");

    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('tabpanel').getByText('Gestopt').waitFor();
    await page.getByRole('tab', { name: 'Coaching' }).click();
    await page.getByRole('tabpanel').getByText(`tot ${today}`).waitFor();
    const rows = await db.admin.query(
      `select r.status, count(*)::int as n from case_route r where r.case_id = $1 group by r.status order by r.status`,
      [caseId],
    );
    expect(rows.rows).to.deep.equal([
      { status: 'completed', n: 1 },
      { status: 'stopped', n: 1 },
    ]);
  });

  it('keeps contacts possible on the closed case, and offers no record changes', async () => {
    const actions = page.getByRole('region', { name: 'Wat wilt u doen?' });
    const buttons = await actions.getByRole('button').allTextContents();
    expect(buttons).to.include.members(['Contact vastleggen', 'Document toevoegen', 'Heropenen']);
    expect(buttons).not.to.include('Route starten');
    await page.getByRole('tab', { name: 'Intake en analyse' }).click();
    await page.getByRole('tabpanel').locator('.app-data-list').first().waitFor();
    expect(await page.getByRole('button', { name: 'Intake corrigeren' }).count()).to.equal(0);
  });

  it('reopens only with a reason, asked in a dialog', async () => {
    await page.getByRole('button', { name: 'Heropenen' }).click();
    const reopen = page.getByRole('dialog', { name: 'Dossier heropenen' });
    await reopen.getByRole('button', { name: 'Heropenen' }).click();
    await reopen.getByRole('link', { name: /Reden voor heropenen/ }).waitFor();
    await reopen.getByLabel('Reden voor heropenen *').fill('Verhuizing gaat niet door');
    await reopen.getByRole('button', { name: 'Heropenen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het dossier is heropend.' }).waitFor();
    // Every route has ended, so the case is back at "intake done", not "routes running".
    expect(await status()).to.equal('Intake gedaan');
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page
      .locator('.app-timeline__summary')
      .filter({ hasText: 'Verhuizing gaat niet door' })
      .first()
      .waitFor();
  });
});
