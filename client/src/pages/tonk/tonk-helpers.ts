import {
  BBZ_REQUEST_KIND_LABELS,
  DECISION_LABELS,
  formatEuro,
  type BbzRequest,
  type BbzRequestInput,
  type DecisionInput,
  type TonkApplication,
  type TonkApplicationInput,
} from '@herorientatie/domain';
import { formatDate } from '../../components/StatusBadge.tsx';

export const BBZ_KIND_LABELS: Record<BbzRequest['kind'], string> = BBZ_REQUEST_KIND_LABELS;

/** The decisions a user records: pending is where every application starts. */
export const DECISION_CHOICES = {
  granted: DECISION_LABELS.granted,
  rejected: DECISION_LABELS.rejected,
};

export const periodText = (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`;

/** The decision as a line in a table: the label, and the amount and date once decided. */
export function decisionText(item: {
  decision: TonkApplication['decision'];
  grantedCents: number | null;
  decidedOn: string | null;
}): string {
  const label = DECISION_LABELS[item.decision];
  if (item.decision === 'pending') return label;
  const on = item.decidedOn ? ` op ${formatDate(item.decidedOn)}` : '';
  return item.decision === 'granted' && item.grantedCents !== null
    ? `${label}: ${formatEuro(item.grantedCents)}${on}`
    : `${label}${on}`;
}

/** A self-employed applicant without a case yet can get a reorientation case. */
export const canOpenCase = (a: TonkApplication) => a.selfEmployed && a.caseId === null;

/** Business name and KvK number only go along for a self-employed applicant. */
export function tonkBody(value: TonkApplicationInput): TonkApplicationInput {
  if (value.selfEmployed) return value;
  const { businessName: _name, kvkNumber: _kvk, ...rest } = value;
  return rest;
}

/** A rejection has no granted amount, whatever was typed before choosing it. */
export function decisionBody(value: DecisionInput): DecisionInput {
  if (value.decision === 'granted') return value;
  const { grantedCents: _granted, ...rest } = value;
  return rest;
}

/** Only a business credit has an amount. */
export function bbzBody(value: BbzRequestInput): BbzRequestInput {
  if (value.kind === 'business_credit') return value;
  const { amountCents: _amount, ...rest } = value;
  return rest;
}

export const bbzRequestText = (r: BbzRequest) =>
  r.kind === 'business_credit' && r.amountCents !== null
    ? `${BBZ_KIND_LABELS[r.kind]} van ${formatEuro(r.amountCents)}`
    : BBZ_KIND_LABELS[r.kind];
