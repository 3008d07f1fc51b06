import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { bsn } from '../test/case-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn, waitForFocus } from './case-setup.ts';

const LEERWERKLOKET = 'Leerwerkloket Rijk van Nijmegen';

describe('end to end: a referral with consent, from caseworker to partner and back', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId: string;
  let caseworker: Page;

  const pageFor = async (username: string) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, app.baseUrl, username);
    return page;
  };
  const done = (page: Page, message: string | RegExp) =>
    page.getByRole('status').filter({ hasText: message }).first().waitFor();

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    ({ caseId } = await caseInProgress(
      agent,
      'Lotte de Vries',
      { routes: [{ type: 'employment' }] },
      { businessName: 'De Vries Grafisch Ontwerp', bsn: bsn() },
    ));
    browser = await launchBrowser();
    caseworker = await pageFor('wijchen-caseworker');
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('records consent for the Leerwerkloket in the wizard and sends the referral', async () => {
    await caseworker.goto(`${app.baseUrl}/dossiers/${caseId}`);
    await caseworker.getByRole('tab', { name: 'Verwijzingen' }).click();
    await caseworker.getByText('Er zijn nog geen verwijzingen.').waitFor();
    await caseworker.getByRole('button', { name: 'Verwijzen', exact: true }).click();

    // Step 1 refuses to go on without a partner, in Dutch, with the shared schema.
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    await caseworker.getByRole('link', { name: /Kies de partnerorganisatie/ }).waitFor();
    await caseworker.getByLabel(LEERWERKLOKET).check();
    await caseworker.getByRole('button', { name: 'Volgende' }).click();

    // Step 2: no consent yet, so the consent form is open, with what the partner needs ticked.
    await caseworker.getByRole('heading', { name: /stap 2 van 3: Toestemming/ }).waitFor();
    expect(await caseworker.getByLabel('Naam, e-mailadres en telefoonnummer').isChecked()).to.equal(
      true,
    );
    expect(await caseworker.getByLabel('Postcode en huisnummer').isChecked()).to.equal(true);
    expect(await caseworker.getByLabel('BSN', { exact: true }).isChecked()).to.equal(false);
    await caseworker.getByRole('button', { name: 'Toestemming vastleggen', exact: true }).click();
    await done(caseworker, 'De toestemming is vastgelegd.');
    await caseworker.getByText('Geldige toestemming voor').waitFor();
    await caseworker.getByRole('button', { name: 'Volgende' }).click();

    // Step 3: the consented data the partner needs are chosen; save and send.
    await caseworker.getByRole('heading', { name: /stap 3 van 3/ }).waitFor();
    expect(await caseworker.getByLabel('Postcode en huisnummer').isChecked()).to.equal(true);
    // The running route this partner serves can be linked.
    await caseworker.getByLabel('Hoort bij de route').selectOption({ index: 1 });
    await caseworker.getByRole('button', { name: 'Opslaan en versturen' }).click();
    await done(caseworker, `De verwijzing is verstuurd naar ${LEERWERKLOKET}.`);
    const card = caseworker.locator('.app-card').filter({ hasText: LEERWERKLOKET });
    await card.getByText('Verstuurd', { exact: true }).waitFor();
    await card.getByText(/^Route 3: \(bij\)baan in loondienst, gestart/).waitFor();
  });

  it('keeps a draft, refuses to send it once consent is withdrawn, and offers to record it', async () => {
    await caseworker.getByRole('button', { name: 'Verwijzen', exact: true }).click();
    await caseworker.getByLabel('Over Rood').check();
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    // Without consent the wizard does not go on, and says why.
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    await caseworker.getByText('Zonder geldige toestemming kunt u geen gegevens delen.').waitFor();
    await caseworker.getByRole('button', { name: 'Toestemming vastleggen', exact: true }).click();
    await done(caseworker, 'De toestemming is vastgelegd.');
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    await caseworker.getByLabel('Direct versturen naar Over Rood').uncheck();
    await caseworker.getByRole('button', { name: 'Opslaan als concept' }).click();
    await done(caseworker, 'De verwijzing naar Over Rood is opgeslagen als concept.');
    // The focus returns to the button that opened the wizard.
    await waitForFocus(caseworker, "textContent === 'Verwijzen'");

    // The entrepreneur withdraws the consent: a dialog asks for the reason.
    await caseworker.getByRole('tab', { name: 'Toestemmingen' }).click();
    await caseworker.getByRole('button', { name: /^Intrekken.*Over Rood$/ }).click();
    const dialog = caseworker.getByRole('dialog', { name: /Over Rood intrekken/ });
    await dialog.getByLabel('Reden van intrekken *').fill('Wil eerst zelf contact opnemen');
    await dialog.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await done(caseworker, 'De toestemming voor Over Rood is ingetrokken.');
    await caseworker.getByRole('heading', { name: 'Ingetrokken toestemmingen' }).waitFor();

    // Sending the draft now fails with the server's reason, and the consent can be recorded.
    await caseworker.getByRole('tab', { name: 'Verwijzingen' }).click();
    await caseworker.getByRole('button', { name: /^Versturen.*Over Rood$/ }).click();
    await caseworker
      .getByRole('alert')
      .filter({ hasText: 'Er is geen geldige toestemming' })
      .waitFor();
    await caseworker.getByRole('button', { name: 'Toestemming vastleggen voor Over Rood' }).click();
    await caseworker.getByRole('button', { name: 'Toestemming vastleggen', exact: true }).click();
    await done(caseworker, /U kunt de verwijzing nu versturen/);
    await caseworker.getByRole('button', { name: /^Versturen.*Over Rood$/ }).click();
    await done(caseworker, 'De verwijzing is verstuurd naar Over Rood.');
  });

  it('shows the partner only the consented data and lets it confirm receipt and start', async () => {
    const partner = await pageFor('leerwerkloket-partner');
    const nav = partner.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).to.deep.equal(['Start']);
    // A typed link to the case list leads back to the partner's own start page.
    await partner.goto(`${app.baseUrl}/dossiers`);
    await partner.getByRole('heading', { name: 'Nieuw (1)' }).waitFor();
    expect(await partner.getByLabel('Werklijst').count()).to.equal(0);
    const card = partner.locator('.app-card').filter({ hasText: 'Lotte de Vries' });
    await card.getByRole('heading', { name: 'Lotte de Vries, gemeente Wijchen' }).waitFor();
    const shown = await card.textContent();
    expect(shown).to.include('06 12345678');
    expect(shown).to.not.include('De Vries Grafisch Ontwerp');
    const keys = await card.locator('dt').allTextContents();
    expect(keys).to.include.members(['Naam', 'E-mailadres', 'Telefoonnummer', 'Postcode']);
    for (const withheld of ['Bedrijfsnaam', 'KvK-nummer', 'SBI-code', 'Levensvatbaarheid', 'BSN'])
      expect(keys).to.not.include(withheld);

    await card.getByRole('button', { name: /^Ontvangst bevestigen/ }).click();
    await done(partner, /staat nu op "Ontvangen door partner"/);
    await partner.getByRole('heading', { name: 'Lopend (1)' }).waitFor();
    await partner
      .locator('.app-card')
      .filter({ hasText: 'Lotte de Vries' })
      .getByRole('button', { name: /^Begeleiding gestart/ })
      .click();
    await done(partner, /staat nu op "Gestart"/);
  });

  it('shows the caseworker the new status on the case, with its history', async () => {
    await caseworker.goto(`${app.baseUrl}/dossiers/${caseId}?tab=referrals`);
    const card = caseworker.locator('.app-card').filter({ hasText: LEERWERKLOKET });
    await card.getByText('Gestart', { exact: true }).waitFor();
    await card.getByText(/^Geschiedenis/).click();
    const history = await card.locator('.app-history li').allTextContents();
    expect(history).to.have.length(4);
    expect(history.join(' ')).to.include('Ontvangen door partner');
    await caseworker.getByRole('tab', { name: 'Tijdlijn' }).click();
    await caseworker
      .getByText(/Verwijzing naar .*: gestart/)
      .first()
      .waitFor();
  });

  it('throws a draft away after asking, and keeps that on the timeline', async () => {
    await caseworker.goto(`${app.baseUrl}/dossiers/${caseId}?tab=referrals`);
    const cards = caseworker.locator('.app-card').filter({ hasText: 'Over Rood' });
    await cards.first().waitFor();
    const before = await cards.count();
    await caseworker.getByRole('button', { name: 'Verwijzen', exact: true }).click();
    await caseworker.getByLabel('Over Rood').check();
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    await caseworker.getByRole('button', { name: 'Volgende' }).click();
    await caseworker.getByLabel('Direct versturen naar Over Rood').uncheck();
    await caseworker.getByRole('button', { name: 'Opslaan als concept' }).click();
    await done(caseworker, 'De verwijzing naar Over Rood is opgeslagen als concept.');
    await caseworker.getByRole('button', { name: /^Concept weggooien.*Over Rood$/ }).click();
    const question = caseworker.getByRole('alertdialog', { name: 'Concept weggooien' });
    await question.getByRole('button', { name: 'Weggooien' }).click();
    await done(caseworker, 'De conceptverwijzing naar Over Rood is weggegooid.');
    expect(await cards.count()).to.equal(before);
    expect(
      await caseworker.getByRole('button', { name: /^Concept weggooien.*Over Rood$/ }).count(),
    ).to.equal(0);
    await caseworker.getByRole('tab', { name: 'Tijdlijn' }).click();
    await caseworker.getByText('Conceptverwijzing naar Over Rood weggegooid').waitFor();
  });
});
