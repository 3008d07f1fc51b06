import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, focusedText, logIn, sessionKeys } from './case-setup.ts';

describe('end to end: typed input is never lost', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let caseUrl: string;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    const { caseId } = await caseInProgress(agent, 'Eva de Wit', {
      routes: [{ type: 'strengthen_business', note: 'Ondernemingsplan bijstellen' }],
    });
    caseUrl = `${app.baseUrl}/dossiers/${caseId}`;
    browser = await launchBrowser();
    page = await browser.newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  const question = () => page.getByRole('alertdialog', { name: 'Formulier niet opgeslagen' });
  const summary = () => page.getByLabel('Samenvatting *', { exact: true });

  it('asks before another action or page replaces a half-filled form, and keeps the input', async () => {
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await summary().fill('Gebeld over de offerte van de drukker');

    // Another action would close this form: ask first.
    await page.getByRole('button', { name: 'Route starten' }).click();
    await question().waitFor();
    // The safe answer has the focus.
    expect(await focusedText(page)).to.equal('Terug naar het formulier');
    await question().getByRole('button', { name: 'Terug naar het formulier' }).click();
    await question().waitFor({ state: 'detached' });
    expect(await summary().inputValue()).to.equal('Gebeld over de offerte van de drukker');
    expect(page.url()).to.contain('formulier=contact');

    // Another tab does not close a form on the actions panel: no question.
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('tabpanel').getByText('Route 1: versterken eigen bedrijf').waitFor();
    expect(await question().count()).to.equal(0);
    expect(await summary().inputValue()).to.equal('Gebeld over de offerte van de drukker');

    // Leaving the page through the menu asks too.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dossiers' })
      .click();
    await question().waitFor();
    await question().getByRole('button', { name: 'Terug naar het formulier' }).click();
    expect(new URL(page.url()).pathname).to.equal(new URL(caseUrl).pathname);
    expect(await summary().inputValue()).to.equal('Gebeld over de offerte van de drukker');
  });

  it('asks before a tab change takes away a half-filled form on a card, and forgets it when told', async () => {
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await question().getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'Route beëindigen' }).click();
    await page.getByLabel('Toelichting bij het einde').fill('Plan deels uitgevoerd');

    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await question().waitFor();
    await question().getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
    await page.locator('.app-timeline__summary').first().waitFor();

    // The discarded input is gone, also as a draft.
    await page.getByRole('tab', { name: 'Routes' }).click();
    await page.getByRole('button', { name: 'Route beëindigen' }).click();
    expect(await page.getByLabel('Toelichting bij het einde').inputValue()).to.equal('');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Route beëindigen' }).waitFor();
  });

  it('keeps a draft through an ended session and fills the form again after logging in', async () => {
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByLabel('Kanaal *', { exact: true }).selectOption({ label: 'Telefoon' });
    await summary().fill('Afspraak met WerkBedrijf gemaakt');

    // The idle limit passes: the server forgets the session.
    await db.admin.query(
      `delete from http_session where sess->'passport'->'user'->>'subject' = 'wijchen-caseworker'`,
    );
    await page.getByRole('button', { name: 'Contact vastleggen' }).last().click();

    const notice = page.getByRole('status').filter({ hasText: 'U bent uitgelogd.' });
    await notice.waitFor();
    expect(await notice.textContent()).to.contain('Wat u aan het invullen was, is bewaard.');
    expect(await page.title()).to.equal('Opnieuw inloggen – Heroriëntatie');

    await page.getByRole('link', { name: 'Inloggen' }).click();
    // The provider may still know the user (its own session did not end): then no form.
    const restored = page.getByText('staat weer in het formulier');
    const username = page.getByLabel('Gebruikersnaam', { exact: true });
    await restored.or(username).waitFor();
    if (await username.isVisible()) {
      await username.fill('wijchen-caseworker');
      await page.getByLabel('Wachtwoord', { exact: true }).fill('demo');
      await page.getByRole('button', { name: 'Inloggen' }).click();
    }

    // Back on the same case, with the same form open and filled in.
    await restored.waitFor();
    expect(await summary().inputValue()).to.equal('Afspraak met WerkBedrijf gemaakt');
    expect(await page.getByLabel('Kanaal *', { exact: true }).inputValue()).to.equal('phone');

    await page.getByRole('button', { name: 'Contact vastleggen' }).last().click();
    await page.getByRole('status').filter({ hasText: 'Het contact is vastgelegd.' }).waitFor();
    const drafts = (await sessionKeys(page)).filter((key) =>
      key.startsWith('herorientatie:draft:'),
    );
    expect(drafts).to.deep.equal([]);
  });

  it('asks the browser before the tab is closed with a half-filled form', async () => {
    // A tab of its own: the question keeps it open, or closes it when the test fails.
    const context = await browser.newContext();
    const tab = await context.newPage();
    await logIn(tab, app.baseUrl, 'wijchen-caseworker');
    await tab.goto(`${caseUrl}?formulier=contact`);
    await tab.getByLabel('Samenvatting *', { exact: true }).click();
    await tab.keyboard.type('Half af');
    const asked = new Promise<string>((resolve) =>
      tab.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await tab.close({ runBeforeUnload: true });
    expect(await asked).to.equal('beforeunload');
    expect(tab.isClosed()).to.equal(false);
    await tab.close();
    await context.close();
  });

  it('asks before logging out with a half-filled form, and forgets every draft', async () => {
    await page.getByRole('button', { name: 'Contact vastleggen' }).first().click();
    await summary().fill('Nog niet af');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await question().getByRole('button', { name: 'Toch uitloggen' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('link', { name: 'Inloggen' }).waitFor();
    const stored = await sessionKeys(page);
    expect(stored.filter((key) => key.startsWith('herorientatie:'))).to.deep.equal([]);
    // Logged out on purpose: no message about an ended session.
    expect(await page.getByText('U bent uitgelogd.').count()).to.equal(0);
  });
});
