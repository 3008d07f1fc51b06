import { z } from 'zod';

// Validation messages in Dutch, for the server and the client alike.
z.config(z.locales.nl());

export * from './roles.ts';
export * from './permissions.ts';
export * from './text.ts';
export * from './dates.ts';
export * from './money.ts';
export * from './validators.ts';
export * from './addresses.ts';
export * from './me.ts';
export * from './problem.ts';
export * from './case-status.ts';
export * from './cases.ts';
export * from './case-records.ts';
export * from './sbi.ts';
export * from './announcements.ts';
export * from './figures.ts';
export * from './outreach.ts';
export * from './campaigns.ts';
export * from './support.ts';
export * from './self-check.ts';
export * from './sign-up.ts';
export * from './privacy.ts';
export * from './referrals.ts';
export * from './mail.ts';
export * from './tonk-bbz.ts';
export * from './finance.ts';
export * from './case-work.ts';
export * from './letters.ts';
export * from './case-list-columns.ts';
