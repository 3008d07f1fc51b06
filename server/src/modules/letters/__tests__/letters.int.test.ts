import type {
  Attachment,
  CaseDetail,
  LetterPreview,
  LetterResult,
  LetterTemplate,
  Letterhead,
  Partner,
  Problem,
  Referral,
  TimelineEvent,
} from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { intake, registration } from '../../../../test/case-fixtures.ts';
import { eventually } from '../../../../test/eventually.ts';
import { pdfPages } from '../../../../test/pdf-text.ts';
import QRCode from 'qrcode';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('letters from templates', () => {
  const t = useTestApp({
    logins: [
      'wijchen-caseworker',
      'wijchen-admin',
      'nijmegen-admin',
      'nijmegen-caseworker',
      'wijchen-advisor',
    ],
  });
  const cw = () => t.agent('wijchen-caseworker');
  const admin = () => t.agent('wijchen-admin');
  const register = async (entrepreneur: Record<string, unknown> = {}) =>
    (
      await cw().send(
        'POST',
        '/api/v1/cases',
        registration(
          {},
          {
            name: 'Sanne Verbeek',
            businessName: 'Bakkerij Verbeek',
            street: 'Markt',
            houseNumber: '12',
            houseNumberAddition: 'A',
            town: 'Wijchen',
            ...entrepreneur,
          },
        ),
      )
    ).json<CaseDetail>();
  const plan = (caseId: string) =>
    cw().send('PUT', `/api/v1/cases/${caseId}/intake-appointment`, {
      scheduledAt: `${inDays(7)}T10:30:00+01:00`,
      mode: 'office',
      location: 'Gemeentehuis, Raadhuisplein 1, Wijchen',
    });

  it('lets only the administrator change the templates, refusing unknown merge fields', async () => {
    const before = (await admin().get('/api/v1/letter-templates')).json<LetterTemplate[]>();
    expect(before.map((x) => [x.kind, x.isDefault])).to.deep.equal([
      ['intake-invitation', true],
      ['confirmation', true],
      ['closing', true],
      ['referral', true],
    ]);
    const typo = await admin().send('PUT', '/api/v1/letter-templates/confirmation', {
      subject: 'Bevestiging',
      body: 'Beste {{naam}}, uw dossier {{dossiernumer}} is aangemaakt.',
    });
    expect(typo.status).to.equal(400);
    expect(JSON.stringify(typo.json())).to.contain('Onbekend samenvoegveld: {{dossiernumer}}');
    expect(
      (
        await cw().send('PUT', '/api/v1/letter-templates/confirmation', {
          subject: 'Bevestiging',
          body: 'Beste {{naam}}',
        })
      ).status,
    ).to.equal(403);
    const saved = (
      await admin().send('PUT', '/api/v1/letter-templates/confirmation', {
        subject: 'Bevestiging aanmelding {{dossiernummer}}',
        body: 'Beste {{naam}},\n\nWij hebben uw aanmelding voor {{bedrijfsnaam}} ontvangen.',
      })
    ).json<LetterTemplate>();
    expect(saved).to.include({ isDefault: false, updatedBy: 'Beheerder Wijchen' });
    // Another municipality keeps the built-in text.
    const other = (await t.agent('nijmegen-admin').get('/api/v1/letter-templates')).json<
      LetterTemplate[]
    >();
    expect(other.find((x) => x.kind === 'confirmation')!.isDefault).to.equal(true);
    const audit = await t.db.admin.query(
      `select action from audit_log where object_type = 'letter-template' and object_id = 'confirmation'`,
    );
    expect(audit.rows.map((r) => r.action)).to.deep.equal(['update']);
  });

  it('refuses every letter while the letterhead lacks contact details, and says what is missing', async () => {
    const c = await register();
    await plan(c.id);
    const partial = await admin().send('PUT', '/api/v1/letterhead', {
      department: 'Team Werk en Inkomen',
      addressLines: 'Postbus 9000\n6600 HA Wijchen',
      phone: '14 024',
      email: 'ondernemers@wijchen.example',
      signatoryName: 'J. de Vries',
    });
    expect(partial.json<Letterhead>().missing).to.deep.equal(['website']);
    const preview = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=confirmation`)
    ).json<LetterPreview>();
    expect(preview).to.deep.include({ letterheadComplete: false, letterheadMissing: ['website'] });
    const refused = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'confirmation',
    });
    expect(refused.status).to.equal(409);
    expect(refused.json<Problem>().detail).to.contain('Een beheerder vult eerst in: website');
    expect((await cw().get(`/api/v1/cases/${c.id}/attachments`)).json<unknown[]>()).to.have.length(
      0,
    );
  });

  it('prints the letterhead the administrator sets', async () => {
    const r = await admin().send('PUT', '/api/v1/letterhead', {
      department: 'Team Werk en Inkomen',
      addressLines: 'Postbus 9000\n6600 HA Wijchen',
      phone: '14 024',
      email: 'ondernemers@wijchen.example',
      website: 'www.wijchen.nl',
      signatoryName: 'J. de Vries',
      signatoryTitle: 'Teamleider Werk en Inkomen',
    });
    expect(r.status).to.equal(200);
    expect(r.json<Letterhead>().missing).to.deep.equal([]);
    expect(
      (await admin().send('PUT', '/api/v1/letterhead', { signatoryName: '' })).status,
    ).to.equal(400);
  });

  it('puts the logo the administrator uploads on the letters and the public pages', async () => {
    const png = await QRCode.toBuffer('logo', { width: 120 });
    const refused = await admin().upload(
      '/api/v1/letterhead/logo',
      'logo.png',
      Buffer.from('geen plaatje'),
      'image/png',
      {},
      'PUT',
    );
    expect(refused.status).to.equal(400);
    expect(refused.text).to.contain('Het logo moet een PNG- of JPEG-afbeelding zijn.');
    expect(
      (await cw().upload('/api/v1/letterhead/logo', 'logo.png', png, 'image/png', {}, 'PUT'))
        .status,
    ).to.equal(403);
    const saved = await admin().upload(
      '/api/v1/letterhead/logo',
      'logo.png',
      png,
      'image/png',
      {},
      'PUT',
    );
    expect(saved.status, saved.text).to.equal(200);
    expect(saved.json<Letterhead>().hasLogo).to.equal(true);
    const served = await cw().bytes('/api/v1/letterhead/logo');
    expect(served.headers.get('content-type')).to.equal('image/png');
    expect(Buffer.compare(served.bytes, png)).to.equal(0);
    const face = await new Agent(t.app.baseUrl).get('/api/v1/public/municipalities/GM0296');
    expect(face.json<{ logoUrl: string }>().logoUrl).to.equal(
      '/api/v1/public/municipalities/GM0296/logo',
    );
    const publicLogo = await new Agent(t.app.baseUrl).bytes(
      '/api/v1/public/municipalities/GM0296/logo',
    );
    expect(Buffer.compare(publicLogo.bytes, png)).to.equal(0);
    // The letter carries the image.
    const c = await register();
    const pdf = await fetch(`${t.app.baseUrl}/api/v1/cases/${c.id}/letter-preview.pdf`, {
      method: 'POST',
      headers: {
        cookie: await cw().jar.getCookieString(t.app.baseUrl),
        'content-type': 'application/json',
        'x-csrf-token': cw().csrfToken!,
      },
      body: JSON.stringify({ kind: 'confirmation' }),
    });
    expect(pdf.status).to.equal(200);
    expect(Buffer.from(await pdf.arrayBuffer()).toString('latin1')).to.match(/\/Subtype \/Image/);
  });

  it('merges the case into the invitation, refuses while a value is missing, and stores the PDF', async () => {
    const c = await register();
    const preview = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=intake-invitation`)
    ).json<LetterPreview>();
    expect(preview.missing).to.include.members(['intake_datum']);
    expect(preview.body).to.contain('Beste Sanne Verbeek,');
    expect(preview.body).to.contain('[intake_datum]');

    const refused = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'intake-invitation',
    });
    expect(refused.status).to.equal(409);
    expect(refused.json<Problem>().detail).to.contain('plan eerst de intake');
    expect((await cw().get(`/api/v1/cases/${c.id}/attachments`)).json<unknown[]>()).to.have.length(
      0,
    );

    await plan(c.id);
    const advisor = (
      await t.db.admin.query(`select id from app_user where subject = 'wijchen-caseworker'`)
    ).rows[0].id;
    expect(advisor).to.be.a('string');
    const ready = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=intake-invitation`)
    ).json<LetterPreview>();
    // The advisor is not assigned yet: the only gap left.
    expect(ready.missing).to.deep.equal(['adviseur']);
    // The previewed text, sent back with its gap, is refused like the template.
    const gap = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'intake-invitation',
      body: ready.body,
    });
    expect(gap.status).to.equal(409);
    expect(gap.json<Problem>().detail).to.contain('wijs een bedrijfsadviseur toe');
    const made = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'intake-invitation',
      body: ready.body.replace(
        /onze bedrijfsadviseur \[adviseur\]/,
        'een van onze bedrijfsadviseurs',
      ),
    });
    expect(made.status).to.equal(201);
    const result = made.json<LetterResult>();
    expect(result.emailed).to.equal(false);

    const documents = (await cw().get(`/api/v1/cases/${c.id}/attachments`)).json<Attachment[]>();
    expect(documents.map((d) => [d.documentType, d.contentType, d.filename])).to.deep.equal([
      ['letter', 'application/pdf', result.filename],
    ]);
    const pdf = await cw().bytes(
      `/api/v1/cases/${c.id}/attachments/${result.attachmentId}/content`,
    );
    const [page] = await pdfPages(pdf.bytes);
    expect(page).to.contain('Gemeente Wijchen');
    expect(page).to.contain('Team Werk en Inkomen');
    expect(page).to.contain('Postbus 9000');
    expect(page).to.contain('Sanne Verbeek');
    expect(page).to.contain('Bakkerij Verbeek');
    expect(page).to.contain(c.reference);
    expect(page).to.contain('Uitnodiging voor een gesprek over uw onderneming');
    expect(page).to.contain('een van onze bedrijfsadviseurs');
    expect(page).to.contain('om 10:30 uur');
    expect(page).to.contain('J. de Vries');
    expect(page).to.not.contain('{{');
    expect(page).to.not.contain('[adviseur]');
    if (process.env.SAVE_LETTER)
      (await import('node:fs')).writeFileSync(process.env.SAVE_LETTER, pdf.bytes);

    const timeline = (await cw().get(`/api/v1/cases/${c.id}/timeline`)).json<TimelineEvent[]>();
    expect(timeline[0]).to.include({
      type: 'letter',
      summary: 'Uitnodiging intakegesprek gemaakt',
    });
    const audit = await t.db.admin.query(
      `select action from audit_log where object_type = 'letter' and object_id = $1`,
      [result.attachmentId],
    );
    expect(audit.rows.map((r) => r.action)).to.deep.equal(['create']);
  });

  it('e-mails the letter with its PDF through the outbox, and never without an address', async () => {
    const c = await register({ email: 'sanne@example.org' });
    const made = (
      await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
        kind: 'confirmation',
        sendByEmail: true,
      })
    ).json<LetterResult>();
    expect(made.emailed).to.equal(true);
    await eventually(
      async () =>
        t.app.devMailbox!.some(
          (m) => m.to.includes('sanne@example.org') && m.attachments.includes(made.filename),
        ),
      'the confirmation with its PDF reaches the mailbox',
    );
    const mail = t.app.devMailbox!.find((m) => m.to.includes('sanne@example.org'))!;
    // The administrator's own template from the first test.
    expect(mail.subject).to.equal(`Bevestiging aanmelding ${c.reference}`);

    const without = await register({ email: '' });
    const refused = await cw().send('POST', `/api/v1/cases/${without.id}/letters`, {
      kind: 'confirmation',
      sendByEmail: true,
    });
    expect(refused.status).to.equal(409);
    expect(refused.json<Problem>().detail).to.contain('geen e-mailadres');
    expect(
      (await cw().get(`/api/v1/cases/${without.id}/attachments`)).json<unknown[]>(),
    ).to.have.length(0);
  });

  it('sends the intake invitation with place, form and adviser, and a calendar invitation', async () => {
    const c = await register({ email: 'agenda@example.org' });
    const advisor = (
      await t.db.admin.query(`select id from app_user where subject = 'wijchen-advisor'`)
    ).rows[0].id;
    const planned = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${inDays(9)}T09:00:00Z`,
      mode: 'video',
      videoLink: 'https://meet.example.org/intake-123',
      advisorId: advisor,
    });
    expect(planned.status, planned.text).to.equal(200);
    expect(planned.json<CaseDetail>()).to.deep.include({
      intakeMode: 'video',
      intakeVideoLink: 'https://meet.example.org/intake-123',
    });
    // A video intake without its link is refused in Dutch.
    const noLink = await cw().send('PUT', `/api/v1/cases/${c.id}/intake-appointment`, {
      scheduledAt: `${inDays(9)}T09:00:00Z`,
      mode: 'video',
    });
    expect(noLink.status).to.equal(400);
    expect(JSON.stringify(noLink.json())).to.contain('Vul de link van het videogesprek in.');
    const preview = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=intake-invitation`)
    ).json<LetterPreview>();
    expect(preview.body)
      .to.contain('Vorm: videogesprek')
      .and.contain('Plaats: via video: https://meet.example.org/intake-123');
    if (preview.missing.length > 0) return expect.fail(`missing ${preview.missing.join(', ')}`);
    const made = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'intake-invitation',
      sendByEmail: true,
    });
    expect(made.status, made.text).to.equal(201);
    const outbox = await t.db.admin.query(
      `select reply_to, calendar from mail_outbox where to_address = 'agenda@example.org'`,
    );
    expect(outbox.rows[0].reply_to).to.equal('ondernemers@wijchen.example');
    const ics: string = outbox.rows[0].calendar;
    expect(ics).to.contain('BEGIN:VEVENT').and.contain('METHOD:REQUEST');
    expect(ics).to.match(new RegExp(`DTSTART:${inDays(9).replace(/-/g, '')}T090000Z`));
    expect(ics).to.contain('URL:https://meet.example.org/intake-123');
    expect(ics).to.contain(`UID:intake-${c.id}@herorientatie`);
    await eventually(
      async () => t.app.devMailbox!.some((m) => m.to.includes('agenda@example.org')),
      'the invitation reaches the mailbox',
    );
  });

  it('writes the referral letter about the chosen referral, and the closing letter after closing', async () => {
    const c = await register();
    await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake());
    const partners = (await cw().get('/api/v1/partners')).json<Partner[]>();
    const werkbedrijf = partners.find((p) => p.code === 'werkbedrijf')!;
    const made = await cw().send('POST', `/api/v1/cases/${c.id}/referrals`, {
      partnerId: werkbedrijf.id,
      mode: 'self',
      followUpOn: inDays(14),
    });
    expect(made.status, made.text).to.equal(201);
    const referral = made.json<Referral>();
    expect(
      (await cw().send('POST', `/api/v1/cases/${c.id}/letters`, { kind: 'referral' })).status,
    ).to.equal(400);
    const preview = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=referral&referralId=${referral.id}`)
    ).json<LetterPreview>();
    expect(preview.subject).to.equal(`Uw verwijzing naar ${werkbedrijf.name}`);
    expect(preview.missing).to.deep.equal([]);
    const otherCase = await register();
    expect(
      (
        await cw().get(
          `/api/v1/cases/${otherCase.id}/letter-preview?kind=referral&referralId=${referral.id}`,
        )
      ).status,
    ).to.equal(404);

    expect(
      (await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=closing`)).json<LetterPreview>()
        .missing,
    ).to.include.members(['afsluitdatum', 'uitkomst']);
    await cw().send('POST', `/api/v1/cases/${c.id}/closure`, {
      outcome: 'business_stopped_employed',
      endRunning: true,
    });
    const closing = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, { kind: 'closing' });
    expect(closing.status, closing.text).to.equal(201);
  });

  it('keeps letters of one municipality from another', async () => {
    const c = await register();
    const other = t.agent('nijmegen-caseworker');
    expect(
      (await other.get(`/api/v1/cases/${c.id}/letter-preview?kind=confirmation`)).status,
    ).to.equal(404);
    expect(
      (await other.send('POST', `/api/v1/cases/${c.id}/letters`, { kind: 'confirmation' })).status,
    ).to.equal(404);
    const rows = await t.db.admin.query(
      `select count(*)::int as n from attachment where case_id = $1`,
      [c.id],
    );
    expect(rows.rows[0].n).to.equal(0);
  });

  it('refuses merge fields that are properties of every object, and reads brackets in data as data', async () => {
    expect(
      (
        await admin().send('PUT', '/api/v1/letter-templates/closing', {
          subject: 'Afsluiting',
          body: 'Beste {{naam}} {{constructor}}',
        })
      ).status,
    ).to.equal(400);
    const c = await register({ businessName: 'Klussen [adres] & Zn' });
    expect(
      (
        await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
          kind: 'confirmation',
          body: 'Beste {{__proto__}}',
        })
      ).status,
    ).to.equal(400);
    const preview = (
      await cw().get(`/api/v1/cases/${c.id}/letter-preview?kind=confirmation`)
    ).json<LetterPreview>();
    expect(preview.missing).to.deep.equal([]);
    const made = await cw().send('POST', `/api/v1/cases/${c.id}/letters`, {
      kind: 'confirmation',
      body: `${preview.body}\n\nMet [constructor] tussen haken.`,
    });
    expect(made.status, made.text).to.equal(201);
  });

  it('answers a replayed letter request only while the user may still write to the case', async () => {
    const c = await register();
    const advisor = new Agent(t.app.baseUrl);
    await advisor.login('wijchen-advisor');
    const id = (await t.db.admin.query(`select id from app_user where subject = 'wijchen-advisor'`))
      .rows[0].id as string;
    await cw().send('PATCH', `/api/v1/cases/${c.id}`, { advisorId: id });
    const send = () =>
      advisor.request('POST', `/api/v1/cases/${c.id}/letters`, {
        body: { kind: 'confirmation' },
        headers: { 'x-csrf-token': advisor.csrfToken!, 'idempotency-key': 'brief-1' },
      });
    expect((await send()).status).to.equal(201);
    expect((await send()).headers.get('idempotent-replayed')).to.equal('true');
    await cw().send('PATCH', `/api/v1/cases/${c.id}`, { advisorId: null });
    expect((await send()).status).to.equal(404);
  });

  it('prints names as written, beyond Western European letters', async () => {
    const c = await register({
      name: 'Şükrü Yılmaz-Łukasiewicz',
      businessName: 'Dmitri Иванов Bouw',
    });
    const made = (
      await cw().send('POST', `/api/v1/cases/${c.id}/letters`, { kind: 'confirmation' })
    ).json<LetterResult>();
    const pdf = await cw().bytes(`/api/v1/cases/${c.id}/attachments/${made.attachmentId}/content`);
    const [page] = await pdfPages(pdf.bytes);
    expect(page).to.contain('Beste Şükrü Yılmaz-Łukasiewicz,');
    expect(page).to.contain('Dmitri Иванов Bouw');
  });

  it('shows the letter as PDF before it is made, storing nothing', async () => {
    const c = await register({ name: 'Pieter Voorbeeld' });
    const r = await cw().request('POST', `/api/v1/cases/${c.id}/letter-preview.pdf`, {
      body: { kind: 'confirmation', body: 'Beste {{naam}},\n\nEen aangepaste zin.' },
      headers: { 'x-csrf-token': cw().csrfToken! },
    });
    expect(r.status).to.equal(200);
    expect(r.headers.get('content-disposition')).to.match(/^inline;/);
    const pdf = await fetch(`${t.app.baseUrl}/api/v1/cases/${c.id}/letter-preview.pdf`, {
      method: 'POST',
      headers: {
        cookie: await cw().jar.getCookieString(t.app.baseUrl),
        'content-type': 'application/json',
        'x-csrf-token': cw().csrfToken!,
      },
      body: JSON.stringify({
        kind: 'confirmation',
        body: 'Beste {{naam}},\n\nEen aangepaste zin.',
      }),
    });
    const [page] = await pdfPages(Buffer.from(await pdf.arrayBuffer()));
    expect(page).to.contain('Beste Pieter Voorbeeld,');
    expect(page).to.contain('Een aangepaste zin.');
    expect((await cw().get(`/api/v1/cases/${c.id}/attachments`)).json<unknown[]>()).to.deep.equal(
      [],
    );
    const other = t.agent('nijmegen-caseworker');
    expect(
      (
        await other.send('POST', `/api/v1/cases/${c.id}/letter-preview.pdf`, {
          kind: 'confirmation',
        })
      ).status,
    ).to.equal(404);
  });

  it('lets the administrator see a template as PDF with made-up values before saving it', async () => {
    const body = {
      subject: 'Welkom {{naam}}',
      body: 'Beste {{naam}},\n\nUw intake is {{intake_datum}}.',
    };
    const r = await fetch(`${t.app.baseUrl}/api/v1/letter-templates/preview.pdf`, {
      method: 'POST',
      headers: {
        cookie: await admin().jar.getCookieString(t.app.baseUrl),
        'content-type': 'application/json',
        'x-csrf-token': admin().csrfToken!,
      },
      body: JSON.stringify(body),
    });
    expect(r.status).to.equal(200);
    const [page] = await pdfPages(Buffer.from(await r.arrayBuffer()));
    expect(page).to.contain('Beste Sanne de Voorbeeld,');
    expect(page).to.contain('Gemeente Wijchen');
    expect(page).to.contain('dinsdag 10 maart 2026 om 10:00 uur');
    expect(
      (
        await admin().send('POST', '/api/v1/letter-templates/preview.pdf', {
          ...body,
          body: '{{naaam}}',
        })
      ).status,
    ).to.equal(400);
    expect((await cw().send('POST', '/api/v1/letter-templates/preview.pdf', body)).status).to.equal(
      403,
    );
    // Nothing was saved: the confirmation is still the administrator's own text from before.
    const templates = (await admin().get('/api/v1/letter-templates')).json<LetterTemplate[]>();
    expect(templates.some((x) => x.subject === 'Welkom {{naam}}')).to.equal(false);
  });
});
