// The error budget of an SLO: the minutes of customer impact a period may have before the
// availability target is missed. Pure, so the service pages and their tests agree.
import { addWeeks, isoWeekStartInstant, type IsoWeek } from "@/lib/time/iso-week";

export type ErrorBudget = {
  /** Availability target as a fraction: 0.999 is 99.9 %. */
  sloTarget: number;
  /** Minutes in the period (weeks in the organisation's time zone). */
  periodMinutes: number;
  /** (1 − sloTarget) × periodMinutes. */
  budgetMinutes: number;
  /** The period's impact minutes (merged, docs/metrics.md). */
  usedMinutes: number;
  /** budget − used; negative when the budget is overspent. */
  leftMinutes: number;
  /** left / budget: 1 untouched, 0 spent, below 0 overspent. */
  leftFraction: number;
  overspent: boolean;
  /** 1 − used / periodMinutes, the same availability the charts show. */
  availability: number;
};

// Six decimals keep 0.1 % of a week at 10.08 min, not 10.080000000000009.
const tidy = (value: number) => Number(value.toFixed(6));

export function errorBudget(input: { sloTarget: number; periodMinutes: number; impactMinutes: number }): ErrorBudget {
  const { sloTarget, periodMinutes, impactMinutes } = input;
  if (!(sloTarget > 0 && sloTarget < 1)) throw new RangeError(`An SLO target must lie between 0 and 1 (exclusive), got ${sloTarget}`);
  if (!(periodMinutes > 0)) throw new RangeError(`A period must have minutes in it, got ${periodMinutes}`);
  if (!(impactMinutes >= 0)) throw new RangeError(`Impact minutes cannot be negative, got ${impactMinutes}`);
  const budgetMinutes = tidy((1 - sloTarget) * periodMinutes);
  const leftMinutes = tidy(budgetMinutes - impactMinutes);
  return {
    sloTarget,
    periodMinutes,
    budgetMinutes,
    usedMinutes: impactMinutes,
    leftMinutes,
    leftFraction: tidy(leftMinutes / budgetMinutes),
    overspent: leftMinutes < 0,
    availability: 1 - impactMinutes / periodMinutes,
  };
}

/** The weeks `from` to `to` in the zone (DST weeks included), as far as they have passed by `now`. */
export type BudgetPeriod = { from: IsoWeek; to: IsoWeek; timeZone: string; now?: Date };

/**
 * Minutes of the period that have passed by `now`: a running week counts only its minutes so
 * far, as its impact does and as the charts count it, so its availability is not flattered.
 */
export function periodMinutesSoFar(period: BudgetPeriod): number {
  const start = isoWeekStartInstant(period.from, period.timeZone).getTime();
  const end = isoWeekStartInstant(addWeeks(period.to, 1), period.timeZone).getTime();
  const now = (period.now ?? new Date()).getTime();
  return (Math.min(end, Math.max(start, now)) - start) / 60_000;
}

/** A service's error budget over a period: the one rule of the services list and the service page. */
export const serviceErrorBudget = (service: { sloTarget: number }, impactMinutes: number, period: BudgetPeriod): ErrorBudget =>
  errorBudget({ sloTarget: service.sloTarget, periodMinutes: periodMinutesSoFar(period), impactMinutes });
