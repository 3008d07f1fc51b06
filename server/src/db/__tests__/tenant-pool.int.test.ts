import { expect } from 'chai';
import { entities } from '../../entities.ts';
import { createAppDataSource } from '../data-source.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createUser, municipality, systemActor } from '../../../test/factories.ts';
import { currentManager, currentMunicipalityId, TenantUnitOfWork } from '../unit-of-work.ts';

describe('tenant setting on a shared connection pool', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  it('never lets a unit of work see another tenant, with many concurrent ones on 3 connections', async () => {
    const codes = ['GM0268', 'GM0296', 'GM1945', 'GM0209', 'GM0225', 'GM0252', 'GM0944'];
    const municipalities = await Promise.all(codes.map((c) => municipality(db.admin, c)));
    for (const m of municipalities) {
      for (let i = 0; i < 3; i++) await createUser(db.admin, m.id);
    }
    const small = createAppDataSource(db.appUrl, 3, entities);
    await small.initialize();
    try {
      const uow = new TenantUnitOfWork(small);
      const runs = Array.from(
        { length: 400 },
        (_, i) => municipalities[i % municipalities.length]!,
      );
      const seen = await Promise.all(
        runs.map((m, i) =>
          uow.run(systemActor(m), async () => {
            // Interleave: yield between statements so transactions overlap on the pool.
            const first = await currentManager().query(
              'select distinct municipality_id from app_user',
            );
            if (i % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
            const second = await currentManager().query(
              `select current_setting('app.municipality_id') as tenant, count(*)::int as n from app_user`,
            );
            return { expected: m.id, context: currentMunicipalityId(), first, second: second[0] };
          }),
        ),
      );
      for (const s of seen) {
        expect(s.first.map((r: { municipality_id: string }) => r.municipality_id)).to.deep.equal([
          s.expected,
        ]);
        expect(s.second.tenant).to.equal(s.expected);
        expect(s.second.n).to.equal(3);
        expect(s.context).to.equal(s.expected);
      }
      // After all that, a connection from the pool carries no tenant.
      const leftovers = await small.query(`select count(*)::int as n from app_user`);
      expect(leftovers[0].n).to.equal(0);
    } finally {
      await small.destroy();
    }
  });
});
