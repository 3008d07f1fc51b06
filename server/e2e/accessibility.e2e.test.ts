import { createRequire } from 'node:module';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { registration } from '../test/case-fixtures.ts';
import { Agent } from '../test/agent.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core with the WCAG 2.1 A and AA rules on the current page. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (opts: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  // A check that checked nothing proves nothing.
  expect(result.passes.length, 'rules that passed').to.be.greaterThan(5);
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
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
    caseId = (await agent.send('POST', '/api/v1/cases', registration())).json<{ id: string }>().id;
    browser = await launchBrowser();
    // The app's CSP rightly forbids injected scripts; the checker needs one.
    page = await browser.newPage({ bypassCSP: true });
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('has no violations on the login page of the application', async () => {
    await page.goto(app.baseUrl);
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the login page of the development provider', async () => {
    await page.getByRole('link', { name: 'Inloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    expect(await violations(page)).to.deep.equal([]);
    await page.getByLabel('Gebruikersnaam').fill('wijchen-caseworker');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Werklijsten' }).waitFor();
  });

  it('has no violations on the home page with worklists', async () => {
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the case list', async () => {
    await page.goto(`${app.baseUrl}/dossiers`);
    await page.locator('table').waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the registration form showing its errors', async () => {
    await page.goto(`${app.baseUrl}/dossiers/nieuw`);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on a case with its intake form open', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${caseId}`);
    await page.getByRole('tab', { name: 'Tijdlijn' }).waitFor();
    await page.locator('.app-timeline__summary').first().waitFor();
    expect(await violations(page)).to.deep.equal([]);
    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    await page.getByLabel('Vorm *').waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });
});
