import { expect } from 'chai';
import { dayAndTimeNl, dutchDay, formatDateNl, formatDateTimeNl, longDateNl } from '../dates.ts';

describe('dates in Dutch time', () => {
  it('shows a calendar date as that day, whatever the time zone', () => {
    expect(formatDateNl('2026-03-05')).to.equal('5 mrt 2026');
    expect(longDateNl('2026-03-05')).to.equal('5 maart 2026');
    expect(formatDateNl(null)).to.equal('—');
  });

  it('shows instants in Dutch time, winter and summer', () => {
    expect(formatDateTimeNl('2026-11-26T08:05:00Z')).to.equal('26 nov 2026, 09:05');
    expect(formatDateTimeNl('2026-07-01T08:05:00Z')).to.equal('1 jul 2026, 10:05');
    expect(dayAndTimeNl('2026-12-04T09:00:00Z')).to.equal('vrijdag 4 december 2026 om 10:00 uur');
  });

  it('knows which day it is in the Netherlands late in the UTC evening', () => {
    expect(dutchDay(new Date('2026-06-30T22:30:00Z'))).to.equal('2026-07-01');
    expect(dutchDay(new Date('2026-12-31T22:30:00Z'))).to.equal('2026-12-31');
    expect(dutchDay('2026-12-31T23:30:00Z')).to.equal('2027-01-01');
  });
});
