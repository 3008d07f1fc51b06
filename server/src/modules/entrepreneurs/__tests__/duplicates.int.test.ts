import type { CaseDetail, DuplicateCandidate } from '@herorientatie/domain';
import { expect } from 'chai';
import { useTestApp } from '../../../../test/app.ts';
import { registration } from '../../../../test/case-fixtures.ts';

describe('possible duplicates before registering', () => {
  const t = useTestApp({
    logins: ['wijchen-caseworker', 'nijmegen-caseworker', 'wijchen-manager'],
  });
  const cw = () => t.agent('wijchen-caseworker');
  const check = (agent: string, name: string, postcode: string) =>
    t
      .agent(agent)
      .get(
        `/api/v1/entrepreneurs/possible-duplicates?name=${encodeURIComponent(name)}&postcode=${encodeURIComponent(postcode)}`,
      );

  it('finds a similar name at the same postcode, with its case, and audits the lookup', async () => {
    const known = (
      await cw().send(
        'POST',
        '/api/v1/cases',
        registration({}, { name: 'Johannes van der Berg', postcode: '6603 AB' }),
      )
    ).json<CaseDetail>();
    await cw().send(
      'POST',
      '/api/v1/cases',
      registration({}, { name: 'Piet Anders', postcode: '6603AB' }),
    );
    const found = (await check('wijchen-caseworker', 'johannes vd berg', '6603ab')).json<
      DuplicateCandidate[]
    >();
    expect(found.map((f) => f.name)).to.deep.equal(['Johannes van der Berg']);
    expect(found[0]).to.include({ caseId: known.id, caseReference: known.reference });
    // Another postcode or a different name is not a duplicate.
    expect(
      (await check('wijchen-caseworker', 'Johannes van der Berg', '6604AB')).json(),
    ).to.deep.equal([]);
    expect((await check('wijchen-caseworker', 'Maria Jansen', '6603AB')).json()).to.deep.equal([]);
    const audit = await t.db.admin.query(
      `select object_ids from audit_log where object_type = 'entrepreneur-duplicates' order by occurred_at`,
    );
    expect(audit.rows[0].object_ids).to.deep.equal([known.entrepreneurId]);
  });

  it('never looks into another municipality and is only for those who register', async () => {
    const found = (await check('nijmegen-caseworker', 'Johannes van der Berg', '6603AB')).json();
    expect(found).to.deep.equal([]);
    expect((await check('wijchen-manager', 'Johannes van der Berg', '6603AB')).status).to.equal(
      403,
    );
    const bad = await check('wijchen-caseworker', 'Jo', 'geen postcode');
    expect(bad.status).to.equal(400);
    expect(bad.text).to.contain('postcode');
  });
});
