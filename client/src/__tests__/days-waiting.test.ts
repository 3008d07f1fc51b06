import { expect } from 'chai';
import { daysWaiting } from '../pages/CaseListPage.tsx';

describe('days waiting for an intake', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  it('counts whole days since the registration', () => {
    expect(daysWaiting('2026-11-20T09:00:00Z', now)).to.equal('wacht 13 dagen');
    expect(daysWaiting('2026-12-02T09:00:00Z', now)).to.equal('wacht 1 dag');
    expect(daysWaiting('2026-12-02T11:00:00Z', now)).to.equal('wacht 0 dagen');
  });
});
