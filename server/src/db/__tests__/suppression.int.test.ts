import { expect } from 'chai';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';

/**
 * figures.suppress decides what figures across municipalities may show. Property: for any
 * counts, no shown count of another municipality is under the threshold, and nothing hidden
 * can be found by subtracting shown cells from a shown total.
 */
describe('small-cell suppression (figures.suppress)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  const suppress = async (values: number[], known: boolean[], threshold: number) => {
    const r = await db.admin.query('select figures.suppress($1::int[], $2::boolean[], $3) as h', [
      values,
      known,
      threshold,
    ]);
    const flags: boolean[] = r.rows[0].h;
    return { cells: flags.slice(0, values.length), total: flags[values.length]! };
  };

  it('hides small counts, a second cell, and enough to protect them', async () => {
    expect(await suppress([30, 12, 2, 9, 7, 6, 8], [], 5)).to.deep.equal({
      cells: [false, false, true, false, false, true, false],
      total: false,
    });
    // Six zeros and one 20: the zeros would follow from the total, so 20 is hidden too.
    expect((await suppress([20, 0, 0, 0, 0, 0, 0], [], 5)).cells).to.deep.equal(
      Array(7).fill(true),
    );
    // The own municipality is known: it stays shown, and the total hides the other's 2.
    expect(await suppress([20, 2], [true, false], 5)).to.deep.equal({
      cells: [false, true],
      total: true,
    });
  });

  it('never lets a hidden count be derived, for any counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 9 }),
        fc.nat({ max: 8 }),
        fc.integer({ min: 3, max: 10 }),
        async (values, ownIndex, threshold) => {
          const known = values.map((_, i) => i === ownIndex);
          const { cells, total } = await suppress(values, known, threshold);
          values.forEach((v, i) => {
            if (known[i]) expect(cells[i], 'a known cell stays shown').to.equal(false);
            else if (!cells[i]) expect(v).to.be.at.least(threshold);
          });
          const hidden = values.filter((_, i) => cells[i]);
          const sum = values.reduce((a, b) => a + b, 0);
          if (!total) {
            expect(sum).to.be.at.least(threshold);
            // With the total shown, the hidden cells are at least two and sum to at least the threshold.
            if (hidden.length > 0) {
              expect(hidden.length).to.be.at.least(2);
              expect(hidden.reduce((a, b) => a + b, 0)).to.be.at.least(threshold);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
