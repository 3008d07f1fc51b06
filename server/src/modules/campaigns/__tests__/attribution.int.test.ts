import type { CampaignAttribution, CampaignDetail } from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { protectedOf, shownAs } from '../../../../test/cell-key.ts';
import { refreshRegionalFigures } from '../../regional/regional.repository.ts';

describe('campaign attribution', () => {
  const t = useTestApp({
    logins: ['nijmegen-coordinator', 'wijchen-caseworker', 'nijmegen-analyst'],
    env: { SIGNUP_RATE_LIMIT: '100' },
  });
  let campaign: CampaignDetail;

  before(async () => {
    const coordinator = t.agent('nijmegen-coordinator');
    campaign = (
      await coordinator.send('POST', '/api/v1/campaigns?level=regional', {
        name: 'Regionale campagne',
        periodStart: '2021-05-01',
        periodEnd: '2021-09-30',
        budgetCents: 2_750_000,
      })
    ).json<CampaignDetail>();
    for (const [kind, name] of [
      ['radio', 'Radio'],
      ['newspaper', 'De Gelderlander'],
      ['website', 'Website'],
    ]) {
      campaign = (
        await coordinator.send('POST', `/api/v1/campaigns/${campaign.id}/channels`, { kind, name })
      ).json<CampaignDetail>();
    }
    const [radio, paper, website] = campaign.channels;
    await coordinator.send('POST', `/api/v1/campaigns/${campaign.id}/expenditures`, {
      channelId: radio!.id,
      amountCents: 600_000,
      spentOn: '2021-05-03',
      supplier: 'Omroep Gelderland',
    });
    const a = new Agent(t.app.baseUrl);
    let n = 0;
    const signUp = async (postcode: string, code: string) => {
      n++;
      const r = await a.send('POST', '/api/v1/public/sign-ups', {
        name: `Ondernemer ${n}`,
        businessName: `Bedrijf ${n}`,
        email: `o${n}@example.org`,
        postcode,
        kvkNumber: String(62_000_000 + n),
        privacyAccepted: true,
        campaignCode: code,
      });
      expect(r.status, r.text).to.equal(201);
    };
    // Radio: 6 in Wijchen, 8 in Nijmegen, 2 in Beuningen; newspaper: 3 in Wijchen;
    // website: 6 in Nijmegen. Four municipalities have none.
    for (let i = 0; i < 6; i++) await signUp('6602 AB', radio!.code);
    for (let i = 0; i < 8; i++) await signUp('6511 AA', radio!.code);
    for (let i = 0; i < 2; i++) await signUp('6641 AA', radio!.code);
    for (let i = 0; i < 3; i++) await signUp('6602 AB', paper!.code);
    for (let i = 0; i < 6; i++) await signUp('6512 AA', website!.code);
    // The campaign ran in 2021: its sign-ups lie in published months.
    await t.db.admin.query(
      `update case_file set registered_at = '2021-06-15' where campaign_code is not null`,
    );
    await refreshRegionalFigures(t.db.dataSource);
    signUpNow = signUp;
  });
  let signUpNow: (postcode: string, code: string) => Promise<void>;
  /** What another municipality's (or a channel's) sign-ups must show. */
  const published = async (where: string, param: string) =>
    (
      await protectedOf(
        t.db.admin,
        `select f.id, to_char(f.registered_at at time zone 'UTC', 'YYYY-MM') || f.campaign_code || f.municipality_id as cell
           from case_file f join municipality m on m.id = f.municipality_id
           join campaign_channel ch on ch.code = f.campaign_code
          where ch.campaign_id = '${campaign.id}' and ${where} = $1`,
        [param],
      )
    ).published;

  it('shows the own municipality in full and others as sums of protected cells', async () => {
    const r = await t
      .agent('wijchen-caseworker')
      .get(`/api/v1/campaigns/${campaign.id}/attribution`);
    expect(r.status, r.text).to.equal(200);
    const figure = r.json<CampaignAttribution>();
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m]));
    expect(byName.Wijchen).to.deep.include({ own: true, signUps: { value: 9, suppressed: false } });
    // Beuningen's 2 is never shown; Nijmegen's 14 is shown although its neighbours are small.
    expect(byName.Beuningen!.signUps).to.deep.equal({ value: null, suppressed: true });
    expect(byName.Nijmegen!.signUps).to.deep.equal(shownAs(await published('m.code', 'GM0268')));
    expect(byName.Nijmegen!.signUps.suppressed).to.equal(false);
    let total = 0;
    for (const code of ['GM0268', 'GM0296', 'GM0209']) total += await published('m.code', code);
    expect(figure.total.signUps).to.deep.equal(shownAs(total));
  });

  it('gives cost per sign-up only where its base reaches the threshold', async () => {
    const figure = (
      await t.agent('nijmegen-analyst').get(`/api/v1/campaigns/${campaign.id}/attribution`)
    ).json<CampaignAttribution>();
    const radio = figure.channels.find((c) => c.name === 'Radio')!;
    const radioSignUps = await published('ch.name', 'Radio');
    expect(radio.signUps).to.deep.equal(shownAs(radioSignUps));
    expect(radio.costPerSignUpCents).to.equal(Math.round(600_000 / radioSignUps));
    const paper = figure.channels.find((c) => c.name === 'De Gelderlander')!;
    expect(paper.signUps.suppressed).to.equal((await published('ch.name', 'De Gelderlander')) < 5);
    if (paper.signUps.suppressed) expect(paper.costPerSignUpCents).to.equal(null);
    // The analyst sees no municipality's own cases: Wijchen's 9 is protected like the others.
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m.signUps]));
    expect(byName.Wijchen).to.deep.equal(shownAs(await published('m.code', 'GM0296')));
  });

  it('moves nothing shown of others when the public signs up now (a tracker)', async () => {
    const before = (
      await t.agent('nijmegen-analyst').get(`/api/v1/campaigns/${campaign.id}/attribution`)
    ).json<CampaignAttribution>();
    const radio = campaign.channels[0]!;
    for (let i = 0; i < 3; i++) await signUpNow('6641 AA', radio.code);
    await refreshRegionalFigures(t.db.dataSource);
    const after = (
      await t.agent('nijmegen-analyst').get(`/api/v1/campaigns/${campaign.id}/attribution`)
    ).json<CampaignAttribution>();
    expect(after.municipalities).to.deep.equal(before.municipalities);
    expect(after.channels).to.deep.equal(before.channels);
    expect(after.total).to.deep.equal(before.total);
  });
});
