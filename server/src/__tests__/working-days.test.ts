import { expect } from 'chai';
import fc from 'fast-check';
import { addWorkingDays, isWorkingDay } from '../working-days.ts';

describe('working days (Dutch public holidays)', () => {
  it('skips weekends and public holidays', () => {
    // Thursday 2 April 2026 + 5: Good Friday is worked, Easter Monday is not.
    expect(addWorkingDays('2026-04-02', 5)).to.equal('2026-04-10');
    // Christmas: Thursday 24 December 2026 + 2 → Tuesday 29 December.
    expect(addWorkingDays('2026-12-24', 2)).to.equal('2026-12-29');
    expect(isWorkingDay('2026-04-27')).to.equal(false); // Koningsdag
    expect(isWorkingDay('2026-05-14')).to.equal(false); // Hemelvaartsdag
    expect(isWorkingDay('2026-12-07')).to.equal(true);
  });

  it('always lands on a working day, later than it started, within twice the count plus a week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 20 }),
        (start, n) => {
          const from = start.toISOString().slice(0, 10);
          const due = addWorkingDays(from, n);
          expect(isWorkingDay(due)).to.equal(true);
          const days = (Date.parse(due) - Date.parse(from)) / 86_400_000;
          expect(days)
            .to.be.at.least(n)
            .and.at.most(2 * n + 7);
        },
      ),
    );
  });
});
