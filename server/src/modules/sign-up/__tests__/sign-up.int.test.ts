import type { CampaignDetail, CaseDetail, CasePage, WorklistCounts } from '@herorientatie/domain';
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
      'heumen-caseworker',
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

  it('tells which municipality a postcode belongs to, asks when it is two, explains when none', async () => {
    const a = anonymous();
    expect((await a.get('/api/v1/public/postcodes/6602')).json()).to.deep.equal({
      status: 'in-region',
      municipalities: [{ code: 'GM0296', name: 'Wijchen' }],
      regionName: 'Rijk van Nijmegen',
    });
    const split = (await a.get('/api/v1/public/postcodes/6584')).json<{
      municipalities: { name: string }[];
    }>();
    expect(split.municipalities.map((m) => m.name)).to.deep.equal(['Heumen', 'Mook en Middelaar']);
    expect((await a.get('/api/v1/public/postcodes/1012')).json()).to.deep.include({
      status: 'outside-region',
    });
  });

  it('routes a sign-up through a campaign link to the municipality of the postcode, with the self-check', async () => {
    const r = await anonymous().send(
      'POST',
      '/api/v1/public/sign-ups',
      signUp({ campaignCode: code.toLowerCase() }),
    );
    expect(r.status, r.text).to.equal(201);
    expect(r.json<{ message: string }>().message).to.match(/^Bedankt voor uw aanmelding/);

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
      `select to_address, subject from mail_outbox where purpose = 'signup-confirmation'`,
    );
    expect(mail.rows).to.deep.equal([
      { to_address: 'sanne@example.org', subject: 'We hebben uw aanmelding ontvangen' },
    ]);
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
    expect(r.json<{ message: string }>().message).to.match(/^Bedankt voor uw aanmelding/);
    const page = (
      await t.agent('wijchen-caseworker').get('/api/v1/cases?worklist=unassigned')
    ).json<CasePage>();
    expect(page.items).to.have.length(1);
    const timeline = (
      await t.agent('wijchen-caseworker').get(`/api/v1/cases/${page.items[0]!.id}/timeline`)
    ).json<{ summary: string }[]>();
    expect(timeline.map((e) => e.summary)).to.include('Opnieuw aangemeld via de website');
  });

  it('asks for the municipality when the postcode area lies in two', async () => {
    const body = signUp({ postcode: '6584 AA', kvkNumber: '61234568', email: 'p@example.org' });
    const ask = await anonymous().send('POST', '/api/v1/public/sign-ups', body);
    expect(ask.status).to.equal(400);
    expect(ask.json<{ errors: { name: string; reason: string }[] }>().errors[0]).to.deep.include({
      name: 'municipalityCode',
      reason: 'Uw postcode hoort bij Heumen en Mook en Middelaar. Kies in welke gemeente u woont.',
    });
    const chosen = await anonymous().send('POST', '/api/v1/public/sign-ups', {
      ...body,
      municipalityCode: 'GM0944',
    });
    expect(chosen.status, chosen.text).to.equal(201);
    const items = (
      await t.agent('mook-en-middelaar-caseworker').get('/api/v1/cases?worklist=unassigned')
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
    expect(outside.json<{ errors: { reason: string }[] }>().errors[0]!.reason).to.match(
      /eigen gemeente/,
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
});
