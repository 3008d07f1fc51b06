import { expect } from 'chai';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { perturb, recordKey } from '../../../test/cell-key.ts';

/**
 * The cell key method's building blocks in SQL (`db/figures-sql/cell-key.sql.ts`), checked
 * against an independent implementation and for the properties the protection rests on.
 */
describe('cell key perturbation (figures.perturb, figures.record_key)', () => {
  let db: TestDatabase;
  let table: { c: number; k: number; v: number }[];
  before(async () => {
    db = await createTestDatabase();
    table = (
      await db.admin.query<{ c: number; k: number; v: number }>(
        `select c, k, figures.perturb(c, k) as v from generate_series(0, 60) c, generate_series(0, 255) k`,
      )
    ).rows;
  });
  after(() => db.drop());

  it('gives every count and key the change of the published table', () => {
    for (const { c, k, v } of table) expect(v, `${c}/${k}`).to.equal(perturb(c, k));
  });

  it('changes a count by at most 2, never below 0, and keeps 0 as 0', () => {
    for (const { c, v } of table) {
      expect(Math.abs(v - c)).to.be.at.most(2);
      expect(v).to.be.at.least(0);
      if (c === 0) expect(v).to.equal(0);
    }
  });

  it('adds nothing on average, so sums over many cells stay true', () => {
    for (let c = 1; c <= 60; c++) {
      const mean = table.filter((r) => r.c === c).reduce((s, r) => s + r.v - c, 0) / 256;
      expect(Math.abs(mean), String(c)).to.be.below(0.05);
    }
  });

  it('never shows a value that only one count can give', () => {
    // Every published value from 0 to 58 comes from at least two different counts.
    for (let v = 0; v <= 58; v++) {
      const from = new Set(table.filter((r) => r.v === v).map((r) => r.c));
      expect(from.size, `value ${v}`).to.be.at.least(2);
    }
  });

  it('computes the same record key as the independent implementation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uuid(),
        fc.string({ minLength: 1, maxLength: 64 }),
        async (id, secret) => {
          const r = await db.admin.query<{ k: number }>('select figures.record_key($1, $2) as k', [
            secret,
            id,
          ]);
          expect(r.rows[0]!.k).to.equal(recordKey(secret, id));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the secret from the application role', async () => {
    const app = await db.dataSource.query('select 1').then(() =>
      db.dataSource.query('select secret from figures.cell_key_secret').then(
        () => 'read',
        (e: Error) => e.message,
      ),
    );
    expect(app).to.match(/permission denied/);
  });
});
