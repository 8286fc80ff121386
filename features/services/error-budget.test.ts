import { describe, expect, it } from "vitest";
import { errorBudget } from "./error-budget";

const WEEK = 7 * 24 * 60;

describe("errorBudget", () => {
  it("gives a 99.9 % target 0.1 % of the period: 10.08 minutes of a week", () => {
    expect(errorBudget({ sloTarget: 0.999, periodMinutes: WEEK, impactMinutes: 0 })).toEqual({
      sloTarget: 0.999,
      periodMinutes: WEEK,
      budgetMinutes: 10.08,
      usedMinutes: 0,
      leftMinutes: 10.08,
      leftFraction: 1,
      overspent: false,
      availability: 1,
    });
  });

  it("subtracts the impact minutes and says what share is left", () => {
    const budget = errorBudget({ sloTarget: 0.995, periodMinutes: 4 * WEEK, impactMinutes: 50.4 });
    expect(budget.budgetMinutes).toBe(201.6); // 0.5 % of 40 320
    expect(budget.leftMinutes).toBe(151.2);
    expect(budget.leftFraction).toBe(0.75);
    expect(budget.overspent).toBe(false);
    expect(budget.availability).toBeCloseTo(1 - 50.4 / (4 * WEEK), 12);
  });

  it("reaches exactly zero when the impact equals the budget, which is not yet overspent", () => {
    const budget = errorBudget({ sloTarget: 0.999, periodMinutes: 13 * WEEK, impactMinutes: 131.04 });
    expect(budget).toMatchObject({ budgetMinutes: 131.04, leftMinutes: 0, leftFraction: 0, overspent: false });
  });

  it("goes negative when the impact outruns the budget: overspent", () => {
    const budget = errorBudget({ sloTarget: 0.9995, periodMinutes: WEEK, impactMinutes: 15.12 });
    expect(budget.budgetMinutes).toBe(5.04);
    expect(budget.leftMinutes).toBe(-10.08);
    expect(budget.leftFraction).toBe(-2);
    expect(budget.overspent).toBe(true);
  });

  it("takes a DST week's 10 020 minutes as they are", () => {
    expect(errorBudget({ sloTarget: 0.99, periodMinutes: 10_020, impactMinutes: 0 }).budgetMinutes).toBe(100.2);
  });

  it.each([
    [{ sloTarget: 1, periodMinutes: WEEK, impactMinutes: 0 }, /SLO target/],
    [{ sloTarget: 0, periodMinutes: WEEK, impactMinutes: 0 }, /SLO target/],
    [{ sloTarget: 0.999, periodMinutes: 0, impactMinutes: 0 }, /period/],
    [{ sloTarget: 0.999, periodMinutes: WEEK, impactMinutes: -1 }, /negative/],
    [{ sloTarget: Number.NaN, periodMinutes: WEEK, impactMinutes: 0 }, /SLO target/],
  ])("refuses impossible input %j", (input, message) => {
    expect(() => errorBudget(input)).toThrow(message);
  });
});
