import type { CampaignAttribution, CampaignDetail } from '@herorientatie/domain';
import { expect } from 'chai';
import { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';

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
  });

  it('shows the own municipality in full and others only above the threshold', async () => {
    const r = await t
      .agent('wijchen-caseworker')
      .get(`/api/v1/campaigns/${campaign.id}/attribution`);
    expect(r.status, r.text).to.equal(200);
    const figure = r.json<CampaignAttribution>();
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m]));
    expect(byName.Wijchen).to.deep.include({ own: true, signUps: { value: 9, suppressed: false } });
    expect(byName.Beuningen!.signUps).to.deep.equal({ value: null, suppressed: true });
    // Beuningen's 2 and four zeros hide only 2 together: Nijmegen's 14 is hidden as well, so
    // the total minus Wijchen gives 16 for the hidden municipalities together, not one of them.
    expect(byName.Nijmegen!.signUps).to.deep.equal({ value: null, suppressed: true });
    for (const m of figure.municipalities) {
      if (!m.own && !m.signUps.suppressed) expect(m.signUps.value).to.be.at.least(figure.threshold);
    }
    expect(figure.total.signUps).to.deep.equal({ value: 25, suppressed: false });
  });

  it('gives cost per sign-up only where its base reaches the threshold', async () => {
    const figure = (
      await t.agent('nijmegen-analyst').get(`/api/v1/campaigns/${campaign.id}/attribution`)
    ).json<CampaignAttribution>();
    const radio = figure.channels.find((c) => c.name === 'Radio')!;
    expect(radio.signUps).to.deep.equal({ value: 16, suppressed: false });
    expect(radio.costPerSignUpCents).to.equal(37_500);
    const paper = figure.channels.find((c) => c.name === 'De Gelderlander')!;
    expect(paper.signUps.suppressed).to.equal(true);
    expect(paper.costPerSignUpCents).to.equal(null);
    // The analyst sees no municipality's own cases: Nijmegen's 14 shows, Wijchen's 9 is hidden
    // with the small ones so that they cannot be found from the total.
    const byName = Object.fromEntries(figure.municipalities.map((m) => [m.name, m.signUps]));
    expect(byName.Nijmegen).to.deep.equal({ value: 14, suppressed: false });
    expect(byName.Wijchen).to.deep.equal({ value: null, suppressed: true });
  });
});
