import type { Consent, DataCategory } from '@herorientatie/domain';
import { expect } from 'chai';
import { STALE_AFTER } from '../api/invalidation.ts';
import {
  consentedCategories,
  daysAfter,
  missingCategories,
  nextStatuses,
  preselectedCategories,
  validConsents,
} from '../pages/referrals/referral-helpers.ts';

const PARTNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const consent = (overrides: Partial<Consent>): Consent => ({
  id: crypto.randomUUID(),
  partnerId: PARTNER,
  partnerName: 'Leerwerkloket',
  categories: ['contact'],
  givenHow: 'in_conversation',
  givenOn: '2026-11-01',
  documentId: null,
  recordedByName: 'Consulent',
  withdrawnAt: null,
  withdrawnReason: null,
  ...overrides,
});

describe('referral helpers', () => {
  it('offers the steps of the lifecycle that are allowed next', () => {
    expect(nextStatuses('draft')).to.deep.equal(['sent']);
    expect(nextStatuses('sent')).to.deep.equal(['received', 'not_realised']);
    expect(nextStatuses('started')).to.deep.equal(['completed', 'not_realised']);
    expect(nextStatuses('completed')).to.deep.equal([]);
  });

  it('counts only consents for the partner that were not withdrawn', () => {
    const consents = [
      consent({ categories: ['contact'] }),
      consent({ categories: ['bsn'], withdrawnAt: '2026-11-02T10:00:00.000Z' }),
      consent({ partnerId: OTHER, categories: ['business'] }),
      consent({ categories: ['business', 'contact'] }),
    ];
    expect(validConsents(consents, PARTNER)).to.have.length(2);
    expect(consentedCategories(consents, PARTNER)).to.deep.equal(['contact', 'business']);
  });

  it('preselects what the partner needs and is consented, and names what is still missing', () => {
    const consents = [consent({ categories: ['contact', 'situation'] })];
    const needs = { requiredCategories: ['contact', 'business'] as DataCategory[] };
    expect(preselectedCategories(needs, consents, PARTNER)).to.deep.equal(['contact']);
    expect(missingCategories(needs, consents, PARTNER)).to.deep.equal(['business']);
    expect(preselectedCategories(needs, [], PARTNER)).to.deep.equal([]);
  });

  it('counts days across month ends for the follow-up date', () => {
    expect(daysAfter('2026-11-27', 14)).to.equal('2026-12-11');
    expect(daysAfter('2026-12-25', 10)).to.equal('2027-01-04');
  });
});

describe('what a referral change makes stale', () => {
  it('refreshes every view of the case and the stalled worklist the start page counts', () => {
    expect(STALE_AFTER.referralChange({ caseId: 'c1' })).to.deep.equal([
      ['case', 'c1'],
      ['referrals-stalled'],
    ]);
  });

  it("refreshes only the partner's own list after a partner's step", () => {
    expect(STALE_AFTER.partnerReferralChange()).to.deep.equal([['partner-referrals']]);
  });
});
