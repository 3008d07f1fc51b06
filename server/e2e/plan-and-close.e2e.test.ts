import { dutchDay } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { addWorkingDays } from '../src/working-days.ts';
import { launchBrowser } from './browser.ts';
import { caseInProgress, logIn } from './case-setup.ts';
import { partnerId, sentReferral } from './referral-setup.ts';

/**
 * The appointment and the end of a case across roles: the caseworker plans the intake, it
 * appears in the advisor's own actions and agenda; later the caseworker closes a case with
 * an open action and a sent referral, the start pages count nothing late any more, and the
 * partner sees the referral withdrawn.
 */
describe('end to end: an intake in the advisor’s agenda, and closing that leaves nothing behind', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let caseworker: Agent;
  let plannedCase: string;
  let closingCase: string;
  const pages: Page[] = [];
  const pageFor = async (username: string) => {
    const page = await (await browser.newContext()).newPage();
    pages.push(page);
    await logIn(page, app.baseUrl, username);
    return page;
  };

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    await new Agent(app.baseUrl).login('wijchen-advisor');
    await new Agent(app.baseUrl).login('leerwerkloket-partner');
    caseworker = new Agent(app.baseUrl);
    await caseworker.login('wijchen-caseworker');
    const registered = await caseworker.send('POST', '/api/v1/cases', {
      source: 'self_registration',
      urgency: 'normal',
      otherSupport: 'some',
      entrepreneur: {
        name: 'Anna Planning',
        businessName: 'Planning BV',
        legalForm: 'eenmanszaak',
        tozoPeriods: [],
        partnerIncome: 'unknown',
      },
    });
    expect(registered.status, registered.text).to.equal(201);
    plannedCase = registered.json<{ id: string }>().id;
    ({ caseId: closingCase } = await caseInProgress(caseworker, 'Sluit Straks'));
    await sentReferral(
      caseworker,
      closingCase,
      await partnerId(caseworker, 'Leerwerkloket Rijk van Nijmegen'),
      ['contact'],
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('plans an intake that appears in the advisor’s own actions and agenda', async () => {
    const day = addWorkingDays(dutchDay(), 2);
    const page = await pageFor('wijchen-caseworker');
    await page.goto(`${app.baseUrl}/dossiers/${plannedCase}`);
    await page.getByRole('heading', { level: 1, name: /Anna Planning/ }).waitFor();
    await page.getByRole('button', { name: 'Intake plannen' }).first().click();
    const form = page.locator('form').filter({ hasText: 'Datum en tijd van de intake' });
    await form.getByLabel('Datum en tijd van de intake *').fill(`${day}T10:30`);
    await form
      .getByLabel('Bedrijfsadviseur die de intake doet')
      .selectOption({ label: 'Adviseur Wijchen' });
    await form.getByLabel('Bij het bedrijf').check();
    await form.getByLabel('Adres van de intake').fill('Kasteellaan 14A, Wijchen');
    await form.getByRole('button', { name: 'Intake plannen' }).click();
    await page.getByText('De intake is gepland.').waitFor();

    const advisor = await pageFor('wijchen-advisor');
    await advisor.goto(`${app.baseUrl}/agenda?week=${day}`);
    await advisor.getByRole('heading', { level: 1, name: 'Mijn intakes' }).waitFor();
    const entry = advisor.locator('.app-card').filter({ hasText: 'Anna Planning' });
    expect(await entry.textContent())
      .to.contain('10:30')
      .and.contain('Bij het bedrijf: Kasteellaan 14A, Wijchen');
    await advisor.goto(`${app.baseUrl}/acties?wie=mine&wanneer=upcoming`);
    await advisor.getByText(/Geplande intake om 10:30 \(bij het bedrijf\)/).waitFor();
  });

  it('closes a case with an open action and a sent referral: nothing late, the partner sees it withdrawn', async () => {
    const added = await caseworker.send('POST', `/api/v1/cases/${closingCase}/actions`, {
      title: 'Nabellen over de verwijzing',
      dueOn: dutchDay(),
    });
    expect(added.status, added.text).to.equal(201);
    await db.admin.query(`update case_action set due_on = current_date - 2 where case_id = $1`, [
      closingCase,
    ]);
    const page = await pageFor('wijchen-caseworker');
    const overdue = page.getByRole('link', { name: /Mijn acties die te laat zijn/ });
    expect((await overdue.textContent())?.trim()).to.match(/^1\s*Mijn acties/);

    await page.goto(`${app.baseUrl}/dossiers/${closingCase}`);
    await page.getByRole('heading', { level: 1, name: /Sluit Straks/ }).waitFor();
    await page.getByRole('button', { name: 'Afsluiten' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Dossier afsluiten' });
    await dialog.getByText('Verwijzing naar Leerwerkloket Rijk van Nijmegen').waitFor();
    await dialog.getByText('Nabellen over de verwijzing').waitFor();
    await dialog.getByLabel('Uitkomst *').selectOption({ index: 1 });
    await dialog.getByLabel('Beëindig dit op de afsluitdatum').check();
    await dialog.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await page.getByText('Het dossier is afgesloten.').waitFor();

    await page.goto(app.baseUrl);
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();
    expect(
      (
        await page.getByRole('link', { name: /Mijn acties die te laat zijn/ }).textContent()
      )?.trim(),
    ).to.match(/^0\s*Mijn acties/);
    expect(
      (
        await page.getByRole('link', { name: /Acties van het team die te laat zijn/ }).textContent()
      )?.trim(),
    ).to.match(/^0\s*Acties/);

    const partner = await pageFor('leerwerkloket-partner');
    await partner.getByRole('heading', { name: 'Afgesloten (1)' }).waitFor();
    expect(await partner.getByRole('main').textContent()).to.contain('Niet gerealiseerd');
  });
});
