import type {
  CaseDetail,
  Consent,
  Partner,
  PartnerReferral,
  Referral,
} from '@herorientatie/domain';
import { expect } from 'chai';
import pg from 'pg';
import { useTestApp } from '../../../../test/app.ts';
import { intake, registration } from '../../../../test/case-fixtures.ts';
import { currentManager } from '../../../db/unit-of-work.ts';
import { actors } from '../../../context/actor.ts';
import { remindStalledReferrals } from '../referral-reminders.ts';
import { ReferenceRepository } from '../../reference/reference.repository.ts';
import { ReferralsService } from '../referrals.service.ts';

const today = () => new Date().toISOString().slice(0, 10);

describe('referrals with consent, followed until they happen', () => {
  const t = useTestApp({
    logins: [
      'wijchen-caseworker',
      'nijmegen-caseworker',
      'leerwerkloket-partner',
      'werkbedrijf-partner',
    ],
  });
  const cw = () => t.agent('wijchen-caseworker');
  let partners: Partner[];
  const partner = (code: string) => partners.find((p) => p.code === code)!;

  const openCase = async (
    entrepreneur: Record<string, unknown> = {},
    intakeOverrides: Record<string, unknown> = {},
  ) => {
    const c = (
      await cw().send('POST', '/api/v1/cases', registration({}, entrepreneur))
    ).json<CaseDetail>();
    expect(
      (await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake(intakeOverrides))).status,
    ).to.equal(201);
    return c;
  };

  before(async () => {
    partners = (await cw().get('/api/v1/partners')).json<Partner[]>();
  });

  it('lists the partner organisations of the region', () => {
    expect(partners.map((p) => p.name)).to.include.members([
      'Leerwerkloket Rijk van Nijmegen',
      'Over Rood',
      'TONK-loket',
    ]);
  });

  it('refuses to share without consent, shares exactly the consented data, and honours withdrawal', async () => {
    const c = await openCase({ bsn: '111222333' });
    const base = `/api/v1/cases/${c.id}`;
    const draft = await cw().send('POST', `${base}/referrals`, {
      partnerId: partner('leerwerkloket').id,
      mode: 'by_us',
      categories: ['contact', 'address'],
      followUpOn: today(),
    });
    expect(draft.status, draft.text).to.equal(201);
    const referral = draft.json<Referral>();
    const send = () =>
      cw().send('POST', `${base}/referrals/${referral.id}/status`, { status: 'sent' });
    const refused = await send();
    expect(refused.status).to.equal(409);
    expect(refused.json<{ detail: string }>().detail).to.match(/geen geldige toestemming/);

    // Consent for contact only does not cover the address.
    await cw().send('POST', `${base}/consents`, {
      partnerId: partner('leerwerkloket').id,
      categories: ['contact'],
      givenHow: 'in_conversation',
      givenOn: today(),
    });
    expect((await send()).status).to.equal(409);
    const consents = (
      await cw().send('POST', `${base}/consents`, {
        partnerId: partner('leerwerkloket').id,
        categories: ['contact', 'address'],
        givenHow: 'in_conversation',
        givenOn: today(),
      })
    ).json<Consent[]>();
    const sent = await send();
    expect(sent.status, sent.text).to.equal(200);
    expect(sent.json<Referral>().status).to.equal('sent');

    const seen = (await t.agent('leerwerkloket-partner').get('/api/v1/partner/referrals')).json<
      PartnerReferral[]
    >();
    expect(seen).to.have.length(1);
    expect(seen[0]!.sharedData).to.deep.equal({
      naam: 'Fatima el Amrani',
      'e-mailadres': 'fatima@example.org',
      telefoonnummer: '06 12345678',
      postcode: '6602 AB',
      huisnummer: '12a',
    });
    expect(JSON.stringify(seen)).to.not.contain('111222333');
    expect(
      (await t.agent('werkbedrijf-partner').get('/api/v1/partner/referrals')).json<unknown[]>(),
    ).to.deep.equal([]);
    const mail = await t.db.admin.query(
      `select to_address from mail_outbox where purpose = 'referral-new'`,
    );
    expect(mail.rows).to.deep.equal([{ to_address: 'leerwerkloket@example.org' }]);

    // Withdrawn consent: the next referral to that partner cannot be sent.
    for (const consent of consents.filter((x) => !x.withdrawnAt)) {
      const w = await cw().send('POST', `${base}/consents/${consent.id}/withdrawal`, {
        reason: 'Wil het zelf regelen',
      });
      expect(w.status, w.text).to.equal(200);
    }
    const second = (
      await cw().send('POST', `${base}/referrals`, {
        partnerId: partner('leerwerkloket').id,
        mode: 'by_us',
        categories: ['contact'],
        followUpOn: today(),
      })
    ).json<Referral>();
    expect(
      (await cw().send('POST', `${base}/referrals/${second.id}/status`, { status: 'sent' })).status,
    ).to.equal(409);
    const timeline = (await cw().get(`${base}/timeline`))
      .json<{ summary: string }[]>()
      .map((e) => e.summary);
    expect(
      timeline.some((s) => s.startsWith('Toestemming ingetrokken voor Leerwerkloket')),
    ).to.equal(true);
  });

  it('follows the lifecycle, refuses illegal steps, and lets the partner move its own referrals', async () => {
    const c = await openCase();
    const base = `/api/v1/cases/${c.id}`;
    const r = (
      await cw().send('POST', `${base}/referrals`, {
        partnerId: partner('werkbedrijf').id,
        mode: 'self',
        followUpOn: today(),
      })
    ).json<Referral>();
    const step = (status: string, extra: Record<string, unknown> = {}) =>
      cw().send('POST', `${base}/referrals/${r.id}/status`, { status, ...extra });
    expect((await step('started')).status).to.equal(409);
    expect((await step('sent')).status).to.equal(200);
    const partnerAgent = t.agent('werkbedrijf-partner');
    const me = (await partnerAgent.get('/api/v1/me')).json<{
      partner: { name: string } | null;
      roles: string[];
    }>();
    expect(me).to.deep.include({
      partner: { id: partner('werkbedrijf').id, name: 'WerkBedrijf Rijk van Nijmegen' },
      roles: ['partner'],
    });
    const mine = (await partnerAgent.get('/api/v1/partner/referrals')).json<PartnerReferral[]>();
    expect(mine.map((x) => x.id)).to.include(r.id);
    const received = await partnerAgent.send('POST', `/api/v1/partner/referrals/${r.id}/status`, {
      status: 'received',
    });
    expect(received.status, received.text).to.equal(200);
    expect(
      (
        await partnerAgent.send('POST', `/api/v1/partner/referrals/${r.id}/status`, {
          status: 'completed',
        })
      ).status,
    ).to.equal(409);
    expect(
      (
        await partnerAgent.send('POST', `/api/v1/partner/referrals/${r.id}/status`, {
          status: 'not_realised',
        })
      ).status,
    ).to.equal(400);
    const started = await partnerAgent.send('POST', `/api/v1/partner/referrals/${r.id}/status`, {
      status: 'started',
    });
    expect(started.status, started.text).to.equal(200);
    expect(
      (
        await t
          .agent('leerwerkloket-partner')
          .send('POST', `/api/v1/partner/referrals/${r.id}/status`, { status: 'completed' })
      ).status,
    ).to.equal(404);
    const detail = (await cw().get(`${base}/referrals`)).json<Referral[]>()[0]!;
    expect(detail.status).to.equal('started');
    expect(detail.events.map((e) => e.status)).to.deep.equal([
      'draft',
      'sent',
      'received',
      'started',
    ]);
    const notified = await t.db.admin.query(
      `select to_address from mail_outbox where purpose = 'referral-status'`,
    );
    expect(notified.rows.map((x) => x.to_address)).to.include('wijchen-caseworker@example.org');
    // Partner staff reach no case data at all, at database level.
    const partnerUser = (
      await t.db.admin.query(
        `select id, partner_id, name from partner_user where subject = 'werkbedrijf-partner'`,
      )
    ).rows[0];
    const region = (await t.db.admin.query(`select id from region limit 1`)).rows[0].id;
    const actor = actors.user({
      id: partnerUser.id,
      subject: 'werkbedrijf-partner',
      name: partnerUser.name,
      email: null,
      municipalityId: '',
      municipalityCode: '',
      regionId: region,
      isCentre: false,
      roles: ['partner'],
      partnerId: partnerUser.partner_id,
    });
    const counts = await t.app.uow.run(actor, async () => ({
      cases: (await currentManager().query('select count(*)::int as n from case_file'))[0].n,
      entrepreneurs: (
        await currentManager().query('select count(*)::int as n from entrepreneur')
      )[0].n,
      consents: (await currentManager().query('select count(*)::int as n from consent'))[0].n,
      referrals: (await currentManager().query('select distinct partner_id from referral')).map(
        (x: { partner_id: string }) => x.partner_id,
      ),
    }));
    expect(counts).to.deep.equal({
      cases: 0,
      entrepreneurs: 0,
      consents: 0,
      referrals: [partnerUser.partner_id],
    });
  });

  it('lists stalled referrals and reminds the caseworker once a day', async () => {
    const c = await openCase();
    const r = (
      await cw().send('POST', `/api/v1/cases/${c.id}/referrals`, {
        partnerId: partner('over-rood').id,
        mode: 'self',
        followUpOn: today(),
      })
    ).json<Referral>();
    await cw().send('POST', `/api/v1/cases/${c.id}/referrals/${r.id}/status`, { status: 'sent' });
    await t.db.admin.query(
      `update referral set last_change_at = now() - interval '20 days' where id = $1`,
      [r.id],
    );
    const stalled = (await cw().get('/api/v1/referrals/stalled')).json<Referral[]>();
    expect(stalled.map((x) => x.id)).to.include(r.id);
    expect((await cw().get('/api/v1/referral-counts')).json()).to.deep.equal({
      stalled: stalled.length,
    });
    expect(
      (await t.agent('nijmegen-caseworker').get('/api/v1/referrals/stalled')).json<unknown[]>(),
    ).to.deep.equal([]);
    const reference = new ReferenceRepository(t.db.dataSource);
    const service = new ReferralsService(t.app.mail, 14);
    const [first, second] = await Promise.all([
      remindStalledReferrals(t.app.uow, reference, service),
      remindStalledReferrals(t.app.uow, reference, service),
    ]);
    expect(first + second).to.equal(1);
    expect(await remindStalledReferrals(t.app.uow, reference, service)).to.equal(0);
  });

  it('lets a Bbz credit bear debt restructuring within the Bbz group, the municipality otherwise', async () => {
    const refer = async (c: CaseDetail) =>
      (
        await cw().send('POST', `/api/v1/cases/${c.id}/referrals`, {
          partnerId: partner('schuldhulp').id,
          mode: 'self',
          followUpOn: today(),
        })
      ).json<Referral>().costBearer;
    expect(
      await refer(await openCase({ partnerIncome: 'no' }, { bbzOptions: ['business_credit'] })),
    ).to.equal('bbz_credit');
    expect(
      await refer(await openCase({ partnerIncome: 'yes' }, { bbzOptions: ['business_credit'] })),
    ).to.equal('municipality');
  });

  it('answers 404 for another municipality’s case referrals', async () => {
    const c = await openCase();
    const other = t.agent('nijmegen-caseworker');
    expect((await other.get(`/api/v1/cases/${c.id}/referrals`)).status).to.equal(404);
    expect((await other.get(`/api/v1/cases/${c.id}/consents`)).status).to.equal(404);
  });

  it('discards a draft, never a sent referral, even when asked directly in the database', async () => {
    const c = await openCase();
    const base = `/api/v1/cases/${c.id}`;
    const create = async () =>
      (
        await cw().send('POST', `${base}/referrals`, {
          partnerId: partner('werkbedrijf').id,
          mode: 'self',
          followUpOn: today(),
        })
      ).json<Referral>();
    const draft = await create();
    const sent = await create();
    await cw().send('POST', `${base}/referrals/${sent.id}/status`, { status: 'sent' });
    expect(
      (await t.agent('nijmegen-caseworker').send('DELETE', `${base}/referrals/${draft.id}`)).status,
    ).to.equal(404);
    expect((await cw().send('DELETE', `${base}/referrals/${sent.id}`)).status).to.equal(409);
    expect((await cw().send('DELETE', `${base}/referrals/${draft.id}`)).status).to.equal(204);
    expect((await cw().send('DELETE', `${base}/referrals/${draft.id}`)).status).to.equal(404);
    const left = (await cw().get(`${base}/referrals`)).json<Referral[]>().map((r) => r.id);
    expect(left).to.deep.equal([sent.id]);
    const timeline = (await cw().get(`${base}/timeline`)).json<{ summary: string }[]>();
    expect(timeline.some((e) => e.summary.startsWith('Conceptverwijzing naar'))).to.equal(true);
    // The database itself keeps a sent referral, whatever the application asks.
    const municipalityId = (
      await t.db.admin.query('select municipality_id from case_file where id = $1', [c.id])
    ).rows[0].municipality_id as string;
    const asApp = new pg.Client({ connectionString: t.db.appUrl });
    await asApp.connect();
    try {
      await asApp.query('begin');
      // eslint-disable-next-line no-restricted-syntax -- the app role as the unit of work sets it up
      await asApp.query(`select set_config('app.municipality_id', $1, true)`, [municipalityId]);
      const visible = await asApp.query('select 1 from referral where id = $1', [sent.id]);
      expect(visible.rowCount, 'the app role sees the referral').to.equal(1);
      const result = await asApp.query('delete from referral where id = $1', [sent.id]);
      expect(result.rowCount).to.equal(0);
      await asApp.query('rollback');
    } finally {
      await asApp.end();
    }
  });

  it('closing a case withdraws its running referral, drops its open actions and tells the partner', async () => {
    const c = await openCase();
    const base = `/api/v1/cases/${c.id}`;
    const r = (
      await cw().send('POST', `${base}/referrals`, {
        partnerId: partner('werkbedrijf').id,
        mode: 'self',
        followUpOn: today(),
      })
    ).json<Referral>();
    expect(
      (await cw().send('POST', `${base}/referrals/${r.id}/status`, { status: 'sent' })).status,
    ).to.equal(200);
    const action = await cw().send('POST', `${base}/actions`, {
      title: 'Terugbellen',
      dueOn: today(),
    });
    expect(action.status, action.text).to.equal(201);
    await t.db.admin.query(`update case_action set due_on = current_date - 2 where case_id = $1`, [
      c.id,
    ]);
    const overdueBefore = (await cw().get('/api/v1/action-counts')).json<{
      mineOverdue: number;
    }>();
    await t.db.admin.query(
      `update partner_organisation set email = 'werkbedrijf@example.org' where code = 'werkbedrijf'`,
    );
    // Without the choice to end what runs, closing names the referral and changes nothing.
    const refused = await cw().send('POST', `${base}/closure`, {
      outcome: 'business_continued_without_bbz',
    });
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('verwijzing naar WerkBedrijf Rijk van Nijmegen');
    const closed = await cw().send('POST', `${base}/closure`, {
      outcome: 'business_continued_without_bbz',
      endRunning: true,
    });
    expect(closed.status, closed.text).to.equal(200);
    const referral = (await cw().get(`${base}/referrals`))
      .json<Referral[]>()
      .find((x) => x.id === r.id)!;
    expect(referral.status).to.equal('not_realised');
    const actions = (await cw().get(`${base}/actions`)).json<{ status: string }[]>();
    expect(actions.every((a) => a.status !== 'open')).to.equal(true);
    const overdueAfter = (await cw().get('/api/v1/action-counts')).json<{ mineOverdue: number }>();
    expect(overdueAfter.mineOverdue).to.equal(overdueBefore.mineOverdue - 1);
    // The partner sees it withdrawn and can no longer move it.
    const partnerAgent = t.agent('werkbedrijf-partner');
    const seen = (await partnerAgent.get('/api/v1/partner/referrals'))
      .json<PartnerReferral[]>()
      .find((x) => x.id === r.id)!;
    expect(seen.status).to.equal('not_realised');
    expect(
      (
        await partnerAgent.send('POST', `/api/v1/partner/referrals/${r.id}/status`, {
          status: 'started',
        })
      ).status,
    ).to.equal(409);
    // The partner's notification address hears of it, without personal data.
    const mail = await t.db.admin.query(
      `select to_address, text_body from mail_outbox where purpose = 'referral-withdrawn'`,
    );
    expect(mail.rows).to.have.length(1);
    expect(mail.rows[0].to_address).to.equal('werkbedrijf@example.org');
    expect(mail.rows[0].text_body).to.not.contain(c.entrepreneur.name);
  });
});
