import type { BbzRequest, CaseDetail, TonkApplication } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { intake, registration } from '../../../../test/case-fixtures.ts';

const application = (overrides: Record<string, unknown> = {}) => ({
  name: 'Kees van Dijk',
  email: 'kees@example.org',
  postcode: '6603 AB',
  selfEmployed: true,
  businessName: 'Kees Klussen',
  kvkNumber: '63456789',
  monthlyHousingCostsCents: 95_000,
  requestedCents: 285_000,
  periodFrom: '2021-01-01',
  periodTo: '2021-06-30',
  receivedOn: '2021-03-02',
  ...overrides,
});

describe('TONK and Bbz', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker', 'nijmegen-caseworker', 'wijchen-manager'],
  });
  const cw = () => t.agent('wijchen-caseworker');

  it('records a TONK application, decides it, and opens a case for a self-employed applicant in one step', async () => {
    const created = await cw().send('POST', '/api/v1/tonk-applications', application());
    expect(created.status, created.text).to.equal(201);
    const tonk = created.json<TonkApplication>();
    const decided = await cw().send('PUT', `/api/v1/tonk-applications/${tonk.id}/decision`, {
      decision: 'granted',
      grantedCents: 240_000,
      decidedOn: '2021-03-20',
    });
    expect(decided.json<TonkApplication>()).to.include({
      decision: 'granted',
      grantedCents: 240_000,
    });
    const opened = await cw().send('POST', `/api/v1/tonk-applications/${tonk.id}/case`);
    expect(opened.status, opened.text).to.equal(201);
    const c = opened.json<CaseDetail>();
    expect(c).to.include({ source: 'tonk_application', urgency: 'high' });
    expect(c.entrepreneur).to.include({ businessName: 'Kees Klussen', kvkNumber: '63456789' });
    expect((await cw().send('POST', `/api/v1/tonk-applications/${tonk.id}/case`)).status).to.equal(
      409,
    );
    const onCase = (await cw().get(`/api/v1/cases/${c.id}/tonk-bbz`)).json<{
      tonk: TonkApplication[];
    }>();
    expect(onCase.tonk.map((x) => x.id)).to.deep.equal([tonk.id]);
  });

  it('refuses a case for an applicant who is not self-employed, and keeps applications per municipality', async () => {
    const tonk = (
      await cw().send(
        'POST',
        '/api/v1/tonk-applications',
        application({ selfEmployed: false, businessName: undefined }),
      )
    ).json<TonkApplication>();
    expect((await cw().send('POST', `/api/v1/tonk-applications/${tonk.id}/case`)).status).to.equal(
      409,
    );
    expect(
      (await t.agent('nijmegen-caseworker').get('/api/v1/tonk-applications')).json<unknown[]>(),
    ).to.deep.equal([]);
    expect((await t.agent('wijchen-manager').get('/api/v1/tonk-applications')).status).to.equal(
      403,
    );
    const invalid = await cw().send(
      'POST',
      '/api/v1/tonk-applications',
      application({ periodTo: '2020-01-01' }),
    );
    expect(invalid.status).to.equal(400);
  });

  it('records Bbz requests and decisions on a case', async () => {
    const c = (await cw().send('POST', '/api/v1/cases', registration())).json<CaseDetail>();
    await cw().send('POST', `/api/v1/cases/${c.id}/intake`, intake());
    const missing = await cw().send('POST', `/api/v1/cases/${c.id}/bbz-requests`, {
      kind: 'business_credit',
      requestedOn: '2021-04-01',
    });
    expect(missing.status).to.equal(400);
    const request = (
      await cw().send('POST', `/api/v1/cases/${c.id}/bbz-requests`, {
        kind: 'business_credit',
        amountCents: 1_500_000,
        requestedOn: '2021-04-01',
      })
    ).json<BbzRequest>();
    const decided = await cw().send(
      'PUT',
      `/api/v1/cases/${c.id}/bbz-requests/${request.id}/decision`,
      {
        decision: 'granted',
        grantedCents: 1_200_000,
        decidedOn: '2021-05-01',
      },
    );
    expect(decided.json<BbzRequest>()).to.include({ decision: 'granted', grantedCents: 1_200_000 });
    expect(
      (await t.agent('nijmegen-caseworker').get(`/api/v1/cases/${c.id}/tonk-bbz`)).status,
    ).to.equal(404);
  });
});
