import type { CampaignDetail, CampaignSummary } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { municipality } from '../../../../test/factories.ts';
import { actors } from '../../../context/actor.ts';
import { currentManager } from '../../../db/unit-of-work.ts';

describe('campaigns: the regional campaign and local campaigns', () => {
  const t = useTestApp({
    logins: [
      'nijmegen-coordinator',
      'nijmegen-manager',
      'nijmegen-caseworker',
      'wijchen-coordinator',
      'wijchen-manager',
      'wijchen-caseworker',
      'beuningen-manager',
    ],
  });
  const agent = (name: string) => t.agent(name);
  let regional: CampaignDetail;

  before(async () => {
    const created = await agent('nijmegen-coordinator').send(
      'POST',
      '/api/v1/campaigns?level=regional',
      {
        name: 'Heroriëntatie Rijk van Nijmegen 2021',
        periodStart: '2021-05-01',
        periodEnd: '2021-09-30',
        targetSegments: ['non_tozo', 'hospitality'],
        budgetCents: 2_750_000,
      },
    );
    expect(created.status, created.text).to.equal(201);
    regional = created.json<CampaignDetail>();
  });

  it('is created by the coordinator of the centre municipality and read by every member', async () => {
    expect(regional).to.include({
      level: 'regional',
      budgetCents: 2_750_000,
      remainingCents: 2_750_000,
      canManage: true,
    });
    for (const reader of ['wijchen-caseworker', 'wijchen-manager', 'nijmegen-caseworker']) {
      const list = (await agent(reader).get('/api/v1/campaigns')).json<CampaignSummary[]>();
      const found = list.find((c) => c.id === regional.id);
      expect(found, reader).to.include({
        name: 'Heroriëntatie Rijk van Nijmegen 2021',
        canManage: false,
      });
    }
  });

  it('is changed only by that coordinator: not another member’s coordinator, not a Nijmegen caseworker', async () => {
    for (const who of ['wijchen-coordinator', 'nijmegen-caseworker', 'wijchen-manager']) {
      const r = await agent(who).send('POST', `/api/v1/campaigns/${regional.id}/channels`, {
        kind: 'radio',
        name: 'Radio Gelderland',
      });
      expect(r.status, who).to.equal(403);
      const b = await agent(who).send('POST', `/api/v1/campaigns/${regional.id}/budget-changes`, {
        budgetCents: 1,
        reason: 'kaping',
      });
      expect(b.status, who).to.equal(403);
    }
    expect(
      (
        await agent('wijchen-coordinator').send('POST', '/api/v1/campaigns?level=regional', {
          name: 'Tweede',
          periodStart: '2021-05-01',
          periodEnd: '2021-06-01',
          budgetCents: 100,
        })
      ).status,
    ).to.equal(403);
  });

  it('is refused at database level to another member’s coordinator and to a Nijmegen caseworker', async () => {
    const nijmegen = await municipality(t.db.admin, 'GM0268');
    const wijchen = await municipality(t.db.admin, 'GM0296');
    const userOf = async (subject: string) =>
      (await t.db.admin.query('select id, name from app_user where subject = $1', [subject]))
        .rows[0];
    for (const [m, subject, roles, isCentre] of [
      [wijchen, 'wijchen-coordinator', ['coordinator'], false],
      [nijmegen, 'nijmegen-caseworker', ['caseworker'], true],
    ] as const) {
      const u = await userOf(subject);
      const actor = actors.user({
        id: u.id,
        subject,
        name: u.name,
        email: null,
        municipalityId: m.id,
        municipalityCode: m.code,
        regionId: m.regionId,
        isCentre,
        roles: [...roles],
      });
      let error: Error | undefined;
      try {
        await t.app.uow.run(actor, () =>
          currentManager().query(
            `insert into campaign_expenditure (region_id, campaign_id, amount_cents, spent_on, supplier, recorded_by, recorded_by_name)
             values ($1, $2, 100, current_date, 'x', $3, 'x')`,
            [m.regionId, regional.id, u.id],
          ),
        );
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, subject).to.match(/row-level security/);
      const [, changed] = await t.app.uow.run(actor, () =>
        currentManager().query(`update campaign set budget_cents = 1 where id = $1`, [regional.id]),
      );
      expect(changed, subject).to.equal(0);
    }
    const budget = await t.db.admin.query('select budget_cents from campaign where id = $1', [
      regional.id,
    ]);
    expect(Number(budget.rows[0].budget_cents)).to.equal(2_750_000);
  });

  it('keeps every budget change with who and why', async () => {
    const r = await agent('nijmegen-coordinator').send(
      'POST',
      `/api/v1/campaigns/${regional.id}/budget-changes`,
      {
        budgetCents: 3_000_000,
        reason: 'Bijdrage van Wijchen en Beuningen',
      },
    );
    expect(r.status, r.text).to.equal(201);
    const detail = r.json<CampaignDetail>();
    expect(detail.budgetCents).to.equal(3_000_000);
    expect(detail.budgetChanges).to.have.length(1);
    expect(detail.budgetChanges[0]).to.include({
      oldCents: 2_750_000,
      newCents: 3_000_000,
      reason: 'Bijdrage van Wijchen en Beuningen',
      changedByName: 'Coördinator Nijmegen',
    });
    const missing = await agent('nijmegen-coordinator').send(
      'POST',
      `/api/v1/campaigns/${regional.id}/budget-changes`,
      {
        budgetCents: 2_750_000,
      },
    );
    expect(missing.status).to.equal(400);
  });

  it('gives each channel a code, a sign-up link and a QR code', async () => {
    const r = await agent('nijmegen-coordinator').send(
      'POST',
      `/api/v1/campaigns/${regional.id}/channels`,
      {
        kind: 'social_media',
        name: 'Facebook en Instagram mei',
        budgetCents: 1_000_000,
      },
    );
    expect(r.status, r.text).to.equal(201);
    const channel = r.json<CampaignDetail>().channels[0]!;
    expect(channel.code).to.match(/^SOC-[A-Z2-9]{5}$/);
    expect(channel.signUpUrl).to.equal(`${t.app.baseUrl}/aanmelden?campagne=${channel.code}`);
    const qr = await agent('wijchen-caseworker').get(
      `/api/v1/campaigns/${regional.id}/channels/${channel.id}/qr-code`,
    );
    expect(qr.status).to.equal(200);
    expect(qr.headers.get('content-type')).to.match(/image\/svg\+xml/);
    expect(qr.text).to.match(/^<svg/);
  });

  it('refuses an expenditure beyond the budget unless a manager overrides it with a reason', async () => {
    const base = `/api/v1/campaigns/${regional.id}/expenditures`;
    const spend = (who: string, amountCents: number, overrideReason?: string) =>
      agent(who).send('POST', base, {
        amountCents,
        spentOn: '2021-05-10',
        supplier: 'De Gelderlander',
        invoiceReference: 'F-2021-117',
        ...(overrideReason ? { overrideReason } : {}),
      });
    const first = await spend('nijmegen-coordinator', 2_900_000);
    expect(first.status, first.text).to.equal(201);
    expect(first.json<CampaignDetail>().remainingCents).to.equal(100_000);
    const over = await spend('nijmegen-coordinator', 150_000);
    expect(over.status).to.equal(409);
    expect(over.json<{ detail: string }>().detail).to.contain('€ 1.000,00');
    expect((await spend('nijmegen-coordinator', 150_000, 'Extra advertentie')).status).to.equal(
      403,
    );
    expect((await spend('wijchen-manager', 150_000, 'Extra advertentie')).status).to.equal(403);
    const overridden = await spend(
      'nijmegen-manager',
      150_000,
      'Extra advertentie na besluit stuurgroep',
    );
    expect(overridden.status, overridden.text).to.equal(201);
    expect(overridden.json<CampaignDetail>().remainingCents).to.equal(-50_000);
    const audited = await t.db.admin.query(
      `select reason from audit_log where object_type = 'campaign-expenditure' and reason like 'budget overschreden%'`,
    );
    expect(audited.rows[0].reason).to.equal(
      'budget overschreden: Extra advertentie na besluit stuurgroep',
    );
  });

  it('keeps a local campaign to its own municipality and its manager', async () => {
    const created = await agent('wijchen-manager').send('POST', '/api/v1/campaigns?level=local', {
      name: 'Bedrijventerreinen Wijchen',
      periodStart: '2021-09-01',
      periodEnd: '2021-10-31',
      targetSegments: ['business_parks'],
      budgetCents: 500_000,
    });
    expect(created.status, created.text).to.equal(201);
    const local = created.json<CampaignDetail>();
    expect(local).to.include({ level: 'local', municipalityName: 'Wijchen', canManage: true });
    const seenBy = async (who: string) =>
      (await agent(who).get('/api/v1/campaigns'))
        .json<CampaignSummary[]>()
        .some((c) => c.id === local.id);
    expect(await seenBy('wijchen-caseworker')).to.equal(true);
    expect(await seenBy('nijmegen-coordinator')).to.equal(false);
    expect(await seenBy('beuningen-manager')).to.equal(false);
    expect((await agent('beuningen-manager').get(`/api/v1/campaigns/${local.id}`)).status).to.equal(
      404,
    );
    expect(
      (
        await agent('wijchen-caseworker').send('POST', `/api/v1/campaigns/${local.id}/channels`, {
          kind: 'accountants',
          name: 'Boekhouders',
        })
      ).status,
    ).to.equal(403);
    const channel = await agent('wijchen-manager').send(
      'POST',
      `/api/v1/campaigns/${local.id}/channels`,
      {
        kind: 'events',
        name: 'Ontbijtsessie bedrijventerrein',
      },
    );
    const channelId = channel.json<CampaignDetail>().channels[0]!.id;
    const reach = await agent('wijchen-manager').send(
      'POST',
      `/api/v1/campaigns/${local.id}/reach`,
      {
        channelId,
        periodStart: '2021-09-01',
        periodEnd: '2021-09-30',
        attendees: 34,
      },
    );
    expect(reach.status, reach.text).to.equal(201);
    expect(reach.json<CampaignDetail>().reach[0]).to.include({ attendees: 34, impressions: null });
  });
});
