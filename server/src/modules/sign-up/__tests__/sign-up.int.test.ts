import type {
  CampaignDetail,
  CaseDetail,
  CasePage,
  MunicipalityFace,
  PostcodeLookup,
  PrivacyStatement,
  SignUpAnswer,
  WorklistCounts,
} from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { startTestApp, useTestApp } from '../../../../test/app.ts';

const signUp = (overrides: Record<string, unknown> = {}) => ({
  name: 'Sanne de Vries',
  businessName: 'Yoga aan de Waal',
  email: 'sanne@example.org',
  phone: '06 11223344',
  postcode: '6602 BK',
  houseNumber: '8',
  kvkNumber: '61234567',
  privacyAccepted: true,
  selfCheck: {
    income: 'much_lower',
    fixedCosts: 'no',
    arrears: 'yes',
    otherSupport: 'none',
    wish: 'combine',
  },
  ...overrides,
});

describe('public sign-up', () => {
  const t = useTestApp({
    logins: [
      'nijmegen-coordinator',
      'wijchen-caseworker',
      'mook-en-middelaar-caseworker',
      'berg-en-dal-caseworker',
      'heumen-caseworker',
      'wijchen-admin',
    ],
  });
  const anonymous = () => new Agent(t.app.baseUrl);
  let code: string;

  before(async () => {
    const campaign = (
      await t.agent('nijmegen-coordinator').send('POST', '/api/v1/campaigns?level=regional', {
        name: 'Regionale campagne',
        periodStart: '2021-05-01',
        periodEnd: '2021-09-30',
        budgetCents: 2_750_000,
      })
    ).json<CampaignDetail>();
    const withChannel = await t
      .agent('nijmegen-coordinator')
      .send('POST', `/api/v1/campaigns/${campaign.id}/channels`, {
        kind: 'radio',
        name: 'Radio Gelderland',
      });
    code = withChannel.json<CampaignDetail>().channels[0]!.code;
  });

  it('tells which municipality a postcode belongs to, asks when it is two, names the one outside', async () => {
    const a = anonymous();
    const lookup = async (pc4: string) =>
      (await a.get(`/api/v1/public/postcodes/${pc4}`)).json<PostcodeLookup>();
    expect(await lookup('6602')).to.deep.equal({
      status: 'in-region',
      municipalities: [{ code: 'GM0296', name: 'Wijchen' }],
      regionName: 'Rijk van Nijmegen',
      elsewhere: [],
    });
    // The national CBS table: Lent and the Waalsprong district Oosterhout are Nijmegen.
    for (const pc4 of ['6663', '6515', '6511', '6541']) {
      expect((await lookup(pc4)).municipalities, pc4).to.deep.equal([
        { code: 'GM0268', name: 'Nijmegen' },
      ]);
    }
    // Most addresses first: 151 in Berg en Dal, 2 in Nijmegen.
    expect((await lookup('6574')).municipalities.map((m) => m.name)).to.deep.equal([
      'Berg en Dal',
      'Nijmegen',
    ]);
    // 6678 is the village Oosterhout in Overbetuwe, outside the region: the page names it.
    expect(await lookup('6678')).to.deep.equal({
      status: 'outside-region',
      municipalities: [],
      regionName: null,
      elsewhere: [{ code: 'GM1734', name: 'Overbetuwe' }],
    });
    expect((await lookup('1012')).elsewhere).to.deep.equal([{ code: 'GM0363', name: 'Amsterdam' }]);
    // A PO-box area has no addresses and is no place to live.
    expect((await lookup('6500')).status).to.equal('unknown');
  });

  it('routes a sign-up through a campaign link to the municipality of the postcode, with the self-check', async () => {
    const r = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ campaignCode: code.toLowerCase() }),
    );
    expect(r.status, r.text).to.equal(201);
    const answer = r.json<SignUpAnswer>();
    // Acute self-check: a shorter promise and immediate help.
    expect(answer).to.deep.include({ acute: true, promiseDays: 2 });
    expect(answer.message).to.match(/^Bedankt voor uw aanmelding.*twee werkdagen/);
    expect(answer.receipt).to.match(/^AM-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(answer.municipality).to.deep.include({ code: 'GM0296', name: 'Wijchen' });

    const cw = t.agent('wijchen-caseworker');
    expect((await cw.get('/api/v1/worklist-counts')).json<WorklistCounts>().unassigned).to.equal(1);
    const page = (await cw.get('/api/v1/cases?worklist=unassigned')).json<CasePage>();
    expect(page.items).to.have.length(1);
    const detail = (await cw.get(`/api/v1/cases/${page.items[0]!.id}`)).json<CaseDetail>();
    expect(detail).to.deep.include({
      source: 'regional_campaign',
      campaignCode: code,
      urgency: 'acute',
      otherSupport: 'none',
      caseworkerId: null,
    });
    expect(detail.selfCheck?.suggestedRoutes).to.deep.equal([
      'strengthen_business',
      'solve_finances',
      'employment',
    ]);
    expect(detail.selfCheck?.answers.wish).to.equal('combine');
    expect(detail.entrepreneur).to.include({ name: 'Sanne de Vries', postcode: '6602 BK' });
    const audit = await t.db.admin.query(
      `select actor_kind, actor_label, user_id from audit_log where object_type = 'case' and object_id = $1 and action = 'create'`,
      [detail.id],
    );
    expect(audit.rows[0]).to.deep.equal({
      actor_kind: 'public',
      actor_label: 'aanmelding via de website',
      user_id: null,
    });
    const mail = await t.db.admin.query(
      `select to_address, subject, text_body, reply_to from mail_outbox where purpose = 'signup-confirmation'`,
    );
    expect(mail.rows).to.have.length(1);
    expect(mail.rows[0]).to.deep.include({
      to_address: 'sanne@example.org',
      subject: `Uw aanmelding bij de gemeente Wijchen (${answer.receipt})`,
    });
    expect(mail.rows[0].text_body)
      .to.contain(`Uw ontvangstnummer is ${answer.receipt}`)
      .and.contain('Binnen twee werkdagen')
      .and.contain('Geldfit Zakelijk: 0800 8115')
      .and.contain('TONK')
      .and.contain('Bbz');
    // The receipt finds the case.
    const receipt = await t.db.admin.query(
      'select case_id from sign_up_receipt where receipt = $1',
      [answer.receipt],
    );
    expect(receipt.rows).to.deep.equal([{ case_id: detail.id }]);
    // Nobody in another municipality sees it.
    expect(
      (await t.agent('heumen-caseworker').get('/api/v1/cases?worklist=unassigned')).json<CasePage>()
        .items,
    ).to.deep.equal([]);
  });

  it('answers a known entrepreneur the same, without a second case', async () => {
    const r = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ selfCheck: undefined }),
    );
    expect(r.status).to.equal(201);
    const again = r.json<SignUpAnswer>();
    // Without a self-check: five working days, no alarm.
    expect(again).to.deep.include({ acute: false, promiseDays: 5 });
    expect(again.message).to.match(/^Bedankt voor uw aanmelding.*vijf werkdagen/);
    const page = (
      await t.agent('wijchen-caseworker').get('/api/v1/cases?worklist=unassigned')
    ).json<CasePage>();
    expect(page.items).to.have.length(1);
    const timeline = (
      await t.agent('wijchen-caseworker').get(`/api/v1/cases/${page.items[0]!.id}/timeline`)
    ).json<{ summary: string }[]>();
    expect(timeline.map((e) => e.summary)).to.include(
      `Opnieuw aangemeld via de website (${again.receipt})`,
    );
  });

  it('asks for the municipality when the postcode area lies in two', async () => {
    const body = signUp({ postcode: '6574 AA', kvkNumber: '61234568', email: 'p@example.org' });
    const ask = await anonymous().send('POST', '/api/v1/public/sign-ups', body);
    expect(ask.status).to.equal(400);
    expect(ask.json<{ errors: { name: string; reason: string }[] }>().errors[0]).to.deep.include({
      name: 'municipalityCode',
      reason: 'Uw postcode hoort bij Berg en Dal en Nijmegen. Kies in welke gemeente u woont.',
    });
    const chosen = await anonymous().send('POST', '/api/v1/public/sign-ups', {
      ...body,
      municipalityCode: 'GM1945',
    });
    expect(chosen.status, chosen.text).to.equal(201);
    const items = (
      await t.agent('berg-en-dal-caseworker').get('/api/v1/cases?worklist=unassigned')
    ).json<CasePage>().items;
    expect(items.map((i) => i.businessName)).to.deep.equal(['Yoga aan de Waal']);
    expect(items[0]!.source).to.equal('self_registration');
  });

  it('explains a postcode outside the region, and checks every field in Dutch', async () => {
    const outside = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ postcode: '1012 AB' }),
    );
    expect(outside.status).to.equal(400);
    expect(outside.json<{ errors: { reason: string }[] }>().errors[0]!.reason).to.equal(
      'Postcode 1012 AB hoort bij de gemeente Amsterdam. Die gemeente werkt niet met dit formulier. Op https://www.ondernemersplein.nl vindt u de hulp voor ondernemers in uw eigen gemeente.',
    );
    const oosterhout = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ postcode: '6678 AB' }),
    );
    expect(oosterhout.json<{ errors: { reason: string }[] }>().errors[0]!.reason).to.contain(
      'de gemeente Overbetuwe',
    );
    const empty = await anonymous().send('POST', '/api/v1/public/sign-ups', {
      privacyAccepted: false,
    });
    expect(empty.status).to.equal(400);
    const names = empty.json<{ errors: { name: string }[] }>().errors.map((e) => e.name);
    expect(names).to.include.members([
      'name',
      'businessName',
      'email',
      'postcode',
      'privacyAccepted',
    ]);
  });

  it('keeps nothing from a robot that fills in the hidden field, and refuses oversized requests', async () => {
    const before = (await t.db.admin.query('select count(*)::int as n from case_file')).rows[0].n;
    const robot = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ kvkNumber: '69999999', email: 'bot@example.org', website: 'http://spam.example' }),
    );
    expect(robot.status).to.equal(201);
    expect(robot.json<{ message: string }>().message).to.match(/^Bedankt/);
    expect((await t.db.admin.query('select count(*)::int as n from case_file')).rows[0].n).to.equal(
      before,
    );
    const big = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ name: 'x'.repeat(30_000) }),
    );
    expect(big.status).to.equal(413);
  });

  it('limits sign-ups per address', async () => {
    const limited = await startTestApp(t.db, { SIGNUP_RATE_LIMIT: '2' });
    // Counters live in the database, shared with the other instance: start from none.
    await t.db.admin.query('delete from rate_limit');
    try {
      const a = new Agent(limited.baseUrl);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (
            await a.send(
              'POST',
              '/api/v1/public/sign-ups',
              signUp({ kvkNumber: `7000000${i}`, email: `r${i}@example.org` }),
            )
          ).status,
        );
      }
      expect(statuses).to.deep.equal([201, 201, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('shows the municipality’s face from its letterhead, and sets Reply-To to its address', async () => {
    const admin = t.agent('wijchen-admin');
    const saved = await admin.send('PUT', '/api/v1/letterhead', {
      addressLines: 'Postbus 9000\n6600 HA Wijchen',
      phone: '14 024',
      email: 'ondernemers@wijchen.example',
      website: 'www.wijchen.nl',
      signatoryName: 'Team Ondernemers',
    });
    expect(saved.status, saved.text).to.equal(200);
    const face = (
      await anonymous().get('/api/v1/public/municipalities/GM0296')
    ).json<MunicipalityFace>();
    expect(face).to.deep.equal({
      code: 'GM0296',
      name: 'Wijchen',
      regionName: 'Rijk van Nijmegen',
      logoUrl: null,
      phone: '14 024',
      email: 'ondernemers@wijchen.example',
      website: 'www.wijchen.nl',
      addressLines: ['Postbus 9000', '6600 HA Wijchen'],
    });
    expect((await anonymous().get('/api/v1/public/municipalities/GM9999')).status).to.equal(404);
    expect((await anonymous().get('/api/v1/public/municipalities/x')).status).to.equal(404);

    const r = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({
        kvkNumber: '61234599',
        email: 'kees@example.org',
        name: 'Kees',
        selfCheck: undefined,
      }),
    );
    expect(r.status, r.text).to.equal(201);
    const answer = r.json<SignUpAnswer>();
    expect(answer.municipality.phone).to.equal('14 024');
    const mail = await t.db.admin.query(
      `select reply_to, text_body from mail_outbox where to_address = 'kees@example.org'`,
    );
    expect(mail.rows[0].reply_to).to.equal('ondernemers@wijchen.example');
    expect(mail.rows[0].text_body)
      .to.contain('Telefoon: 14 024')
      .and.contain('Binnen vijf werkdagen')
      .and.not.contain('Geldfit');
  });

  it('generates each municipality’s privacy statement from its settings', async () => {
    const before = (
      await anonymous().get('/api/v1/public/municipalities/GM0296/privacy-statement')
    ).json<PrivacyStatement>();
    expect(before.configured).to.equal(false);
    expect(before.controller).to.equal(
      'Het college van burgemeester en wethouders van de gemeente Wijchen',
    );
    expect(before.legalBasis)
      .to.contain('geen wettelijke taak')
      .and.contain('gemeenteraad van Wijchen');
    expect(before.dpo).to.deep.equal({ name: null, email: null, phone: null });

    const admin = t.agent('wijchen-admin');
    const bad = await admin.send('PUT', '/api/v1/privacy-settings', {
      controller: 'College van B en W van Wijchen',
      dpoEmail: 'geen-mail',
      legalBasis: '',
      retentionYears: 0,
    });
    expect(bad.status).to.equal(400);
    expect(bad.json<{ errors: { name: string }[] }>().errors.map((e) => e.name)).to.include.members(
      ['dpoEmail', 'legalBasis', 'retentionYears'],
    );
    const ok = await admin.send('PUT', '/api/v1/privacy-settings', {
      controller: 'College van burgemeester en wethouders van Wijchen',
      dpoName: 'F. de Vries',
      dpoEmail: 'fg@wijchen.example',
      legalBasis:
        'Besluit van de gemeenteraad van Wijchen van 8 juli 2021 over het Plan Heroriëntatie.',
      advisorOrganisation: 'Bedrijfsadvies Rijk van Nijmegen',
      retentionYears: 7,
    });
    expect(ok.status, ok.text).to.equal(200);
    const after = (
      await anonymous().get('/api/v1/public/municipalities/GM0296/privacy-statement')
    ).json<PrivacyStatement>();
    expect(after).to.deep.include({
      configured: true,
      controller: 'College van burgemeester en wethouders van Wijchen',
      advisorOrganisation: 'Bedrijfsadvies Rijk van Nijmegen',
      retentionYears: 7,
      legalBasis:
        'Besluit van de gemeenteraad van Wijchen van 8 juli 2021 over het Plan Heroriëntatie.',
    });
    expect(after.dpo).to.deep.equal({
      name: 'F. de Vries',
      email: 'fg@wijchen.example',
      phone: null,
    });
    // Another municipality's statement is its own.
    const nijmegen = (
      await anonymous().get('/api/v1/public/municipalities/GM0268/privacy-statement')
    ).json<PrivacyStatement>();
    expect(nijmegen.configured).to.equal(false);
    // Staff without the administrator's right cannot change it.
    const cw = await t.agent('wijchen-caseworker').send('PUT', '/api/v1/privacy-settings', {
      controller: 'x',
      dpoEmail: 'a@b.nl',
      legalBasis: 'x',
      retentionYears: 5,
    });
    expect(cw.status).to.equal(403);
  });
});
