import {
  ConsentInputSchema,
  ConsentSchema,
  ConsentWithdrawalSchema,
  PartnerCreateSchema,
  PartnerInputSchema,
  PartnerReferralSchema,
  PartnerSchema,
  ReferralInputSchema,
  ReferralSchema,
  ReferralStatusInputSchema,
  type Consent,
  type Partner,
  type PartnerReferral,
  type Referral,
} from '@herorientatie/domain';
import { z } from 'zod';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

/** The partner organisations of the region: they change rarely. */
export const usePartners = createQueryHook<Partner[]>('partners', () => 'partners', {
  staleTime: 5 * 60_000,
});
// Under ['case', id], so anything recorded on the case refreshes them too.
export const useConsents = createQueryHook<Consent[], [string]>(
  'case',
  (caseId) => `cases/${caseId}/consents`,
);
export const useReferrals = createQueryHook<Referral[], [string]>(
  'case',
  (caseId) => `cases/${caseId}/referrals`,
);
export const useStalledReferrals = createQueryHook<Referral[]>(
  'referrals-stalled',
  () => 'referrals/stalled',
);
export const useStalledReferralCount = createQueryHook<{ stalled: number }>(
  'referrals-stalled',
  () => 'referral-counts',
);
export const usePartnerReferrals = createQueryHook<PartnerReferral[]>(
  'partner-referrals',
  () => 'partner/referrals',
);

type OfCase = { caseId: string };

export const useRecordConsent = createMutation({
  method: 'POST',
  path: ({ caseId }: OfCase) => `cases/${caseId}/consents`,
  input: ConsentInputSchema,
  output: z.array(ConsentSchema),
  invalidates: STALE_AFTER.referralChange,
  idempotent: true,
});
export const useWithdrawConsent = createMutation({
  method: 'POST',
  path: ({ caseId, consentId }: OfCase & { consentId: string }) =>
    `cases/${caseId}/consents/${consentId}/withdrawal`,
  input: ConsentWithdrawalSchema,
  output: z.array(ConsentSchema),
  invalidates: STALE_AFTER.referralChange,
});
export const useCreateReferral = createMutation({
  method: 'POST',
  path: ({ caseId }: OfCase) => `cases/${caseId}/referrals`,
  input: ReferralInputSchema,
  output: ReferralSchema,
  invalidates: STALE_AFTER.referralChange,
  idempotent: true,
});
export const useChangeReferralStatus = createMutation({
  method: 'POST',
  path: ({ caseId, referralId }: OfCase & { referralId: string }) =>
    `cases/${caseId}/referrals/${referralId}/status`,
  input: ReferralStatusInputSchema,
  output: ReferralSchema,
  invalidates: STALE_AFTER.referralChange,
});
export const useDiscardReferral = createMutation({
  method: 'DELETE',
  path: ({ caseId, referralId }: OfCase & { referralId: string }) =>
    `cases/${caseId}/referrals/${referralId}`,
  input: z.undefined(),
  output: z.undefined(),
  invalidates: STALE_AFTER.referralChange,
});
export const usePartnerReferralStatus = createMutation({
  method: 'POST',
  path: ({ referralId }: { referralId: string }) => `partner/referrals/${referralId}/status`,
  input: ReferralStatusInputSchema,
  output: PartnerReferralSchema,
  invalidates: STALE_AFTER.partnerReferralChange,
});

/** The centre municipality's administrator keeps the region's partner organisations. */
export const useCreatePartner = createMutation({
  method: 'POST',
  path: () => 'partners',
  input: PartnerCreateSchema,
  output: PartnerSchema,
  invalidates: () => [['partners']],
});
export const useUpdatePartner = createMutation({
  method: 'PUT',
  path: ({ partnerId }: { partnerId: string }) => `partners/${partnerId}`,
  input: PartnerInputSchema,
  output: PartnerSchema,
  invalidates: () => [['partners']],
});
