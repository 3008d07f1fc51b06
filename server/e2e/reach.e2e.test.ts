import type { CampaignDetail, Wave } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { logIn } from './case-setup.ts';
import { regionalCampaign, waveOfRecipients } from './reach-setup.ts';

describe('end to end: a campaign link brings in a sign-up that a caseworker picks up', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let campaign: CampaignDetail;
  let wave: Wave;
  const contexts: BrowserContext[] = [];

  /** A fresh browser context: its own cookies, as a different person on another computer. */
  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const coordinator = new Agent(app.baseUrl);
    await coordinator.login('nijmegen-coordinator');
    campaign = await regionalCampaign(coordinator);
    const caseworker = new Agent(app.baseUrl);
    await caseworker.login('wijchen-caseworker');
    wave = await waveOfRecipients(caseworker);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('lets the coordinator of the centre record an expenditure, and refuses one beyond the budget', async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'nijmegen-coordinator');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Campagnes' })
      .click();
    await page.getByRole('link', { name: 'Ondernemer, hoe nu verder?' }).click();
    await page.getByRole('heading', { level: 1, name: /Ondernemer, hoe nu verder\?/ }).waitFor();

    await page.getByRole('button', { name: 'Uitgave vastleggen' }).click();
    await page.getByLabel('Bedrag *').fill('1.250,50');
    await page.getByLabel('Leverancier *').fill('Omroep Gelderland');
    await page.getByLabel('Kanaal', { exact: true }).selectOption({ label: 'Omroep Gelderland' });
    await page.getByLabel('Factuurnummer').fill('OG-2021-3301');
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).last().click();
    await page.getByRole('status').filter({ hasText: 'De uitgave is vastgelegd.' }).waitFor();

    const expenditures = page.getByRole('table', { name: 'Uitgaven' });
    expect(await expenditures.textContent())
      .to.contain('€ 1.250,50')
      .and.contain('OG-2021-3301');
    const budget = page.locator('section', {
      has: page.getByRole('heading', { name: 'Budget', exact: true }),
    });
    expect(await budget.textContent()).to.match(/€ 1\.250,50 van € 10\.000,00 uitgegeven/);
    expect(await budget.textContent()).to.match(/Nog\s€\s8\.749,50 over/);

    // More than is left: refused with the server's reason, and nothing is recorded.
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).click();
    await page.getByLabel('Bedrag *').fill('9.000');
    await page.getByLabel('Leverancier *').fill('De Gelderlander');
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).last().click();
    await page.getByText(/past niet in het resterende budget van € 8\.749,50/).waitFor();
    // Only a manager may override: the coordinator is not asked for a reason.
    expect(await page.getByLabel('Reden om boven het budget te gaan *').count()).to.equal(0);
    expect(await expenditures.locator('tbody tr').count()).to.equal(1);
  });

  it('lets an anonymous visitor sign up through the campaign link, with the self-check', async () => {
    const channel = campaign.channels[0]!;
    expect(channel.signUpUrl).to.equal(`${app.baseUrl}/aanmelden?campagne=${channel.code}`);
    const page = await newPage();
    await page.goto(channel.signUpUrl);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden voor hulp' }).waitFor();
    expect(await page.title()).to.equal('Aanmelden voor hulp – Heroriëntatie');

    await page.getByLabel('Uw naam *').fill('Fatima el Amrani');
    await page.getByLabel('Naam van uw bedrijf *').fill('Amrani Catering');
    await page.getByLabel('E-mailadres *').fill('fatima@example.org');
    await page.getByLabel('Telefoonnummer').fill('06 12345678');
    await page.getByLabel('Postcode *').fill('6602 BK');
    await page.getByText('Uw aanmelding gaat naar de gemeente Wijchen.').waitFor();

    await page.getByLabel('Ja, ik beantwoord de vijf vragen').check();
    const answer = (question: RegExp, label: string) =>
      page.getByRole('group', { name: question }).getByLabel(label, { exact: true }).check();
    await answer(/Vraag 1 van 5/, 'Veel minder');
    await answer(/Vraag 2 van 5/, 'Soms niet');
    await answer(/Vraag 3 van 5/, 'Ja');
    await answer(/Vraag 4 van 5/, 'Een beetje');
    await answer(/Vraag 5 van 5/, 'Mijn bedrijf combineren met een (bij)baan');

    // Without the privacy statement the form is not sent, and says why.
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page
      .getByRole('link', { name: /Lees de privacyverklaring en vink het vakje aan/ })
      .waitFor();
    await page.getByLabel('Ik heb de privacyverklaring gelezen *').check();
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Bedankt voor uw aanmelding' }).waitFor();
    expect(await page.getByRole('status').first().textContent()).to.contain(
      'Binnen vijf werkdagen neemt een consulent van uw gemeente contact met u op.',
    );
    expect(await page.evaluate('document.activeElement?.tagName')).to.equal('H1');
  });

  it('shows the Wijchen caseworker the new case with the campaign as source and the self-check', async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page.getByRole('link', { name: /Nieuw, nog niet toegewezen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw, nog niet toegewezen' }).waitFor();
    const row = page.getByRole('row', { name: /Fatima el Amrani/ });
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Fatima el Amrani/ }).waitFor();

    const code = campaign.channels[0]!.code;
    const details = page.locator('dl').first();
    expect(await details.textContent())
      .to.contain('Regionale campagne')
      .and.contain(`Campagnecode ${code}`);

    const selfCheck = page.locator('details', { hasText: 'Zelftest bij de aanmelding' });
    expect(await selfCheck.getAttribute('open')).to.not.equal(null);
    const text = await selfCheck.textContent();
    expect(text).to.contain('Voorgestelde urgentie: Hoog');
    expect(text).to.contain('Veel minder').and.contain('Soms niet').and.contain('Een beetje');
    expect(text).to.contain('Mijn bedrijf combineren met een (bij)baan');
    expect(text).to.contain('Route 1').and.contain('Route 3');
  });

  it('lets a manager of the centre record spending beyond the budget, with a reason', async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'nijmegen-manager');
    await page.goto(`${app.baseUrl}/campagnes/${campaign.id}`);
    await page.getByRole('button', { name: 'Uitgave boven het budget vastleggen' }).click();
    await page.getByLabel('Bedrag *').fill('9.000');
    await page.getByLabel('Leverancier *').fill('De Gelderlander');
    await page
      .getByLabel('Reden om boven het budget te gaan *')
      .fill('Extra advertentie na besluit van de stuurgroep');
    await page.getByRole('button', { name: 'Uitgave vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'De uitgave is vastgelegd.' }).waitFor();
    const budget = page.locator('section', {
      has: page.getByRole('heading', { name: 'Budget', exact: true }),
    });
    expect(await budget.textContent()).to.match(/Let op: .*Budget overschreden met\s€\s250,50/);
    expect(await page.getByRole('table', { name: 'Uitgaven' }).textContent()).to.contain(
      'Extra advertentie na besluit van de stuurgroep',
    );
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Campagnes' })
      .click();
    await page.getByText('De campagne Ondernemer, hoe nu verder? is over het budget.').waitFor();
  });

  it('lets a caseworker record a response, register the interested one and follow up the rest', async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Benadering' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Benaderingsrondes' }).waitFor();
    await page.getByRole('link', { name: wave.name }).click();
    await page.getByRole('heading', { level: 1, name: wave.name }).waitFor();

    await page
      .getByRole('combobox', { name: 'Reactie van Ondernemer 1', exact: true })
      .selectOption({ label: 'Heeft interesse' });
    await page.getByRole('button', { name: 'Ondernemer 1 aanmelden' }).click();
    const registered = page.getByRole('status').filter({ hasText: 'is aangemeld als dossier' });
    await registered.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Ondernemer 1/ }).waitFor();
    expect(await page.locator('dl').first().textContent()).to.contain('Benadering Tozo-gebruikers');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: wave.name }).waitFor();
    await page.getByRole('button', { name: 'Vervolgronde voor wie niet reageerde' }).click();
    await page.getByLabel('Datum *').fill('2021-06-01');
    await page.getByRole('button', { name: 'Vervolgronde maken' }).click();
    await page.getByRole('heading', { level: 1, name: `${wave.name} – vervolg` }).waitFor();
    await page.getByText(/is gemaakt met 5 ontvangers/).waitFor();
  });
});
