import { expect } from 'chai';
import type { CaseDetail } from '@herorientatie/domain';
import { Agent } from '../../../../test/agent.ts';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { registration } from '../../../../test/case-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';

describe('Idempotency-Key lifetime', () => {
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

  const create = (key: string) =>
    cw.request('POST', '/api/v1/cases', {
      body: registration(),
      headers: { 'x-csrf-token': cw.csrfToken!, 'idempotency-key': key },
    });

  it('forgets a key after 24 hours, so it can be used for a new request', async () => {
    const first = await create('dag-oud');
    expect(first.status).to.equal(201);
    await db.admin.query(
      `update idempotency_key set created_at = now() - interval '25 hours' where key = 'dag-oud'`,
    );
    const second = await create('dag-oud');
    expect(second.status).to.equal(201);
    expect(second.headers.get('idempotent-replayed')).to.equal(null);
    expect(second.json<CaseDetail>().id).to.not.equal(first.json<CaseDetail>().id);
    const keys = await db.admin.query(
      `select count(*)::int as n from idempotency_key where key = 'dag-oud'`,
    );
    expect(keys.rows[0].n).to.equal(1);
  });

  it('rejects a malformed key with a Dutch 400', async () => {
    const result = await create('sleutel met spaties');
    expect(result.status).to.equal(400);
    expect(result.json<{ errors: { name: string }[] }>().errors[0]!.name).to.equal(
      'Idempotency-Key',
    );
  });
});
