import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { launchBrowser } from './browser.ts';
import { logIn, waitForFocus } from './case-setup.ts';
import { intakesBought, refreshFigures, registrations } from './regional-setup.ts';
import { protectedRegistrations } from '../test/cell-key.ts';

/** The text of every cell, row by row, body and footer. */
async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tbody tr, tfoot tr').all();
  return Promise.all(
    rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((t) => t.trim())),
  );
}

const downloaded = async (download: Download) => readFile((await download.path())!);

describe('end to end: an analyst compares the municipalities of the region', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const thisMonth = new Date().toISOString().slice(0, 7);

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    // Registrations from the Tozo outreach in 2021 (the fixture of the figures' own tests).
    for (const [code, n, month] of [
      ['GM0268', 23, '2021-03'],
      ['GM0268', 9, '2021-04'],
      ['GM0296', 11, '2021-03'],
      ['GM0296', 2, '2021-04'],
      ['GM1945', 7, '2021-05'],
      ['GM0209', 3, '2021-05'],
      ['GM0225', 6, '2021-06'],
      ['GM0252', 12, '2021-06'],
      ['GM0944', 1, '2021-06'],
    ] as const) {
      await registrations(db.admin, code, n, month);
    }
    // And three this month in Wijchen, for its manager's start page.
    await registrations(db.admin, 'GM0296', 3, thisMonth, 'self_registration');
    // Their intakes, bought at € 150 each.
    await intakesBought(db.admin, 'GM0296', thisMonth, 15_000);
    await refreshFigures(db.admin);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('filters to two municipalities, reads the funnel as a table and downloads what is shown and the evaluation report', async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'nijmegen-analyst');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Regionaal overzicht' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Regionaal overzicht' }).waitFor();
    expect(await page.title()).to.equal('Regionaal overzicht – Heroriëntatie');

    await page.getByLabel('Vanaf maand').fill('2021-01');
    await page.getByLabel('Tot en met maand').fill('2021-12');
    await page.getByRole('button', { name: 'Periode tonen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^januari 2021 t\/m december 2021\. Stand van / })
      .waitFor();
    // The form stays where it was: the keyboard user goes on from the button.
    await waitForFocus(page, "textContent === 'Periode tonen'");
    const funnel = page.getByRole('table', { name: 'Van benaderen tot afsluiten, per gemeente' });
    await funnel.waitFor();

    // Small counts of other municipalities are hidden, not shown as a number or a zero.
    const before = await rowsOf(funnel);
    expect(before.map((r) => r[0])).to.deep.equal([
      'Berg en Dal',
      'Beuningen',
      'Druten',
      'Heumen',
      'Mook en Middelaar',
      'Nijmegen',
      'Wijchen',
      'Hele regio',
    ]);
    expect(before.find((r) => r[0] === 'Mook en Middelaar')![3]).to.equal('verborgen*');
    await page
      .getByText(/^\* Verborgen: minder dan 5/)
      .first()
      .waitFor();

    const choice = page.getByRole('group', { name: 'Gemeenten in de tabellen' });
    for (const name of ['Berg en Dal', 'Beuningen', 'Druten', 'Heumen', 'Mook en Middelaar']) {
      await choice.getByLabel(name, { exact: true }).uncheck();
    }
    await choice.getByRole('status').filter({ hasText: '2 van de 7 gemeenten getoond.' }).waitFor();

    // The chart's text alternative: the same funnel as a table, each count the sum of its
    // protected month cells; filtering leaves the region's total as it was.
    const published = async (code: string) =>
      String((await protectedRegistrations(db.admin, code, '2021-01', '2021-12')).published);
    let region = 0;
    for (const code of ['GM0268', 'GM0296', 'GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'])
      region += Number(await published(code));
    const nijmegen = await published('GM0268');
    const wijchen = await published('GM0296');
    expect(await funnel.locator('thead th').allTextContents()).to.deep.equal([
      'Gemeente',
      'Benaderd',
      'Gereageerd',
      'Aangemeld',
      'Intakes',
      'Routes gestart',
      'Afgesloten',
    ]);
    expect(await rowsOf(funnel)).to.deep.equal([
      ['Nijmegen', '0', '0', nijmegen, '0', '0', '0'],
      ['Wijchen', '0', '0', wijchen, '0', '0', '0'],
      ['Hele regio', '0', '0', String(region), '0', '0', '0'],
    ]);

    // The CSV holds exactly the tables as shown.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tabellen downloaden (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).to.equal('regionaal-overzicht-2021-01-2021-12.csv');
    const text = (await downloaded(csv)).toString('utf8');
    expect(text.startsWith('\uFEFFRegionaal overzicht;januari 2021 t/m december 2021')).to.equal(
      true,
    );
    expect(text).to.include(
      `Nijmegen;0;0;${nijmegen};0;0;0\r\nWijchen;0;0;${wijchen};0;0;0\r\nHele regio;0;0;${region}`,
    );
    expect(text).not.to.include('Beuningen');

    // The evaluation report of the region for the chosen months.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Evaluatierapport downloaden (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).to.equal('evaluatie-regio-2021-01-2021-12.pdf');
    expect((await downloaded(pdf)).subarray(0, 4).toString('latin1')).to.equal('%PDF');

    // Back to all municipalities; the keyboard goes on from the list, not from nowhere.
    await choice.getByRole('button', { name: 'Alle gemeenten tonen' }).click();
    await choice.getByRole('status').filter({ hasText: '7 van de 7 gemeenten getoond.' }).waitFor();
    await waitForFocus(page, "id.endsWith('-GM1945')");

    // The full explanation of the protection is one click away, and back.
    await page.getByRole('link', { name: 'Lees hoe we de cijfers beschermen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Zo beschermen we de regionale cijfers' })
      .waitFor();
    await page.getByRole('link', { name: 'Terug naar het regionaal overzicht' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionaal overzicht' }).waitFor();
  });

  it("shows a manager the own municipality's figures of this year and the team's worklists", async () => {
    const page = await newPage();
    await logIn(page, app.baseUrl, 'wijchen-manager');
    const figures = page.getByRole('list', { name: 'Kerncijfers van uw gemeente' });
    await figures.waitFor();
    expect(await figures.getByRole('listitem').allInnerTexts()).to.deep.equal([
      '3\nAangemeld',
      '0\nIntakes',
      '0\nRoutes gestart',
      '0\nAfgesloten',
    ]);
    await page.getByRole('heading', { name: 'Werklijsten van het team' }).waitFor();
    expect(await page.getByRole('link', { name: /Mijn dossiers/ }).count()).to.equal(0);
    await page.getByRole('link', { name: /Nieuw, nog niet toegewezen/ }).waitFor();

    // In the overview: the own municipality exactly, the others only as the region.
    await page.getByRole('link', { name: 'Naar het regionaal overzicht' }).click();
    const funnel = page.getByRole('table', { name: 'Van benaderen tot afsluiten, per gemeente' });
    await funnel.waitFor();
    const rows = await rowsOf(funnel);
    expect(rows.map((r) => r[0])).to.deep.equal(['Wijchen (uw gemeente)', 'Hele regio']);
    expect(rows[0]![3]).to.equal('3');
    expect(await page.getByRole('group', { name: 'Gemeenten in de tabellen' }).count()).to.equal(0);

    // The cost per client: the own municipality exactly; the region's 3 clients are too
    // few, so its cost per client is hidden with them.
    const perClient = page.getByRole('table', {
      name: 'Kosten per cliënt per dienst, per gemeente',
    });
    await perClient.waitFor();
    expect(await rowsOf(perClient)).to.deep.equal([
      ['Wijchen (uw gemeente)', '€ 150,00'],
      ['Hele regio', 'verborgen*'],
    ]);
  });
});
