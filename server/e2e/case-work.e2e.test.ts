import { expect } from 'chai';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { setLetterhead } from '../test/letterhead.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { ACUTE_SELF_CHECK, bsn, registration } from '../test/case-fixtures.ts';
import { pdfPages } from '../test/pdf-text.ts';
import { caseInProgress, logIn } from './case-setup.ts';

describe('end to end: actions, notes, search and handover', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let agent: Agent;
  let bramCaseId: string;
  const sanneBsn = bsn();

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    agent = new Agent(app.baseUrl);
    // The advisor's first login makes them one of the staff to hand cases over to.
    await new Agent(app.baseUrl).login('wijchen-advisor');
    await agent.login('wijchen-caseworker');
    await setLetterhead(app.baseUrl);
    // Sanne waits for her intake: planned next week with the advisor, still to be invited.
    const registered = await agent.send(
      'POST',
      '/api/v1/cases',
      registration({}, { name: 'Sanne Verbeek', postcode: '6604XY', bsn: sanneBsn }),
    );
    caseId = registered.json<{ id: string }>().id;
    const [advisor] = (await agent.get('/api/v1/staff?role=advisor')).json<{ id: string }[]>();
    expect(
      (await agent.send('PATCH', `/api/v1/cases/${caseId}`, { advisorId: advisor!.id })).status,
    ).to.equal(200);
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await agent.send('PUT', `/api/v1/cases/${caseId}/intake-appointment`, {
          scheduledAt: `${nextWeek}T10:00:00+01:00`,
          mode: 'office',
          location: 'Gemeentehuis, Raadhuisplein 1, Wijchen',
        })
      ).status,
    ).to.equal(200);
    // Another case, so that the search has something not to find.
    ({ caseId: bramCaseId } = await caseInProgress(
      agent,
      'Bram de Wit',
      {},
      { postcode: '6601AA' },
    ));
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

    // The invitation to the planned intake: from the template, as PDF among the documents.
    await page.getByRole('button', { name: 'Brief maken' }).click();
    const letter = page.locator('form').filter({ hasText: 'Welke brief?' });
    await letter.getByLabel('Welke brief? *').selectOption({ label: 'Uitnodiging intakegesprek' });
    const text = letter.getByLabel('Tekst van de brief');
    await text.waitFor();
    expect(await text.inputValue()).to.contain('Beste Sanne Verbeek,');
    expect(await text.inputValue()).to.not.contain('{{');
    await letter.getByLabel(/^Ook per e-mail versturen naar/).check();
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/letter-form.png`,
        fullPage: true,
      });
    await letter.getByRole('button', { name: 'Brief maken' }).click();
    await page
      .getByText(
        'Uitnodiging intakegesprek is gemaakt en staat bij de documenten; de e-mail met de brief wordt verstuurd.',
      )
      .waitFor();
    await page.getByRole('tab', { name: 'Documenten' }).click();
    const stored = page.getByRole('row', { name: /uitnodiging-intakegesprek/ });
    await stored.getByRole('cell', { name: 'Brief', exact: true }).waitFor();
    const href = await stored.getByRole('link').getAttribute('href');
    const [first] = await pdfPages((await agent.bytes(href!)).bytes);
    expect(first).to.contain('Sanne Verbeek');
    expect(first).to.contain('Uitnodiging voor een gesprek over uw onderneming');
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByText('Uitnodiging intakegesprek gemaakt en per e-mail verstuurd').waitFor();

    await page.getByRole('tab', { name: 'Acties' }).click();
    const card = page
      .getByRole('list', { name: 'Open acties' })
      .getByRole('listitem')
      .filter({ hasText: 'Terugbellen over de offerte' });
    // Overdue is said in words, not only shown in colour.
    await card.getByText(/^Te laat: moest uiterlijk/).waitFor();
    await card.getByRole('button', { name: 'Afhandelen' }).click();
    const form = page.locator('form').filter({ hasText: 'Afhandelen:' });
    await form.getByLabel('Gedaan').check();
    await form.getByRole('button', { name: 'Afhandelen' }).click();
    await page.getByText('De actie "Terugbellen over de offerte" is gedaan.').waitFor();
    // What is left open is the planned intake itself.
    await page
      .getByRole('list', { name: 'Open acties' })
      .getByRole('listitem')
      .filter({ hasText: 'Intake' })
      .waitFor();
    expect(await card.count()).to.equal(0);
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

  it('keeps a note, corrects it with a reason and shows the earlier version', async () => {
    await page.getByRole('tab', { name: 'Notities' }).click();
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    let form = page.locator('form').filter({ hasText: 'Notitie toevoegen' });
    await form.getByLabel('Notitie *').fill('Belt na de vakantie over de kapsalon');
    await form.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText('De notitie is opgeslagen.').waitFor();

    await page.getByRole('button', { name: 'Notitie corrigeren' }).click();
    form = page.locator('form').filter({ hasText: 'Notitie corrigeren' });
    await form.getByLabel('Notitie *').fill('Belt na de vakantie over de bakkerij');
    await form.getByLabel('Wat corrigeert u en waarom? *').fill('Verkeerd bedrijf genoemd');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText('De notitie is gecorrigeerd.').waitFor();
    const notes = page.getByRole('list', { name: 'Notities' });
    await notes.getByText('Belt na de vakantie over de bakkerij').waitFor();
    await notes.getByRole('button', { name: 'Eerdere versies (1)' }).click();
    await notes.getByText('Reden: Verkeerd bedrijf genoemd').waitFor();
    await notes.getByText('Belt na de vakantie over de kapsalon').waitFor();
  });

  it('searches by BSN only after giving the reason', async () => {
    await page.goto(`${app.baseUrl}/zoeken?q=Verbeek`);
    await page.getByRole('heading', { level: 1, name: 'Zoeken' }).waitFor();
    await page.getByRole('button', { name: 'Zoeken op BSN' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zoeken op BSN' });
    await dialog.getByLabel('BSN *').fill(sanneBsn);
    await dialog.getByRole('button', { name: 'Zoeken op BSN' }).click();
    await dialog.getByRole('link', { name: /Waarom zoekt u op BSN/ }).waitFor();
    await dialog
      .getByLabel('Waarom zoekt u op BSN? *')
      .fill('Ondernemer belt zonder dossiernummer');
    await dialog.getByRole('button', { name: 'Zoeken op BSN' }).click();
    await page.getByText('Op BSN: 1 dossier').waitFor();
    await page.getByRole('row', { name: /Sanne Verbeek/ }).waitFor();
  });

  it('hands two chosen cases over to the advisor and says how many', async () => {
    await page.goto(`${app.baseUrl}/dossiers`);
    await page
      .getByRole('row', { name: /Sanne Verbeek/ })
      .getByRole('checkbox')
      .check();
    await page
      .getByRole('row', { name: /Bram de Wit/ })
      .getByRole('checkbox')
      .check();
    await page.getByText('2 dossiers gekozen').waitFor();
    const advisor = page.getByLabel('Naar bedrijfsadviseur');
    await advisor.selectOption({ index: 1 });
    const advisorName = (await advisor.locator('option:checked').textContent())!;
    await page.getByRole('button', { name: 'Overdragen', exact: true }).click();
    const question = page.getByRole('alertdialog', { name: 'Dossiers overdragen' });
    expect(await question.textContent()).to.contain(
      `2 dossiers over aan bedrijfsadviseur ${advisorName}`,
    );
    await question.getByRole('button', { name: '2 dossiers overdragen' }).click();
    await page.getByText(`2 dossiers overgedragen aan bedrijfsadviseur ${advisorName}.`).waitFor();
    await page
      .getByRole('row', { name: /Sanne Verbeek/ })
      .getByText(advisorName)
      .waitFor();
  });

  it('exports the filtered list to Excel with the columns on screen', async () => {
    await page.goto(`${app.baseUrl}/dossiers?q=Verbeek`);
    await page.getByRole('row', { name: /Sanne Verbeek/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).to.match(/^dossiers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const headers = await page.locator('thead th').allTextContents();
    const cells = (row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1).map((v) => String(v));
    // The page has a checkbox column first; the rest are the exported columns.
    expect(cells(1)).to.deep.equal(headers.filter((h) => h.trim() !== ''));
    expect(sheet.rowCount).to.equal(2);
    expect(cells(2)[1]).to.contain('Sanne Verbeek');
    expect(cells(2).join(' ')).to.not.contain(sanneBsn);
  });

  it('warns of a possible duplicate before a new entrepreneur is saved, and lets one choose it', async () => {
    await page.goto(`${app.baseUrl}/dossiers/nieuw`);
    await page.getByLabel('Naam *', { exact: true }).fill('Sanne  Verbeek');
    await page.getByLabel('Postcode', { exact: true }).fill('6604 xy');
    const warning = page.getByText('Mogelijk al bekend.');
    await warning.waitFor();
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/duplicate-warning.png`,
        fullPage: true,
      });
    await page.getByRole('button', { name: 'Deze ondernemer kiezen' }).click();
    await page.getByText('Bestaande ondernemer:').waitFor();
    expect(await page.getByText('Mogelijk al bekend.').count()).to.equal(0);
  });

  it('starts the routes the intake recommended in one step', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${bramCaseId}?tab=routes`);
    await page.getByRole('heading', { level: 1, name: /Bram de Wit/ }).waitFor();
    await page
      .getByRole('button', {
        name: 'Aanbevolen routes starten: Route 1: versterken eigen bedrijf, Route 3: (bij)baan in loondienst',
      })
      .click();
    const form = page.locator('form').filter({ hasText: 'Aanbevolen routes starten' });
    await form.getByLabel('Toelichting bij de start').fill('Afgesproken na de analyse');
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/recommended-routes.png`,
        fullPage: true,
      });
    await form.getByRole('button', { name: 'Aangevinkte routes starten' }).click();
    await page
      .getByText(
        'Route 1: versterken eigen bedrijf en Route 3: (bij)baan in loondienst zijn gestart.',
      )
      .waitFor();
    expect(await page.getByText('Afgesproken na de analyse').count()).to.equal(2);
  });

  it('previews a document and removes it with a reason', async () => {
    await page.goto(`${app.baseUrl}/dossiers/${caseId}?tab=documents`);
    const row = page.getByRole('row', { name: /uitnodiging-intakegesprek/ });
    await row.getByRole('button', { name: /^Bekijken/ }).click();
    const preview = page.getByRole('dialog', { name: /^Voorbeeld: / });
    await preview.locator('iframe[title^="Voorbeeld van uitnodiging-intakegesprek"]').waitFor();
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/documents.png`,
        fullPage: true,
      });
    await preview.getByRole('button', { name: 'Sluiten' }).click();
    await row.getByRole('button', { name: /^Verwijderen/ }).click();
    const dialog = page.getByRole('dialog', { name: /verwijderen$/ });
    await dialog.getByLabel('Waarom wordt het verwijderd? *').fill('Verkeerde datum in de brief');
    await dialog.getByRole('button', { name: 'Document verwijderen' }).click();
    await page.getByText(/is verwijderd\.$/).waitFor();
    await page.getByText('Geen documenten.').waitFor();
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    await page.getByText(/Document verwijderd: .*Reden: Verkeerde datum in de brief/).waitFor();
  });

  it('keeps the case list, the actions list and a case usable on a phone 390 px wide', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(phone, app.baseUrl, 'wijchen-caseworker');
    const pages: [string, RegExp | string][] = [
      ['/dossiers', 'Dossiers'],
      ['/acties', /acties/i],
      [`/dossiers/${caseId}`, /Sanne Verbeek/],
      [`/dossiers/${caseId}?tab=documents`, /Sanne Verbeek/],
    ];
    for (const [path, heading] of pages) {
      await phone.goto(`${app.baseUrl}${path}`);
      await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
      const width = await phone.evaluate('document.documentElement.scrollWidth');
      expect(width, `${path}: no sideways scrolling on a phone`).to.be.at.most(390);
      if (path === '/dossiers') {
        // Each case is a card with its column names, not a table that scrolls in a box.
        const row = phone.locator('.app-card-table tbody tr').first();
        // Run in the page, where getComputedStyle exists (this file has no DOM types).
        type Styles = (el: unknown, pseudo?: string) => { display: string; content: string };
        const display = await row.evaluate(
          (el) =>
            (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(el).display,
        );
        expect(display).to.equal('block');
        const label = await row
          .locator('td')
          .nth(2)
          .evaluate(
            (el) =>
              (globalThis as unknown as { getComputedStyle: Styles }).getComputedStyle(
                el,
                '::before',
              ).content,
          );
        expect(label).to.match(/Status|Ondernemer/);
      }
      if (process.env.SCREENSHOT_DIR)
        await phone.screenshot({
          path: `${process.env.SCREENSHOT_DIR}/phone${path.replace(/[/?=]/g, '-')}.png`,
          fullPage: true,
        });
    }
    await phone.close();
  });

  it('works the queue from the list: the clock, most urgent first, taking a case with undo', async () => {
    const anonymous = new Agent(app.baseUrl);
    for (const [name, acute] of [
      ['Kalm Aanmelder', false],
      ['Acuut Aanmelder', true],
    ] as const) {
      const r = await anonymous.send('POST', '/api/v1/public/sign-ups', {
        name,
        businessName: `${name} BV`,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
        postcode: '6602 BK',
        privacyAccepted: true,
        ...(acute
          ? {
              selfCheck: ACUTE_SELF_CHECK,
            }
          : {}),
      });
      expect(r.status, r.text).to.equal(201);
    }
    await page.goto(app.baseUrl);
    const acuteLink = page.getByRole('link', { name: /Acuut, nog niet toegewezen/ });
    expect((await acuteLink.textContent())?.trim()).to.match(/^1\s*Acuut/);
    await page.getByRole('link', { name: /Nieuw, nog niet toegewezen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw, nog niet toegewezen' }).waitFor();
    const rows = page.getByRole('row');
    // Most urgent first; the acute sign-up is promised contact within two working days.
    await rows.nth(1).getByText('Acuut Aanmelder').waitFor();
    expect(await rows.nth(1).textContent())
      .to.match(/Uiterlijk \d+ \w+ \d{4}/)
      .and.contain('Eigen aanmelding');
    await rows
      .nth(1)
      .getByRole('button', { name: /Aan mij toewijzen/ })
      .click();
    const taken = page
      .getByRole('status')
      .or(page.locator('.utrecht-alert'))
      .filter({ hasText: 'is aan u toegewezen' });
    await taken.waitFor();
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByText('staat weer bij de nieuwe, niet toegewezen dossiers').waitFor();
    await page.getByRole('row').filter({ hasText: 'Acuut Aanmelder' }).waitFor();
  });
});
