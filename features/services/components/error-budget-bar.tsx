import type { ErrorBudget } from "../error-budget";

const minutes = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const budgetLeftText = (budget: ErrorBudget) =>
  budget.overspent
    ? `Overspent by ${minutes.format(-budget.leftMinutes)} min (budget ${minutes.format(budget.budgetMinutes)} min)`
    : `${minutes.format(budget.leftMinutes)} of ${minutes.format(budget.budgetMinutes)} min left (${Math.round(budget.leftFraction * 100)} %)`;

/** The share of the error budget left, as a bar: green with room, amber under a quarter, red overspent. */
export function ErrorBudgetBar({ budget }: { budget: ErrorBudget }) {
  const left = Math.max(0, Math.min(1, budget.leftFraction));
  const colour = budget.overspent ? "bg-red-600" : budget.leftFraction < 0.25 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="min-w-40 space-y-1">
      <div
        role="meter"
        aria-label="Error budget left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(left * 100)}
        aria-valuetext={budgetLeftText(budget)}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full ${colour}`} style={{ width: `${left * 100}%` }} />
      </div>
      <p className={`text-xs tabular-nums ${budget.overspent ? "font-semibold text-red-700" : "text-slate-600"}`}>{budgetLeftText(budget)}</p>
    </div>
  );
}
