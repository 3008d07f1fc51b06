import {
  DATA_CATEGORIES,
  REFERRAL_STATUSES,
  referralTransition,
  type Consent,
  type DataCategory,
  type Partner,
  type Referral,
  type ReferralStatus,
} from '@herorientatie/domain';

/** Who pays for debt restructuring, as the caseworker reads it. */
export const COST_BEARER_LABELS: Record<NonNullable<Referral['costBearer']>, string> = {
  bbz_credit: 'Bbz-bedrijfskrediet',
  municipality: 'gemeente',
};

/** What the referral may become next, in the order of its life. */
export function nextStatuses(from: ReferralStatus): ReferralStatus[] {
  return REFERRAL_STATUSES.filter((to) => referralTransition(from, to).ok);
}

/** The consents for a partner that still hold (not withdrawn). */
export function validConsents(consents: readonly Consent[], partnerId: string): Consent[] {
  return consents.filter((c) => c.partnerId === partnerId && c.withdrawnAt === null);
}

/** Every category some valid consent for the partner covers, in the fixed order. */
export function consentedCategories(
  consents: readonly Consent[],
  partnerId: string,
): DataCategory[] {
  const covered = new Set(validConsents(consents, partnerId).flatMap((c) => c.categories));
  return DATA_CATEGORIES.filter((c) => covered.has(c));
}

/** What the wizard ticks at first: what the partner needs, as far as it is consented. */
export function preselectedCategories(
  partner: Pick<Partner, 'requiredCategories'>,
  consents: readonly Consent[],
  partnerId: string,
): DataCategory[] {
  const consented = consentedCategories(consents, partnerId);
  return partner.requiredCategories.filter((c) => consented.includes(c));
}

/** The partner's required categories no valid consent covers yet. */
export function missingCategories(
  partner: Pick<Partner, 'requiredCategories'>,
  consents: readonly Consent[],
  partnerId: string,
): DataCategory[] {
  const consented = consentedCategories(consents, partnerId);
  return partner.requiredCategories.filter((c) => !consented.includes(c));
}

/** A date some days after the given one (YYYY-MM-DD), e.g. a follow-up in two weeks. */
export function daysAfter(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
