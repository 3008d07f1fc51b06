import { createRequire } from 'node:module';
import type { CampaignDetail, Wave } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { bsn, registration } from '../test/case-fixtures.ts';
import { Agent } from '../test/agent.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn } from './case-setup.ts';
import { recipientsCsv, regionalCampaign, waveOfRecipients } from './reach-setup.ts';
import { partnerId, sentReferral } from './referral-setup.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core with the WCAG 2.2 A and AA rules (which include 2.0 and 2.1) on the page. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (opts: unknown) => Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
      }
    ).axe;
    return axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
      },
    });
  });
  // A check that checked nothing proves nothing.
  expect(result.passes.length, 'rules that passed').to.be.greaterThan(5);
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let runningCaseId: string;
  let closedCaseId: string;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    caseId = (await agent.send('POST', '/api/v1/cases', registration())).json<{ id: string }>().id;
    ({ caseId: runningCaseId } = await caseInProgress(
      agent,
      'Noor Bakker',
      { routes: [{ type: 'employment', note: 'Vacatures bij WerkBedrijf' }], coach: 'Piet Jansen' },
      { bsn: bsn() },
    ));
    const contact = await agent.send('POST', `/api/v1/cases/${runningCaseId}/contacts`, {
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      summary: 'Intake nabesproken',
    });
    expect(contact.status, contact.text).to.equal(201);
    const analysis = await agent.send(
      'POST',
      `/api/v1/cases/${runningCaseId}/perspective-analyses`,
      { provider: 'Ondernemersklankbord', date: '2026-01-05', conclusion: 'Levensvatbaar' },
    );
    expect(analysis.status, analysis.text).to.equal(201);
    await sentReferral(agent, runningCaseId, await partnerId(agent, 'Over Rood'), [
      'contact',
      'business',
    ]);
    ({ caseId: closedCaseId } = await caseInProgress(agent, 'Ruben Smit'));
    const closed = await agent.send('POST', `/api/v1/cases/${closedCaseId}/closure`, {
      outcome: 'business_continued_without_bbz',
    });
    expect(closed.status, closed.text).to.equal(200);
    const action = await agent.send('POST', `/api/v1/cases/${runningCaseId}/actions`, {
      title: 'Terugbellen over de vacature',
      dueOn: new Date().toISOString().slice(0, 10),
    });
    expect(action.status, action.text).to.equal(201);
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

  it('has no violations on the referral wizard showing its errors, step by step', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${runningCaseId}?tab=referrals`);
    await page.getByRole('button', { name: 'Verwijzen', exact: true }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    expect(await violations(page), 'partner step').to.deep.equal([]);
    await page.getByLabel('Over Rood').check();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Nieuwe toestemming vastleggen' }).click();
    for (const label of [
      'Naam, e-mailadres en telefoonnummer',
      'Bedrijfsnaam, KvK-nummer en branche',
    ])
      await page.getByLabel(label).uncheck();
    await page.getByRole('button', { name: 'Toestemming vastleggen', exact: true }).click();
    await page.getByText('Kies ten minste één soort gegevens.').first().waitFor();
    expect(await violations(page), 'consent step').to.deep.equal([]);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByLabel('Opvolgen op *').fill('');
    await page.getByRole('button', { name: 'Opslaan en versturen' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    expect(await violations(page), 'data step').to.deep.equal([]);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
  });

  it('has no violations on the consents and the worklist of stalled referrals', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${runningCaseId}?tab=consents`);
    await page.getByRole('heading', { name: 'Geldige toestemmingen' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
    await page.goto(`${app.baseUrl}/verwijzingen`);
    await page
      .getByText(/verwijzingen zonder voortgang/i)
      .last()
      .waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the partner portal and its rejection dialog', async () => {
    const partner = await browser.newPage({ bypassCSP: true });
    await logIn(partner, app.baseUrl, 'over-rood-partner');
    await partner.getByRole('heading', { name: 'Nieuw (1)' }).waitFor();
    expect(await violations(partner)).to.deep.equal([]);
    await partner.getByRole('button', { name: /^Niet gerealiseerd/ }).click();
    const dialog = partner.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Vastleggen' }).click();
    await dialog.getByText('Controleer het formulier').waitFor();
    expect(await violations(partner)).to.deep.equal([]);
    await partner.close();
  });

  for (const worklist of ['mine', 'waitingForIntake', 'noRecentContact']) {
    it(`has no violations on the worklist ${worklist}`, async () => {
      await page.goto(`${app.baseUrl}/dossiers?worklist=${worklist}`);
      await page
        .getByText(/dossiers? gevonden|\d+ dossiers?/)
        .first()
        .waitFor();
      expect(await violations(page)).to.deep.equal([]);
    });
  }

  it('has no violations on the actions worklist', async () => {
    await page.goto(`${app.baseUrl}/acties?wie=mine&wanneer=today`);
    await page.getByRole('row', { name: /Terugbellen over de vacature/ }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the header search with its list open, nor on the results page', async () => {
    await page.getByRole('combobox', { name: 'Zoek een dossier' }).fill('Noor');
    await page.getByRole('option', { name: /Noor Bakker/ }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
    await page.getByRole('combobox', { name: 'Zoek een dossier' }).press('Enter');
    await page.getByRole('row', { name: /Noor Bakker/ }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  /**
   * Every form of the case page, sent empty (or with a required field emptied) so that it
   * shows its error summary and field messages; then checked and closed again.
   */
  const caseForms: {
    name: string;
    case: () => string;
    tab?: string;
    open: string;
    /** Where the form is: a dialog's name, or the card or panel holding the button. */
    dialog?: string;
    prepare?: (form: ReturnType<Page['locator']>) => Promise<void>;
    submit: string;
  }[] = [
    {
      name: 'intake planning',
      case: () => caseId,
      open: 'Intake plannen',
      submit: 'Intake plannen',
    },
    { name: 'intake', case: () => caseId, open: 'Intake vastleggen', submit: 'Intake vastleggen' },
    {
      name: 'contact',
      case: () => caseId,
      open: 'Contact vastleggen',
      submit: 'Contact vastleggen',
    },
    { name: 'withdrawal', case: () => caseId, open: 'Terugtrekken', submit: 'Terugtrekken' },
    { name: 'document', case: () => caseId, open: 'Document toevoegen', submit: 'Toevoegen' },
    {
      name: 'entrepreneur details',
      case: () => caseId,
      open: 'Gegevens ondernemer wijzigen',
      prepare: (form) => form.getByLabel('Naam *', { exact: true }).fill(''),
      submit: 'Opslaan',
    },
    {
      name: 'case settings',
      case: () => caseId,
      open: 'Dossier wijzigen',
      prepare: (form) => form.getByLabel('Toelichting herkomst').fill('x'.repeat(201)),
      submit: 'Opslaan',
    },
    {
      name: 'route start',
      case: () => runningCaseId,
      open: 'Route starten',
      submit: 'Route starten',
    },
    {
      name: 'perspective analysis',
      case: () => runningCaseId,
      open: 'Analyse perspectief',
      submit: 'Analyse vastleggen',
    },
    {
      name: 'coaching',
      case: () => runningCaseId,
      open: 'Coaching',
      submit: 'Coaching vastleggen',
    },
    {
      name: 'closing dialog',
      case: () => runningCaseId,
      open: 'Afsluiten',
      dialog: 'Dossier afsluiten',
      submit: 'Dossier afsluiten',
    },
    {
      name: 'route end',
      case: () => runningCaseId,
      tab: 'Routes',
      open: 'Route beëindigen',
      submit: 'Route beëindigen',
    },
    {
      name: 'coaching update',
      case: () => runningCaseId,
      tab: 'Coaching',
      open: 'Bijwerken',
      prepare: (form) => form.getByLabel('Coach *').fill(''),
      submit: 'Opslaan',
    },
    {
      name: 'intake correction',
      case: () => runningCaseId,
      tab: 'Intake en analyse',
      open: 'Intake corrigeren',
      submit: 'Correctie opslaan',
    },
    {
      name: 'analysis correction',
      case: () => runningCaseId,
      tab: 'Intake en analyse',
      open: 'Analyse corrigeren',
      submit: 'Correctie opslaan',
    },
    {
      name: 'contact correction',
      case: () => runningCaseId,
      tab: 'Contacten',
      open: 'Contact corrigeren',
      submit: 'Correctie opslaan',
    },
    {
      name: 'BSN reason dialog',
      case: () => runningCaseId,
      tab: 'Ondernemer',
      open: 'Toon BSN',
      dialog: 'Volledig BSN tonen',
      submit: 'BSN tonen',
    },
    {
      name: 'reopening dialog',
      case: () => closedCaseId,
      open: 'Heropenen',
      dialog: 'Dossier heropenen',
      submit: 'Heropenen',
    },
    {
      name: 'next action',
      case: () => runningCaseId,
      tab: 'Acties',
      open: 'Actie toevoegen',
      submit: 'Actie toevoegen',
    },
    {
      name: 'action postponement',
      case: () => runningCaseId,
      tab: 'Acties',
      open: 'Uitstellen',
      submit: 'Uitstellen',
    },
    {
      name: 'note',
      case: () => runningCaseId,
      tab: 'Notities',
      open: 'Notitie toevoegen',
      submit: 'Notitie opslaan',
    },
  ];

  for (const form of caseForms) {
    it(`has no violations on the ${form.name} form showing its errors`, async () => {
      await page.goto(`${app.baseUrl}/dossiers/${form.case()}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (form.tab) await page.getByRole('tab', { name: form.tab }).click();
      await page.getByRole('button', { name: form.open, exact: true }).first().click();
      const scope = form.dialog
        ? page.getByRole('dialog', { name: form.dialog })
        : page.locator('form').filter({ has: page.getByRole('button', { name: form.submit }) });
      await scope.getByRole('button', { name: form.submit, exact: true }).last().waitFor();
      await form.prepare?.(scope);
      await scope.getByRole('button', { name: form.submit, exact: true }).last().click();
      await scope.getByText('Controleer het formulier').first().waitFor();
      expect(await violations(page)).to.deep.equal([]);
    });
  }
});

describe('accessibility of reach (axe-core, WCAG 2.2 AA)', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let campaign: CampaignDetail;
  let wave: Wave;
  const contexts: BrowserContext[] = [];

  /** A page logged in as the given demo account, or anonymous; axe needs CSP bypassed. */
  const pageFor = async (username?: string): Promise<Page> => {
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    if (username) await logIn(page, app.baseUrl, username);
    return page;
  };
  let caseworker: Page;
  let coordinator: Page;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    const coordinatorAgent = new Agent(app.baseUrl);
    await coordinatorAgent.login('nijmegen-coordinator');
    campaign = await regionalCampaign(coordinatorAgent);
    const spent = await coordinatorAgent.send(
      'POST',
      `/api/v1/campaigns/${campaign.id}/expenditures`,
      {
        channelId: campaign.channels[0]!.id,
        amountCents: 250_000,
        spentOn: '2021-05-10',
        supplier: 'Omroep Gelderland',
      },
    );
    expect(spent.status, spent.text).to.equal(201);
    const announced = await coordinatorAgent.send('POST', '/api/v1/announcements', {
      title: 'De regionale campagne is gestart',
      body: 'Aanmeldingen via de campagnelinks komen vanzelf bij de juiste gemeente binnen.',
    });
    expect(announced.status, announced.text).to.equal(201);
    const caseworkerAgent = new Agent(app.baseUrl);
    await caseworkerAgent.login('wijchen-caseworker');
    wave = await waveOfRecipients(caseworkerAgent);
    browser = await launchBrowser();
    caseworker = await pageFor('wijchen-caseworker');
    coordinator = await pageFor('nijmegen-coordinator');
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('has no violations on the public sign-up page showing its errors, with the self-check open', async () => {
    const page = await pageFor();
    await page.goto(`${app.baseUrl}/aanmelden?campagne=${campaign.channels[0]!.code}`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden voor hulp' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
    await page.getByLabel('Ja, ik beantwoord de vijf vragen').check();
    await page.getByLabel('Postcode *').fill('6574');
    // A postcode area in two municipalities asks which one.
    await page.getByRole('group', { name: /In welke gemeente woont u/ }).waitFor();
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the sign-up page on a phone, nor on the privacy statement', async () => {
    const page = await pageFor();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.baseUrl}/aanmelden`);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden voor hulp' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width, 'no sideways scrolling on a phone').to.be.at.most(360);
    await page.goto(`${app.baseUrl}/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacyverklaring' }).waitFor();
    await page.getByRole('link', { name: 'Gemeente Wijchen' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
    // The statement of one municipality, generated from its settings.
    await page.goto(`${app.baseUrl}/privacy?gemeente=GM0296`);
    await page
      .getByRole('heading', { level: 1, name: 'Privacyverklaring gemeente Wijchen' })
      .waitFor();
    await page.getByRole('heading', { name: 'Wie ziet uw gegevens?' }).waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the confirmation after an acute self-check, with its immediate help', async () => {
    const page = await pageFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/aanmelden`);
    await page.getByLabel('Uw naam *').fill('Sanne de Vries');
    await page.getByLabel('Naam van uw bedrijf *').fill('Yoga aan de Waal');
    await page.getByLabel('E-mailadres *').fill('sanne.a11y@example.org');
    await page.getByLabel('Postcode *').fill('6602 BK');
    await page.getByText('Uw aanmelding gaat naar de gemeente').waitFor();
    await page.getByLabel('Ja, ik beantwoord de vijf vragen').check();
    for (const [question, answer] of [
      ['Vraag 1 van 5', 'Veel minder'],
      ['Vraag 2 van 5', 'Nee'],
      ['Vraag 3 van 5', 'Ja'],
      ['Vraag 4 van 5', 'Nee'],
      ['Vraag 5 van 5', 'Mijn bedrijf combineren met een (bij)baan'],
    ] as const) {
      await page
        .getByRole('group', { name: new RegExp(question) })
        .getByLabel(answer, { exact: true })
        .check();
    }
    await page.getByLabel('Ik heb de privacyverklaring gelezen *').check();
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedankt voor uw aanmelding' }).waitFor();
    await page.getByRole('heading', { name: 'Heeft u nu direct hulp nodig?' }).waitFor();
    expect(await page.getByRole('main').textContent())
      .to.contain('Binnen twee werkdagen')
      .and.contain('0800 8115');
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the import wizard showing a report with bad rows', async () => {
    await caseworker.goto(`${app.baseUrl}/benadering/importeren`);
    await caseworker
      .getByRole('heading', { level: 1, name: 'Tozo-ontvangers importeren' })
      .waitFor();
    await caseworker.getByRole('button', { name: 'Bestand controleren' }).click();
    await caseworker.getByText('Kies een CSV-bestand.').waitFor();
    expect(await violations(caseworker)).to.deep.equal([]);
    await caseworker.getByLabel('CSV-bestand *').setInputFiles({
      name: 'tozo-juni.csv',
      mimeType: 'text/csv',
      buffer: recipientsCsv(3, true),
    });
    await caseworker.getByRole('button', { name: 'Bestand controleren' }).click();
    await caseworker.getByRole('heading', { name: '2. Uitkomst van de controle' }).waitFor();
    expect(await caseworker.getByRole('table', { name: /Rijen met fouten/ }).isVisible()).to.equal(
      true,
    );
    expect(await violations(caseworker)).to.deep.equal([]);
    // All or nothing with a bad row: nothing is read, and the page says which rows.
    await caseworker.getByLabel(/Alles of niets/).check();
    await caseworker.getByRole('button', { name: 'Importeren', exact: true }).click();
    await caseworker.getByText('Er is niets ingelezen').waitFor();
    expect(await violations(caseworker)).to.deep.equal([]);
  });

  it('has no violations on the waves, a new wave form with its errors, and a wave', async () => {
    await caseworker.goto(`${app.baseUrl}/benadering/rondes`);
    await caseworker.getByRole('link', { name: 'Brief Tozo 3' }).waitFor();
    expect(await violations(caseworker)).to.deep.equal([]);
    await caseworker.getByRole('button', { name: 'Nieuwe ronde' }).click();
    await caseworker.getByRole('button', { name: 'Ronde maken' }).click();
    await caseworker.getByText('Controleer het formulier').waitFor();
    expect(await violations(caseworker)).to.deep.equal([]);
    await caseworker.getByRole('button', { name: 'Annuleren' }).click();
    await caseworker.goto(`${app.baseUrl}/benadering/rondes/${wave.id}`);
    await caseworker.getByRole('table', { name: /ontvangers/ }).waitFor();
    expect(await violations(caseworker)).to.deep.equal([]);
  });

  it('has no violations on the budget overview, its form showing errors, contracts, statements and the costs of a case', async () => {
    const manager = await pageFor('wijchen-manager');
    await manager.goto(`${app.baseUrl}/financien/budget?jaar=2021`);
    await manager.getByRole('table', { name: 'Begroting 2021 per onderdeel' }).waitFor();
    expect(await violations(manager)).to.deep.equal([]);
    await manager.getByRole('button', { name: 'Begroting wijzigen' }).click();
    await manager.getByRole('button', { name: 'Dekkingsbron toevoegen' }).click();
    await manager.getByLabel('Verwachte respons (%)').fill('120');
    await manager.getByRole('button', { name: 'Begroting opslaan' }).click();
    await manager.getByText('Controleer het formulier').waitFor();
    expect(await violations(manager)).to.deep.equal([]);
    await manager.goto(`${app.baseUrl}/financien/contracten?formulier=contract`);
    await manager.getByRole('heading', { name: 'Contract toevoegen' }).waitFor();
    expect(await violations(manager)).to.deep.equal([]);
    await manager.goto(`${app.baseUrl}/financien/specificaties`);
    await manager.getByRole('button', { name: 'Specificatie tonen' }).click();
    await manager.getByText('Kies de aanbieder.').waitFor();
    expect(await violations(manager)).to.deep.equal([]);

    // The costs of a case, with the credit dialog showing its error.
    const managerAgent = new Agent(app.baseUrl);
    await managerAgent.login('wijchen-manager');
    const contract = await managerAgent.send('POST', '/api/v1/finance/contracts', {
      provider: 'Klankbord Maas en Waal',
      serviceType: 'intake',
      priceCents: 17_500,
      validFrom: '2021-01-01',
    });
    expect(contract.status, contract.text).to.equal(201);
    const caseworkerAgent = new Agent(app.baseUrl);
    await caseworkerAgent.login('wijchen-caseworker');
    const { caseId } = await caseInProgress(caseworkerAgent, 'Fenna de Wit');
    await manager.goto(`${app.baseUrl}/dossiers/${caseId}?tab=costs`);
    await manager.getByRole('button', { name: /^Crediteren: Intake/ }).click();
    const dialog = manager.getByRole('dialog', { name: 'Kostenregel crediteren' });
    await dialog.getByRole('button', { name: 'Crediteren' }).click();
    await dialog.getByText('Controleer het formulier').waitFor();
    expect(await violations(manager)).to.deep.equal([]);
  });

  it('has no violations on the TONK page with its form showing errors, a decision dialog and the TONK en Bbz tab', async () => {
    const page = await pageFor('wijchen-caseworker');
    await page.goto(`${app.baseUrl}/tonk?formulier=aanvraag`);
    await page.getByRole('heading', { name: 'Aanvraag TONK registreren' }).waitFor();
    await page.getByLabel('De aanvrager is zelfstandig ondernemer').check();
    await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
    await page.getByText('Controleer het formulier').waitFor();
    await page.getByText('Vul de naam van de aanvrager in.').first().waitFor();
    expect(await violations(page)).to.deep.equal([]);

    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    const created = await agent.send('POST', '/api/v1/tonk-applications', {
      name: 'Daan Hermans',
      selfEmployed: true,
      businessName: 'Hermans Hoveniers',
      monthlyHousingCostsCents: 110_000,
      requestedCents: 330_000,
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      receivedOn: '2026-01-05',
    });
    expect(created.status, created.text).to.equal(201);
    const { id } = created.json<{ id: string }>();
    await page.goto(`${app.baseUrl}/tonk?formulier=besluit.${id}`);
    const dialog = page.getByRole('dialog', { name: /Besluit op de TONK-aanvraag/ });
    await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await dialog.getByText('Controleer het formulier').waitFor();
    expect(await violations(page)).to.deep.equal([]);

    const opened = await agent.send('POST', `/api/v1/tonk-applications/${id}/case`);
    expect(opened.status, opened.text).to.equal(201);
    const tonkCaseId = opened.json<{ id: string }>().id;
    await page.goto(`${app.baseUrl}/dossiers/${tonkCaseId}?tab=tonk-bbz&formulier=bbz`);
    await page.getByRole('table', { name: 'TONK-aanvragen van dit dossier' }).waitFor();
    await page.getByRole('button', { name: 'Bbz-aanvraag vastleggen' }).click();
    await page.getByText('Kies het soort aanvraag.').first().waitFor();
    expect(await violations(page)).to.deep.equal([]);
  });

  it('has no violations on the campaigns and the campaign editor with its forms', async () => {
    await coordinator.goto(`${app.baseUrl}/campagnes`);
    await coordinator.getByRole('table', { name: 'Campagnes met hun budget' }).waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
    await coordinator.goto(`${app.baseUrl}/campagnes/${campaign.id}`);
    await coordinator.getByRole('heading', { name: 'Resultaat: aanmeldingen en kosten' }).waitFor();
    await coordinator.getByRole('table', { name: 'Per kanaal' }).waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
    for (const [open, submit] of [
      ['Budget wijzigen', 'Budget wijzigen'],
      ['Kanaal toevoegen', 'Kanaal toevoegen'],
      ['Uitgave vastleggen', 'Uitgave vastleggen'],
      ['Bereik vastleggen', 'Bereik vastleggen'],
    ] as const) {
      await coordinator.getByRole('button', { name: open, exact: true }).first().click();
      const form = coordinator
        .locator('form')
        .filter({ has: coordinator.getByRole('button', { name: submit, exact: true }) });
      if (open === 'Budget wijzigen') await form.getByLabel('Nieuw budget *').fill('veel');
      await form.getByRole('button', { name: submit, exact: true }).click();
      await form.getByText('Controleer het formulier').waitFor();
      expect(await violations(coordinator), open).to.deep.equal([]);
      await form.getByRole('button', { name: 'Annuleren' }).click();
      // Typed input is not thrown away without asking.
      if (open === 'Budget wijzigen') {
        await coordinator.getByRole('button', { name: 'Weggaan zonder opslaan' }).click();
      }
      await coordinator.getByRole('button', { name: open, exact: true }).first().waitFor();
    }
  });

  it('has no violations on the start page with messages from the region and open cases', async () => {
    await coordinator.goto(app.baseUrl);
    await coordinator.getByRole('heading', { name: 'De regionale campagne is gestart' }).waitFor();
    await coordinator.getByRole('table', { name: /per gemeente van de regio/ }).waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
    await coordinator.getByRole('button', { name: 'Bericht plaatsen' }).click();
    await coordinator.getByRole('button', { name: 'Bericht plaatsen' }).last().click();
    await coordinator.getByText('Controleer het formulier').waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
  });

  it('has no violations on the regional overview with hidden counts, charts and filters', async () => {
    await db.admin.query('select figures.refresh_monthly()');
    await coordinator.goto(`${app.baseUrl}/regio?van=2021-01&tot=2021-12`);
    await coordinator
      .getByRole('table', { name: 'Van benaderen tot afsluiten, per gemeente' })
      .waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
    await coordinator.getByLabel('Vanaf maand').fill('2022-01');
    await coordinator.getByRole('button', { name: 'Periode tonen' }).click();
    await coordinator.getByText('De laatste maand ligt voor de eerste.').waitFor();
    expect(await violations(coordinator)).to.deep.equal([]);
  });

  it('has no violations on the administration of the outbox', async () => {
    const admin = await pageFor('wijchen-admin');
    await admin.goto(`${app.baseUrl}/beheer`);
    await admin.getByRole('heading', { name: /Uitgaande e-mail/ }).waitFor();
    await admin.getByRole('heading', { name: 'Ontvangen door de ingebouwde mailserver' }).waitFor();
    await admin.waitForLoadState('networkidle');
    expect(await violations(admin)).to.deep.equal([]);
  });
});
