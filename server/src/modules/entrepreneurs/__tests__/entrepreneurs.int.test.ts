import { expect } from 'chai';
import type { CaseDetail, Entrepreneur } from '@herorientatie/domain';
import type { Agent } from '../../../../test/agent.ts';
import { useTestApp } from '../../../../test/app.ts';
import { bsn, kvk, registration } from '../../../../test/case-fixtures.ts';

describe('entrepreneurs API', () => {
  const t = useTestApp({ logins: ['wijchen-caseworker'] });
  let cw: Agent;
  before(() => {
    cw = t.agent('wijchen-caseworker');
  });

  it('changes the data and keeps the stored BSN when none is sent', async () => {
    const citizen = bsn();
    const c = (
      await cw.send('POST', '/api/v1/cases', registration({}, { bsn: citizen }))
    ).json<CaseDetail>();
    const { bsn: _omit, ...withoutBsn } = registration(
      {},
      { name: 'Nieuwe Naam', kvkNumber: c.entrepreneur.kvkNumber },
    ).entrepreneur as Record<string, unknown>;
    const result = await cw.send('PUT', `/api/v1/entrepreneurs/${c.entrepreneurId}`, withoutBsn);
    expect(result.status, result.text).to.equal(200);
    expect(result.json<Entrepreneur>()).to.include({
      name: 'Nieuwe Naam',
      bsnMasked: `******${citizen.slice(-3)}`,
    });
    const stored = await t.db.admin.query('select bsn from entrepreneur where id = $1', [
      c.entrepreneurId,
    ]);
    expect(stored.rows[0].bsn).to.equal(citizen);
  });

  it('refuses to give an entrepreneur the KvK number of another', async () => {
    const a = (await cw.send('POST', '/api/v1/cases', registration())).json<CaseDetail>();
    const b = (await cw.send('POST', '/api/v1/cases', registration())).json<CaseDetail>();
    const result = await cw.send('PUT', `/api/v1/entrepreneurs/${b.entrepreneurId}`, {
      ...registration().entrepreneur,
      kvkNumber: a.entrepreneur.kvkNumber,
    });
    expect(result.status).to.equal(409);
    expect(
      (await cw.get(`/api/v1/entrepreneurs/${b.entrepreneurId}`)).json<Entrepreneur>().kvkNumber,
    ).to.equal(b.entrepreneur.kvkNumber);
  });

  it('finds entrepreneurs by name or KvK number', async () => {
    const number = kvk();
    await cw.send(
      'POST',
      '/api/v1/cases',
      registration({}, { name: 'Vindbare Ondernemer', kvkNumber: number }),
    );
    expect(
      (await cw.get('/api/v1/entrepreneurs?q=vindbare'))
        .json<Entrepreneur[]>()
        .map((e) => e.kvkNumber),
    ).to.deep.equal([number]);
    expect(
      (await cw.get(`/api/v1/entrepreneurs?q=${number}`)).json<Entrepreneur[]>(),
    ).to.have.length(1);
  });
});
