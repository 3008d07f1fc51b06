import { formatEuro } from '@herorientatie/domain';

export interface BudgetFigures {
  budgetCents: number;
  spentCents: number;
}

/** Spent as a share of the budget, in percent, for the width of the bar (at most 100). */
export function spentShare({ budgetCents, spentCents }: BudgetFigures): number {
  if (budgetCents <= 0) return spentCents > 0 ? 100 : 0;
  return Math.min(100, Math.max(0, (spentCents / budgetCents) * 100));
}

export const isOverBudget = ({ budgetCents, spentCents }: BudgetFigures) =>
  spentCents > budgetCents;

/** What is left or how far it went over, in words. */
export function remainingText({ budgetCents, spentCents }: BudgetFigures): string {
  const remaining = budgetCents - spentCents;
  // A no-break space keeps the euro sign with its amount.
  const amount = (cents: number) => formatEuro(cents).replace(' ', '\u00a0');
  return remaining < 0
    ? `Budget overschreden met ${amount(-remaining)}`
    : `Nog ${amount(remaining)} over`;
}

/**
 * A bar of how much of a budget is spent, with the figures in words beside it. The bar
 * only shows what the words say; over budget it is red and the words say so first.
 */
export function BudgetBar({ figures, large = false }: { figures: BudgetFigures; large?: boolean }) {
  const over = isOverBudget(figures);
  return (
    <div
      className={`app-budget${large ? ' app-budget--large' : ''}${over ? ' app-budget--over' : ''}`}
    >
      <div className="app-budget__bar" aria-hidden="true">
        <div className="app-budget__spent" style={{ inlineSize: `${spentShare(figures)}%` }} />
      </div>
      <p className="app-budget__text">
        {over && <strong>Let op: </strong>}
        <span className="app-nowrap">{formatEuro(figures.spentCents)}</span> van{' '}
        <span className="app-nowrap">{formatEuro(figures.budgetCents)}</span> uitgegeven ·{' '}
        <span className="app-budget__remaining">{remainingText(figures)}</span>
      </p>
    </div>
  );
}
