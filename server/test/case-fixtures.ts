import { isValidBsn } from '@herorientatie/domain';

let counter = 0;

/** A fresh 8-digit KvK number. */
export function kvk(): string {
  counter++;
  return String(10_000_000 + (((Date.now() % 1_000_000) * 100 + counter) % 89_999_999)).slice(0, 8);
}

/** A fresh BSN that passes the 11-check. */
export function bsn(): string {
  for (;;) {
    const first8 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const sum = first8.split('').reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
    const check = sum % 11;
    if (check <= 9 && isValidBsn(first8 + check)) return first8 + check;
  }
}

export function registration(
  overrides: Record<string, unknown> = {},
  entrepreneur: Record<string, unknown> = {},
) {
  return {
    source: 'tozo_outreach',
    sourceDetail: 'Tweede benaderingsronde',
    urgency: 'high',
    otherSupport: 'none',
    entrepreneur: {
      name: 'Fatima el Amrani',
      email: 'fatima@example.org',
      phone: '06 12345678',
      postcode: '6602ab',
      houseNumber: '12a',
      businessName: 'Kapsalon Fatima',
      kvkNumber: kvk(),
      legalForm: 'eenmanszaak',
      sbiCode: '9602',
      businessStartDate: '2015-03-01',
      tozoPeriods: ['tozo1', 'tozo3'],
      partnerIncome: 'no',
      ...entrepreneur,
    },
    ...overrides,
  };
}

export const intake = (overrides: Record<string, unknown> = {}) => ({
  date: new Date().toISOString().slice(0, 10),
  mode: 'face_to_face',
  viability: 'viable_with_changes',
  sectorProspects: 'Herstel na lockdown verwacht',
  bbzOptions: ['business_credit'],
  recommendedRoutes: ['strengthen_business', 'employment'],
  findings: 'Omzet halveerde; vaste lasten te hoog.',
  ...overrides,
});

/** Self-check answers that the assessment calls acute (no income, costs unpaid, arrears). */
export const ACUTE_SELF_CHECK = {
  income: 'much_lower',
  fixedCosts: 'no',
  arrears: 'yes',
  otherSupport: 'none',
  wish: 'continue',
} as const;
