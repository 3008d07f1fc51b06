import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn } from './case-setup.ts';

const downloaded = async (download: Download) => readFile((await download.path())!);
const PROVIDER = 'Klankbord Maas en Waal';

describe('end to end: a contract prices an intake, which the budget and the statement show', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let manager: Page;
  let caseId: string;
  const contexts: BrowserContext[] = [];
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  const month = today.slice(0, 7);

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    browser = await launchBrowser();
    manager = await newPage();
    await logIn(manager, app.baseUrl, 'wijchen-manager');
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('lets the manager record a contract for intake', async () => {
    await manager
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Kosten en budget' })
      .click();
    await manager.getByRole('heading', { level: 1, name: 'Kosten en budget' }).waitFor();
    await manager
      .getByRole('navigation', { name: 'Kosten en budget' })
      .getByRole('link', { name: 'Contracten' })
      .click();
    await manager.getByRole('heading', { level: 1, name: 'Contracten' }).waitFor();
    await manager.getByRole('button', { name: 'Contract toevoegen' }).click();
    await manager.getByLabel('Aanbieder *').fill(PROVIDER);
    await manager.getByLabel('Dienst *').selectOption({ label: 'Intake' });
    await manager.getByLabel('Prijs per cliënt *').fill('175,00');
    await manager.getByLabel('Geldig vanaf *').fill(`${year}-01-01`);
    await manager.getByRole('button', { name: 'Contract toevoegen' }).last().click();
    await manager
      .getByRole('status')
      .filter({ hasText: /is vastgelegd/ })
      .waitFor();
    const table = manager.getByRole('table', { name: 'Contracten met aanbieders' });
    expect(await table.textContent())
      .to.contain(PROVIDER)
      .and.contain('€ 175,00');
  });

  it('charges the intake a caseworker records, which the case shows under Kosten', async () => {
    const caseworker = new Agent(app.baseUrl);
    await caseworker.login('wijchen-caseworker');
    ({ caseId } = await caseInProgress(caseworker, 'Fenna de Wit'));

    const page = await newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page.goto(`${app.baseUrl}/dossiers/${caseId}?tab=costs`);
    const costs = page.getByRole('table', { name: 'Kosten van dit dossier' });
    await costs.waitFor();
    expect(await costs.textContent())
      .to.contain('Intake')
      .and.contain(PROVIDER)
      .and.contain('€ 175,00');
    // Crediting is for managers only.
    expect(await page.getByRole('button', { name: /^Crediteren/ }).count()).to.equal(0);
  });

  it("shows the intake as realised in the manager's budget overview", async () => {
    await manager.goto(`${app.baseUrl}/financien/budget?jaar=${year}`);
    const table = manager.getByRole('table', { name: `Begroting ${year} per onderdeel` });
    await table.waitFor();
    const intakeRow = table.getByRole('row', { name: /^Intake/ });
    // Columns: planned, committed, realised, remaining, forecast.
    expect(await intakeRow.locator('td').nth(2).textContent()).to.equal('€ 175,00');
  });

  it('lists the intake on the statement of the provider, whose PDF is a PDF', async () => {
    await manager.goto(`${app.baseUrl}/financien/specificaties`);
    await manager.getByRole('heading', { level: 1, name: 'Specificaties' }).waitFor();
    await manager.getByRole('option', { name: PROVIDER }).waitFor({ state: 'attached' });
    await manager.getByLabel('Aanbieder').selectOption(PROVIDER);
    await manager.getByLabel('Maand').fill(month);
    await manager.getByRole('button', { name: 'Specificatie tonen' }).click();
    const lines = manager.getByRole('table', { name: `Kostenregels van ${PROVIDER} in ${month}` });
    await lines.waitFor();
    expect(await lines.textContent())
      .to.contain('Intake')
      .and.contain('€ 175,00')
      .and.not.contain('Fenna');

    const [pdf] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('link', { name: 'Download als PDF' }).click(),
    ]);
    expect((await downloaded(pdf)).subarray(0, 4).toString('latin1')).to.equal('%PDF');

    await manager.getByRole('button', { name: 'Markeren als gefactureerd' }).click();
    await manager.getByText('De specificatie is gemarkeerd als gefactureerd.').waitFor();
    expect(await manager.locator('p', { hasText: 'Status: Gefactureerd' }).count()).to.equal(1);
  });

  it('lets the manager credit the intake on the case, with a reason', async () => {
    await manager.goto(`${app.baseUrl}/dossiers/${caseId}?tab=costs`);
    await manager.getByRole('button', { name: /^Crediteren: Intake/ }).click();
    const dialog = manager.getByRole('dialog', { name: 'Kostenregel crediteren' });
    await dialog.getByRole('button', { name: 'Crediteren' }).click();
    await dialog.getByText('Geef de reden van de correctie.').first().waitFor();
    await dialog.getByLabel('Reden *').fill('Intake dubbel geregistreerd');
    await dialog.getByRole('button', { name: 'Crediteren' }).click();
    await manager
      .getByRole('status')
      .filter({ hasText: 'De kostenregel is gecrediteerd.' })
      .waitFor();
    const costs = manager.getByRole('table', { name: 'Kosten van dit dossier' });
    expect(await costs.textContent()).to.contain('Reden: Intake dubbel geregistreerd');
  });
});
