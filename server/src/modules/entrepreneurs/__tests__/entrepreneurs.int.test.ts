import { expect } from 'chai';
import type { CaseDetail, Entrepreneur } from '@herorientatie/domain';
import { Agent } from '../../../../test/agent.ts';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { bsn, kvk, registration } from '../../../../test/case-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';

describe('entrepreneurs API', () => {
  let db: TestDatabase;
  let app: TestApp;
  let cw: Agent;

  before(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db);
    cw = new Agent(app.baseUrl);
    await cw.login('wijchen-caseworker');
  });
  after(async () => {
    await app.stop();
    await db.drop();
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
    const stored = await db.admin.query('select bsn from entrepreneur where id = $1', [
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
