import { formatAvailability, formatMinutes } from "@/lib/figure-text";
import type { ErrorBudget } from "../error-budget";
import { ErrorBudgetBar } from "./error-budget-bar";
import { cardClass } from "@/components/ui/card";

const sloText = (slo: number) => `${Number((slo * 100).toFixed(4))} %`;

/** Availability over the period against the SLO, and the error budget spent and left. */
export function ServiceBudgetSummary({ budget, incidents, sev1 }: { budget: ErrorBudget; incidents: number; sev1: number }) {
  const met = budget.availability >= budget.sloTarget;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <section aria-label="Availability" className={cardClass("sm")}>
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Availability</h2>
        <p className={`text-3xl font-bold tabular-nums ${met ? "text-slate-900" : "text-red-700"}`}>{formatAvailability(budget.availability)}</p>
        <p className="text-sm text-slate-600">
          SLO {sloText(budget.sloTarget)}: <strong className={met ? "text-emerald-700" : "text-red-700"}>{met ? "met" : "missed"}</strong>
        </p>
      </section>
      <section aria-label="Error budget" className={cardClass("sm", "space-y-2")}>
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Error budget</h2>
        <ErrorBudgetBar budget={budget} />
        <dl className="grid grid-cols-2 gap-x-3 text-xs text-slate-600">
          <dt>Budget</dt>
          <dd className="text-right tabular-nums">{formatMinutes(budget.budgetMinutes)}</dd>
          <dt>Used (impact)</dt>
          <dd className="text-right tabular-nums">{formatMinutes(budget.usedMinutes)}</dd>
        </dl>
      </section>
      <section aria-label="Incidents in the period" className={cardClass("sm")}>
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Incidents in the period</h2>
        <p className="text-3xl font-bold tabular-nums text-slate-900">{incidents}</p>
        <p className="text-sm text-slate-600">{sev1} of them Sev1</p>
      </section>
    </div>
  );
}
