import type { CaseDetail, ResponseRates, Wave, WaveContact } from '@herorientatie/domain';
import { dutchDay } from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { setLetterhead } from '../../../../test/letterhead.ts';
import { hasPdftoppm } from '../../../../test/pdf-png.ts';
import { linesOf, pdfTextItems, qrCodesOf } from '../../../../test/pdf-layout.ts';
import { ENVELOPE_WINDOW } from '../../letters/letter-pdf.ts';

const today = () => dutchDay();

describe('outreach waves', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker', 'wijchen-manager', 'nijmegen-caseworker', 'wijchen-advisor'],
  });
  const cw = () => t.agent('wijchen-caseworker');
  let first: Wave;

  before(async () => {
    await setLetterhead(t.app.baseUrl);
    // The pilot: 88 Tozo 3 applicants, 20 of them with an e-mail address; 12 others had Tozo 1 only.
    const lines = [
      'KvK-nummer;Naam;Bedrijfsnaam;Straat;Postcode;Huisnummer;Woonplaats;E-mailadres;SBI-code;Tozo',
    ];
    for (let i = 0; i < 100; i++) {
      const tozo = i < 88 ? 'Tozo 3' : 'Tozo 1';
      const email = i < 20 ? `o${i}@example.org` : '';
      lines.push(
        `${50_000_000 + i};Ondernemer ${i};Bedrijf ${i};Kasteellaan;6602 AB;${i + 1};Wijchen;${email};${i % 2 ? '5610' : '9602'};${tozo}`,
      );
    }
    const imported = await cw().upload(
      '/api/v1/outreach/imports?mode=all-or-nothing',
      'tozo.csv',
      Buffer.from(lines.join('\n')),
      'text/csv',
    );
    expect(imported.status, imported.text).to.equal(201);
  });

  it('chooses recipients by Tozo period and reproduces the pilot’s response rate', async () => {
    const created = await cw().send('POST', '/api/v1/outreach/waves', {
      name: 'Pilot Tozo 3',
      channel: 'letter',
      plannedDate: '2020-11-16',
      criteria: { tozoPeriods: ['tozo3'] },
    });
    expect(created.status, created.text).to.equal(201);
    first = created.json<Wave>();
    expect(first).to.include({ recipients: 88, responded: 0, responseRate: 0 });
    const contacts = (await cw().get(`/api/v1/outreach/waves/${first.id}/contacts`)).json<
      WaveContact[]
    >();
    const answers = [
      'interested',
      'interested',
      'interested',
      'interested',
      'interested',
      'interested',
      'interested',
      'not_interested',
      'not_interested',
      'already_helped',
      'already_helped',
      'unreachable',
      'no_response',
    ];
    for (const [i, response] of answers.entries()) {
      const r = await cw().send(
        'PUT',
        `/api/v1/outreach/waves/${first.id}/contacts/${contacts[i]!.id}`,
        { response },
      );
      expect(r.status, r.text).to.equal(200);
    }
    const waves = (await cw().get('/api/v1/outreach/waves')).json<Wave[]>();
    expect(waves.find((w) => w.id === first.id)).to.include({
      recipients: 88,
      responded: 11,
      interested: 7,
      responseRate: 12.5,
    });
    const rates = (await cw().get('/api/v1/outreach/response-rates')).json<ResponseRates>();
    expect(rates.byChannel).to.deep.equal([
      { channel: 'letter', recipients: 88, responded: 11, responseRate: 12.5 },
    ]);
  });

  it('selects by sector, and those not yet approached', async () => {
    const sector = await cw().send('POST', '/api/v1/outreach/waves', {
      name: 'Horeca',
      channel: 'phone',
      plannedDate: today(),
      criteria: { sbiPrefixes: ['56'], notYetApproached: true },
    });
    // Recipients 88..99 were not approached; of those, the odd ones are in SBI 56.
    expect(sector.json<Wave>().recipients).to.equal(6);
    const none = await cw().send('POST', '/api/v1/outreach/waves', {
      name: 'Leeg',
      channel: 'phone',
      plannedDate: today(),
      criteria: { sbiPrefixes: ['01'] },
    });
    expect(none.status).to.equal(400);
  });

  it('follows up everyone who did not respond in one step', async () => {
    const r = await cw().send('POST', `/api/v1/outreach/waves/${first.id}/follow-up`, {
      name: 'Herinnering per e-mail',
      channel: 'email',
      plannedDate: today(),
    });
    expect(r.status, r.text).to.equal(201);
    const followUp = r.json<Wave>();
    expect(followUp).to.include({ recipients: 77, parentWaveId: first.id });
    const sent = await cw().send('POST', `/api/v1/outreach/waves/${followUp.id}/emails`);
    // Of the 20 with an address, 11 responded in the first wave.
    expect(sent.json()).to.deep.equal({ queued: 9, withoutAddress: 68 });
    expect(
      (await cw().send('POST', `/api/v1/outreach/waves/${followUp.id}/emails`)).json(),
    ).to.deep.equal({
      queued: 0,
      withoutAddress: 68,
    });
    const outbox = await t.db.admin.query(
      `select count(*)::int as n from mail_outbox where purpose = 'outreach-wave'`,
    );
    expect(outbox.rows[0].n).to.equal(9);
    expect((await cw().send('POST', `/api/v1/outreach/waves/${first.id}/emails`)).status).to.equal(
      409,
    );
  });

  it('turns an interested recipient into a case with the wave as source, once', async () => {
    const contacts = (await cw().get(`/api/v1/outreach/waves/${first.id}/contacts`)).json<
      WaveContact[]
    >();
    const interested = contacts.find((c) => c.response === 'interested')!;
    const r = await cw().send(
      'POST',
      `/api/v1/outreach/waves/${first.id}/contacts/${interested.id}/case`,
    );
    expect(r.status, r.text).to.equal(201);
    const detail = r.json<CaseDetail>();
    expect(detail).to.include({
      source: 'tozo_outreach',
      sourceDetail: 'Pilot Tozo 3',
      status: 'registered',
    });
    expect(detail.entrepreneur).to.include({
      kvkNumber: interested.kvkNumber,
      businessName: interested.businessName,
    });
    const row = await t.db.admin.query('select outreach_wave_id from case_file where id = $1', [
      detail.id,
    ]);
    expect(row.rows[0].outreach_wave_id).to.equal(first.id);
    expect(
      (await cw().send('POST', `/api/v1/outreach/waves/${first.id}/contacts/${interested.id}/case`))
        .status,
    ).to.equal(409);
    const notInterested = contacts.find((c) => c.response === 'not_interested')!;
    expect(
      (
        await cw().send(
          'POST',
          `/api/v1/outreach/waves/${first.id}/contacts/${notInterested.id}/case`,
        )
      ).status,
    ).to.equal(409);
  });

  it('makes letters as one PDF and as CSV', async () => {
    const pdf = await cw().request('GET', `/api/v1/outreach/waves/${first.id}/letters.pdf`);
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    expect(pdf.text.startsWith('%PDF')).to.equal(true);
    const csv = await cw().get(`/api/v1/outreach/waves/${first.id}/letters.csv`);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal(
      'Naam;Bedrijfsnaam;Adresregel 1;Adresregel 2;Adres compleet;Antwoordcode;Antwoordlink;E-mailadres;Telefoonnummer',
    );
    expect(lines).to.have.length(89);
    const [name, business, line1, line2, complete, code, link] = lines[1]!.split(';');
    expect([name, business, line1, line2, complete]).to.deep.equal([
      'Ondernemer 0',
      'Bedrijf 0',
      'Kasteellaan 1',
      '6602 AB  WIJCHEN',
      'ja',
    ]);
    expect(code).to.match(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(link).to.equal(`${t.app.baseUrl}/aanmelden?code=${code}`);
  });

  it('keeps waves to their municipality and to roles with outreach', async () => {
    expect(
      (await t.agent('nijmegen-caseworker').get(`/api/v1/outreach/waves/${first.id}/contacts`))
        .status,
    ).to.equal(404);
    expect(
      (await t.agent('nijmegen-caseworker').get('/api/v1/outreach/waves')).json<Wave[]>(),
    ).to.deep.equal([]);
    expect((await t.agent('wijchen-advisor').get('/api/v1/outreach/waves')).status).to.equal(403);
    expect((await t.agent('wijchen-manager').get('/api/v1/outreach/waves')).status).to.equal(200);
    expect(
      (
        await t.agent('wijchen-manager').send('POST', '/api/v1/outreach/waves', {
          name: 'x',
          channel: 'letter',
          plannedDate: today(),
        })
      ).status,
    ).to.equal(403);
  });

  it('records a response on the day it happened, never in the future or before the wave', async () => {
    const contacts = (await cw().get(`/api/v1/outreach/waves/${first.id}/contacts`)).json<
      WaveContact[]
    >();
    const c = contacts.find((x) => x.response === 'pending')!;
    const url = `/api/v1/outreach/waves/${first.id}/contacts/${c.id}`;
    const future = await cw().send('PUT', url, {
      response: 'interested',
      responseDate: '2999-01-01',
    });
    expect(future.status).to.equal(400);
    expect(JSON.stringify(future.json())).to.contain(
      'De datum van de reactie ligt in de toekomst.',
    );
    const early = await cw().send('PUT', url, {
      response: 'interested',
      responseDate: '2020-11-01',
    });
    expect(early.status).to.equal(400);
    expect(JSON.stringify(early.json())).to.contain('niet eerder zijn dan de ronde zelf');
    // A reply card that came in by post in November 2020 counts in November 2020.
    const ok = await cw().send('PUT', url, {
      response: 'not_interested',
      responseDate: '2020-11-20',
      channel: 'letter',
    });
    expect(ok.status, ok.text).to.equal(200);
    expect(ok.json<WaveContact>()).to.deep.include({
      responseDate: '2020-11-20',
      responseChannel: 'letter',
    });
    const rates = (await cw().get('/api/v1/outreach/response-rates')).json<ResponseRates>();
    expect(rates.byMonth.find((m) => m.month === '2020-11')).to.deep.equal({
      month: '2020-11',
      channel: 'letter',
      responded: 1,
    });
  });

  it('counts people, not letters: a second letter to the same people does not double them', async () => {
    const second = await cw().send('POST', '/api/v1/outreach/waves', {
      name: 'Tweede brief Tozo 3',
      channel: 'letter',
      plannedDate: today(),
      criteria: { tozoPeriods: ['tozo3'] },
    });
    expect(second.status, second.text).to.equal(201);
    const rates = (await cw().get('/api/v1/outreach/response-rates')).json<ResponseRates>();
    const letter = rates.byChannel.find((r) => r.channel === 'letter')!;
    // 88 people, two letters each; 12 people answered (in either letter wave).
    expect(letter).to.deep.equal({
      channel: 'letter',
      recipients: 88,
      responded: 12,
      responseRate: 13.6,
    });
  });

  it('prints a letter that can be posted and answered: address in the window, contact details, code and QR', async () => {
    const pdf = await cw().bytes(`/api/v1/outreach/waves/${first.id}/letters.pdf`);
    expect(pdf.status).to.equal(200);
    const bytes = new Uint8Array(pdf.bytes);
    const pages = await pdfTextItems(bytes);
    const contacts = (await cw().get(`/api/v1/outreach/waves/${first.id}/contacts`)).json<
      WaveContact[]
    >();
    // The letters are sorted by postcode and business name; find Ondernemer 0's page.
    const page = pages.find((p) => p.some((i) => i.str === 'Ondernemer 0'))!;
    const printedLines = linesOf(page);
    const lines = ['Ondernemer 0', 'Bedrijf 0', 'Kasteellaan 1', '6602 AB WIJCHEN'];
    const win = ENVELOPE_WINDOW;
    for (const line of lines) {
      const item = printedLines.find((i) => i.str === line);
      expect(item, line).to.not.equal(undefined);
      expect(item!.x, `${line} x`).to.be.within(win.x, win.x + win.width);
      expect(item!.y, `${line} y`).to.be.within(win.y + 8, win.y + win.height);
    }
    const text = page.map((i) => i.str).join(' ');
    expect(text)
      .to.contain('T 14 024')
      .and.contain('ondernemers@wijchen.example')
      .and.contain('www.wijchen.nl');
    const code = contacts.find((c) => c.name === 'Ondernemer 0')!.responseCode;
    const printed = `${code.slice(0, 4)}-${code.slice(4)}`;
    expect(text).to.contain(`Uw persoonlijke code: ${printed}`);
    expect(text).to.contain(`${t.app.baseUrl}/aanmelden`);
    expect(text).to.not.contain('Neem dan contact met ons op.');
    if (hasPdftoppm()) {
      // The QR code, as a phone reads it, opens the sign-up with this person's code.
      const codes = await qrCodesOf(bytes);
      const index = pages.indexOf(page);
      expect(codes[index]).to.equal(`${t.app.baseUrl}/aanmelden?code=${printed}`);
    }
  });

  it('takes a sign-up with the letter’s code (or KvK number) as the answer, on its day; the follow-up skips them', async () => {
    const wave = (
      await cw().send('POST', '/api/v1/outreach/waves', {
        name: 'Brief Tozo 1',
        channel: 'letter',
        plannedDate: today(),
        criteria: { tozoPeriods: ['tozo1'] },
      })
    ).json<Wave>();
    expect(wave.recipients).to.equal(12);
    const contacts = (await cw().get(`/api/v1/outreach/waves/${wave.id}/contacts`)).json<
      WaveContact[]
    >();
    const byName = (name: string) => contacts.find((c) => c.name === name)!;
    const a = byName('Ondernemer 88');
    const b = byName('Ondernemer 89');
    const anonymous = new Agent(t.app.baseUrl);
    const signUp = (extra: Record<string, unknown>) =>
      anonymous.send('POST', '/api/v1/public/sign-ups', {
        name: 'Ondernemer',
        businessName: 'Bedrijf',
        email: `${String(extra.kvkNumber ?? extra.responseCode)}@example.org`.toLowerCase(),
        postcode: '6602 AB',
        privacyAccepted: true,
        ...extra,
      });

    const unknown = await signUp({ responseCode: 'ZZZZ-ZZZZ' });
    expect(unknown.status).to.equal(400);
    expect(JSON.stringify(unknown.json())).to.contain('De antwoordcode ZZZZ-ZZZZ kennen wij niet');

    // Typed as people do: lower case, with the hyphen.
    const code = `${a.responseCode.slice(0, 4)}-${a.responseCode.slice(4)}`.toLowerCase();
    const withCode = await signUp({ responseCode: code });
    expect(withCode.status, withCode.text).to.equal(201);
    const withKvk = await signUp({ kvkNumber: b.kvkNumber });
    expect(withKvk.status, withKvk.text).to.equal(201);

    const after = (await cw().get(`/api/v1/outreach/waves/${wave.id}/contacts`)).json<
      WaveContact[]
    >();
    for (const who of [a, b]) {
      const c = after.find((x) => x.id === who.id)!;
      expect(c, who.name!).to.deep.include({
        response: 'interested',
        responseDate: today(),
        responseChannel: 'website',
      });
      expect(c.caseId).to.be.a('string');
      const detail = (await cw().get(`/api/v1/cases/${c.caseId}`)).json<CaseDetail>();
      expect(detail).to.deep.include({ source: 'tozo_outreach', sourceDetail: 'Brief Tozo 1' });
    }
    const updated = (await cw().get('/api/v1/outreach/waves'))
      .json<Wave[]>()
      .find((w) => w.id === wave.id)!;
    expect(updated).to.include({ responded: 2, interested: 2 });

    const followUp = await cw().send('POST', `/api/v1/outreach/waves/${wave.id}/follow-up`, {
      name: 'Herinnering Tozo 1',
      channel: 'letter',
      plannedDate: today(),
    });
    expect(followUp.status, followUp.text).to.equal(201);
    expect(followUp.json<Wave>().recipients).to.equal(10);
    const second = (
      await cw().get(`/api/v1/outreach/waves/${followUp.json<Wave>().id}/contacts`)
    ).json<WaveContact[]>();
    expect(second.map((c) => c.name)).to.not.include.members(['Ondernemer 88', 'Ondernemer 89']);
    // Each letter of the follow-up has its own code.
    expect(new Set(second.map((c) => c.responseCode)).size).to.equal(10);
  });
});
