import { Foundation1764100000000 } from './1764100000000-foundation.ts';
import { SeedRijkVanNijmegen1764100000001 } from './1764100000001-seed-rijk-van-nijmegen.ts';
import { CaseManagement1764200000000 } from './1764200000000-case-management.ts';
import { Attachments1764300000000 } from './1764300000000-attachments.ts';
import { IdempotencyKeyExpiry1764400000000 } from './1764400000000-idempotency-key-expiry.ts';
import { PlatformKit1764500000000 } from './1764500000000-platform-kit.ts';
import { Outreach1764600000000 } from './1764600000000-outreach.ts';
import { MailOutbox1764700000000 } from './1764700000000-mail-outbox.ts';
import { Campaigns1764800000000 } from './1764800000000-campaigns.ts';
import { PublicSignUp1764900000000 } from './1764900000000-public-sign-up.ts';
import { Attribution1765000000000 } from './1765000000000-attribution.ts';
import { Referrals1765200000000 } from './1765200000000-referrals.ts';
import { TonkBbz1765300000000 } from './1765300000000-tonk-bbz.ts';
import { Finance1765350000000 } from './1765350000000-finance.ts';
import { RegionalFigures1765400000000 } from './1765400000000-regional-figures.ts';
import { CaseWork1765500000000 } from './1765500000000-case-work.ts';
import { DiscardDraftReferral1765600000000 } from './1765600000000-discard-draft-referral.ts';
import { FiguresRollupRls1765700000000 } from './1765700000000-figures-rollup-rls.ts';
import { LettersAndDocuments1765800000000 } from './1765800000000-letters-and-documents.ts';
import { RegionalReferralCostFigures1765900000000 } from './1765900000000-regional-referral-cost-figures.ts';
import { RateLimit1765950000000 } from './1765950000000-rate-limit.ts';
import { BudgetSuppression1765970000000 } from './1765970000000-budget-suppression.ts';
import { PartnerAdministration1765980000000 } from './1765980000000-partner-administration.ts';
import { CellKeyFigures1766000000000 } from './1766000000000-cell-key-figures.ts';
import { PostAndFrontDoor1766100000000 } from './1766100000000-post-and-front-door.ts';
import { DailyQueue1766200000000 } from './1766200000000-daily-queue.ts';

/** All migrations in order. A new migration is added here. */
export const migrations = [
  Foundation1764100000000,
  SeedRijkVanNijmegen1764100000001,
  CaseManagement1764200000000,
  Attachments1764300000000,
  IdempotencyKeyExpiry1764400000000,
  PlatformKit1764500000000,
  Outreach1764600000000,
  MailOutbox1764700000000,
  Campaigns1764800000000,
  PublicSignUp1764900000000,
  Attribution1765000000000,
  Referrals1765200000000,
  TonkBbz1765300000000,
  Finance1765350000000,
  RegionalFigures1765400000000,
  CaseWork1765500000000,
  DiscardDraftReferral1765600000000,
  FiguresRollupRls1765700000000,
  LettersAndDocuments1765800000000,
  RegionalReferralCostFigures1765900000000,
  RateLimit1765950000000,
  BudgetSuppression1765970000000,
  PartnerAdministration1765980000000,
  CellKeyFigures1766000000000,
  PostAndFrontDoor1766100000000,
  DailyQueue1766200000000,
];
