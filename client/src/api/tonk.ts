import {
  BbzRequestInputSchema,
  BbzRequestSchema,
  CaseDetailSchema,
  DecisionInputSchema,
  TonkApplicationInputSchema,
  TonkApplicationSchema,
  type BbzRequest,
  type TonkApplication,
} from '@herorientatie/domain';
import { z } from 'zod';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

export const useTonkApplications = createQueryHook<TonkApplication[]>(
  'tonk',
  () => 'tonk-applications',
);
export const useCaseTonkBbz = createQueryHook<
  { tonk: TonkApplication[]; bbz: BbzRequest[] },
  [string]
>('case', (caseId) => `cases/${caseId}/tonk-bbz`);

export const useRegisterTonk = createMutation({
  method: 'POST',
  path: () => 'tonk-applications',
  input: TonkApplicationInputSchema,
  output: TonkApplicationSchema,
  invalidates: STALE_AFTER.tonkChange,
  idempotent: true,
});

export const useDecideTonk = createMutation({
  method: 'PUT',
  path: ({ id }: { id: string; caseId: string | null }) => `tonk-applications/${id}/decision`,
  input: DecisionInputSchema,
  output: TonkApplicationSchema,
  invalidates: STALE_AFTER.tonkChange,
});

export const useOpenTonkCase = createMutation({
  method: 'POST',
  path: ({ id }: { id: string }) => `tonk-applications/${id}/case`,
  input: z.undefined(),
  output: CaseDetailSchema,
  invalidates: STALE_AFTER.tonkCaseOpened,
});

export const useRequestBbz = createMutation({
  method: 'POST',
  path: ({ caseId }: { caseId: string }) => `cases/${caseId}/bbz-requests`,
  input: BbzRequestInputSchema,
  output: BbzRequestSchema,
  invalidates: STALE_AFTER.bbzChange,
  idempotent: true,
});

export const useDecideBbz = createMutation({
  method: 'PUT',
  path: ({ caseId, requestId }: { caseId: string; requestId: string }) =>
    `cases/${caseId}/bbz-requests/${requestId}/decision`,
  input: DecisionInputSchema,
  output: BbzRequestSchema,
  invalidates: STALE_AFTER.bbzChange,
});
