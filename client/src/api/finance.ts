import {
  BudgetInputSchema,
  BudgetOverviewSchema,
  ContractInputSchema,
  ContractSchema,
  CostLineSchema,
  CreditInputSchema,
  StatementSchema,
  StatementStatusInputSchema,
  type UncostedService,
  type BudgetOverview,
  type Contract,
  type CostLine,
  type Statement,
} from '@herorientatie/domain';
import { z } from 'zod';
import { createMutation, createQueryHook } from './hooks.ts';
import { STALE_AFTER } from './invalidation.ts';

const statementQuery = (provider: string, month: string) =>
  new URLSearchParams({ provider, month }).toString();

export const useContracts = createQueryHook<Contract[]>('finance', () => 'finance/contracts');
export const useBudget = createQueryHook<BudgetOverview, [number]>(
  'finance',
  (year) => `finance/budgets/${year}`,
  // A year without a budget yet is a 404: show the empty form, do not retry.
  { retry: false },
);
export const useCostWarnings = createQueryHook<CostLine[]>('finance', () => 'finance/warnings');
export const useStatement = createQueryHook<Statement, [string, string]>(
  'finance',
  (provider, month) => `finance/statements?${statementQuery(provider, month)}`,
);
export const useCaseCostLines = createQueryHook<CostLine[], [string]>(
  'case',
  (caseId) => `cases/${caseId}/cost-lines`,
);
/** Services without a cost line: free to the municipality, or paid from a Bbz credit. */
export const useUncostedServices = createQueryHook<UncostedService[], [string]>(
  'case',
  (caseId) => `cases/${caseId}/uncosted-services`,
);

/** Where a statement downloads as a file (CSV or PDF). */
export const statementFileUrl = (provider: string, month: string, format: 'csv' | 'pdf') =>
  `/api/v1/finance/statements.${format}?${statementQuery(provider, month)}`;

export const useAddContract = createMutation({
  method: 'POST',
  path: () => 'finance/contracts',
  input: ContractInputSchema,
  output: z.array(ContractSchema),
  invalidates: STALE_AFTER.financeChange,
  idempotent: true,
});

export const useSaveBudget = createMutation({
  method: 'PUT',
  path: ({ year }: { year: number }) => `finance/budgets/${year}`,
  input: BudgetInputSchema,
  output: BudgetOverviewSchema,
  invalidates: STALE_AFTER.financeChange,
});

export const useCreditCostLine = createMutation({
  method: 'POST',
  path: ({ lineId }: { lineId: string; caseId: string }) => `finance/cost-lines/${lineId}/credit`,
  input: CreditInputSchema,
  output: CostLineSchema,
  invalidates: STALE_AFTER.costLineCredit,
});

export const useSetStatementStatus = createMutation({
  method: 'PUT',
  path: ({ provider, month }: { provider: string; month: string }) =>
    `finance/statements/status?${statementQuery(provider, month)}`,
  input: StatementStatusInputSchema,
  output: StatementSchema,
  invalidates: STALE_AFTER.financeChange,
});
