import { expect } from 'chai';
import type { CaseDetail } from '@herorientatie/domain';
import { useTestApp } from '../../../../test/app.ts';
import { registration } from '../../../../test/case-fixtures.ts';

describe('Idempotency-Key lifetime', () => {
  const t = useTestApp({ logins: ['wijchen-caseworker'] });
  const cw = () => t.agent('wijchen-caseworker');

  const create = (key: string) =>
    cw().request('POST', '/api/v1/cases', {
      body: registration(),
      headers: { 'x-csrf-token': cw().csrfToken!, 'idempotency-key': key },
    });

  it('forgets a key after 24 hours, so it can be used for a new request', async () => {
    const first = await create('dag-oud');
    expect(first.status).to.equal(201);
    await t.db.admin.query(
      `update idempotency_key set created_at = now() - interval '25 hours' where key = 'dag-oud'`,
    );
    const second = await create('dag-oud');
    expect(second.status).to.equal(201);
    expect(second.headers.get('idempotent-replayed')).to.equal(null);
    expect(second.json<CaseDetail>().id).to.not.equal(first.json<CaseDetail>().id);
    const keys = await t.db.admin.query(
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
