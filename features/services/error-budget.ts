// The error budget of an SLO: the minutes of customer impact a period may have before the
// availability target is missed. Pure, so the service pages and their tests agree.

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
