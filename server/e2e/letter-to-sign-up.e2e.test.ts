import type { Wave, WaveContact } from '@herorientatie/domain';
import { dutchDay, formatResponseCode } from '@herorientatie/domain';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Agent } from '../test/agent.ts';
import { setLetterhead } from '../test/letterhead.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { hasPdftoppm } from '../test/pdf-png.ts';
import { linesOf, pdfTextItems, qrCodesOf } from '../test/pdf-layout.ts';
import { ENVELOPE_WINDOW } from '../src/modules/letters/letter-pdf.ts';
import { launchBrowser } from './browser.ts';
import { logIn } from './case-setup.ts';

/**
 * A Tozo recipient's way from the letter to the help: the wave letter as printed, the QR
 * code scanned on a phone, the sign-up with the personal code, the answer on the wave on its
 * date, and no reminder for someone who already answered.
 */
describe('end to end: from a wave letter to a sign-up that answers the wave', () => {
  let db: TestDatabase;
  let app: TestApp;
  let browser: Browser;
  let caseworker: Agent;
  let wave: Wave;
  const contexts: BrowserContext[] = [];
  const newPage = async (options: { width?: number } = {}): Promise<Page> => {
    const context = await browser.newContext(
      options.width ? { viewport: { width: options.width, height: 844 }, isMobile: true } : {},
    );
    contexts.push(context);
    return context.newPage();
  };

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db, { SERVE_CLIENT: 'true' });
    await setLetterhead(app.baseUrl);
    caseworker = new Agent(app.baseUrl);
    await caseworker.login('wijchen-caseworker');
    const csv = [
      'KvK-nummer;Naam;Bedrijfsnaam;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Tozo',
      '51000001;Mehmet Yilmaz;Yilmaz Klussenbedrijf;Kasteellaan;14;A;6602 BK;Wijchen;Tozo 3',
      '51000002;Petra de Wit;De Wit Catering;Markt;3;;6601 AB;Wijchen;Tozo 3',
      '51000003;Jan Peters;Peters Fietsen;Hoogstraat;22;;6602 AC;Wijchen;Tozo 3',
    ].join('\r\n');
    const imported = await caseworker.upload(
      '/api/v1/outreach/imports?mode=all-or-nothing',
      'tozo.csv',
      Buffer.from(csv),
      'text/csv',
    );
    expect(imported.status, imported.text).to.equal(201);
    const created = await caseworker.send('POST', '/api/v1/outreach/waves', {
      name: 'Brief december',
      channel: 'letter',
      plannedDate: dutchDay(),
      criteria: { tozoPeriods: ['tozo3'] },
    });
    expect(created.status, created.text).to.equal(201);
    wave = created.json<Wave>();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await db?.drop();
  });

  it('prints, answers, records and skips', async () => {
    // 1. The letter as the mailing house prints it.
    const pdf = await caseworker.bytes(`/api/v1/outreach/waves/${wave.id}/letters.pdf`);
    expect(pdf.status).to.equal(200);
    const bytes = new Uint8Array(pdf.bytes);
    const pages = await pdfTextItems(bytes);
    const index = pages.findIndex((p) => p.some((i) => i.str === 'Mehmet Yilmaz'));
    const lines = linesOf(pages[index]!);
    for (const line of [
      'Mehmet Yilmaz',
      'Yilmaz Klussenbedrijf',
      'Kasteellaan 14A',
      '6602 BK WIJCHEN',
    ]) {
      const placed = lines.find((l) => l.str === line);
      expect(placed, line).to.not.equal(undefined);
      expect(placed!.x).to.be.within(ENVELOPE_WINDOW.x, ENVELOPE_WINDOW.x + ENVELOPE_WINDOW.width);
      expect(placed!.y).to.be.within(ENVELOPE_WINDOW.y, ENVELOPE_WINDOW.y + ENVELOPE_WINDOW.height);
    }
    const text = lines.map((l) => l.str).join('\n');
    expect(text).to.contain('T 14 024').and.contain('www.wijchen.nl');
    const contacts = (await caseworker.get(`/api/v1/outreach/waves/${wave.id}/contacts`)).json<
      WaveContact[]
    >();
    const mehmet = contacts.find((c) => c.name === 'Mehmet Yilmaz')!;
    const code = formatResponseCode(mehmet.responseCode);
    expect(text).to.contain(`Uw persoonlijke code: ${code}`);
    let link = `${app.baseUrl}/aanmelden?code=${code}`;
    if (hasPdftoppm()) {
      const scanned = (await qrCodesOf(bytes))[index];
      expect(scanned).to.equal(link);
      link = scanned!;
    }

    // 2. Scanned with a phone: the sign-up page, 390 px wide, with the code filled in.
    const phone = await newPage({ width: 390 });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Aanmelden voor hulp' }).waitFor();
    expect(await phone.getByLabel('Code uit uw brief').inputValue()).to.equal(code);
    await phone.getByLabel('Uw naam *').fill('Mehmet Yilmaz');
    await phone.getByLabel('Naam van uw bedrijf *').fill('Yilmaz Klussenbedrijf');
    await phone.getByLabel('E-mailadres *').fill('mehmet@example.org');
    await phone.getByLabel('Postcode *').fill('6602 BK');
    await phone.getByText('Uw aanmelding gaat naar de gemeente').waitFor();
    // The municipality shows itself once the postcode is known.
    await phone.getByRole('banner').getByText('Gemeente Wijchen').waitFor();
    await phone.getByLabel('Ik heb de privacyverklaring gelezen *').check();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).to.be.at.most(390);
    await phone.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Bedankt voor uw aanmelding' }).waitFor();
    const receipt = await phone.locator('.app-receipt').textContent();
    expect(receipt).to.match(/^AM-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(await phone.getByRole('main').textContent())
      .to.contain('Binnen vijf werkdagen')
      .and.contain('14 024');

    // 3. The caseworker sees the answer on the wave, dated today, from the website.
    const page = await newPage();
    await logIn(page, app.baseUrl, 'wijchen-caseworker');
    await page.goto(`${app.baseUrl}/benadering/rondes/${wave.id}`);
    await page.getByRole('heading', { level: 1, name: /Brief december/ }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Mehmet Yilmaz' });
    expect(
      await row.getByLabel('Reactie van Mehmet Yilmaz', { exact: true }).inputValue(),
    ).to.equal('interested');
    expect(await row.getByLabel('Datum van de reactie van Mehmet Yilmaz').inputValue()).to.equal(
      dutchDay(),
    );
    expect(
      await row.getByLabel('Hoe de reactie van Mehmet Yilmaz binnenkwam').inputValue(),
    ).to.equal('website');
    await row.getByRole('link', { name: 'Dossier van Mehmet Yilmaz' }).waitFor();

    // 4. The reminder goes to the two who did not answer, not to him.
    const followUp = await caseworker.send('POST', `/api/v1/outreach/waves/${wave.id}/follow-up`, {
      name: 'Herinnering december',
      channel: 'letter',
      plannedDate: dutchDay(),
    });
    expect(followUp.status, followUp.text).to.equal(201);
    const reminded = (
      await caseworker.get(`/api/v1/outreach/waves/${followUp.json<Wave>().id}/contacts`)
    ).json<WaveContact[]>();
    expect(reminded.map((c) => c.name).sort()).to.deep.equal(['Jan Peters', 'Petra de Wit']);
  });
});
