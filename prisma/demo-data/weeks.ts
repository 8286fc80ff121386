// How each week of the demo year goes: how many incidents of each severity, when they start and
// how long each hurts customers. A normal week's impact is drawn first and shared out among its
// incidents, so that most weeks land between 99.5 % and 99.99 % available; a bad week adds one
// long Sev1 that takes it below 99.5 %.
import type { Severity } from "../../lib/generated/prisma/enums";
import { DAY, MINUTE, WEEK, randomTimeInDay } from "./incident";
import type { Random } from "./random";

export const WEEK_MINUTES = WEEK / MINUTE;
/** A week is bad below 99.5 % available: more than 0.5 % of its minutes hurt customers. */
export const BAD_WEEK_MINUTES = 0.005 * WEEK_MINUTES;

/** A normal week's impact minutes: about 99.93 % available at the median, under the 99.9 % SLO one week in four. */
const WEEK_IMPACT = { median: 7, sigma: 0.65, min: 2.5, max: 36 } as const;
/** The shortest impact of each severity; with at most 2 Sev1s and 4 Sev2s the floors add under 11 minutes to WEEK_IMPACT.max. */
const FLOOR_MINUTES: Readonly<Record<Severity, number>> = { SEV1: 3, SEV2: 1.2 };
/** The long Sev1 of a bad week: over an hour, enough on its own to take the week below 99.5 %. */
const LONG_SEV1 = { median: 100, sigma: 0.35, min: 60, max: 200 } as const;
/** Monday..Sunday: fewer changes ship, and so fewer incidents start, at weekends. */
const WEEKDAY_WEIGHTS = [
  [0, 17],
  [1, 18],
  [2, 18],
  [3, 17],
  [4, 14],
  [5, 8],
  [6, 8],
] as const;

/** One incident to be: its severity, start and minutes of impact. */
export type Slot = {
  severity: Severity;
  startedAt: number;
  minutes: number;
  /** The bad week's long Sev1. */
  long?: boolean;
  /** An AI-involved change without the sign-off it needed: last week's review must have one to discuss. */
  violating?: boolean;
};

export type WeekKind = {
  /** The week the next meeting reviews: it needs a Sev1, Sev2s and a policy violation. */
  reviewed: boolean;
  bad: boolean;
};

/** A count of incidents, drawn with `weights[n]` the weight of n, and at least `minimum`. */
const countOf = (random: Random, minimum: number, weights: readonly number[]) =>
  Math.max(minimum, random.weighted(weights.map((weight, count) => [count, weight] as const)));

export function planWeek(random: Random, weekStart: number, kind: WeekKind): Slot[] {
  const sev1 = countOf(random, kind.reviewed ? 1 : 0, [50, 40, 10]);
  const sev2 = countOf(random, kind.reviewed ? 2 : 0, [5, 30, 35, 22, 8]);
  const severities: Severity[] = [...Array<Severity>(sev1).fill("SEV1"), ...Array<Severity>(sev2).fill("SEV2")];
  const impact = random.lognormal(WEEK_IMPACT.median, WEEK_IMPACT.sigma, WEEK_IMPACT.min, WEEK_IMPACT.max);
  // A Sev1 takes about three times the share of a Sev2.
  const weights = severities.map((severity) => (severity === "SEV1" ? 3 : 1) * random.lognormal(1, 0.4, 0.3, 3));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const slots: Slot[] = severities.map((severity, i) => ({
    severity,
    startedAt: randomTimeInDay(random, weekStart + random.weighted(WEEKDAY_WEIGHTS) * DAY),
    minutes: Math.max(FLOOR_MINUTES[severity], (impact * (weights[i] ?? 0)) / total),
  }));
  if (kind.reviewed) {
    const sev2Slot = slots.find((s) => s.severity === "SEV2");
    if (sev2Slot) sev2Slot.violating = true;
  }
  if (kind.bad) {
    const minutes = random.lognormal(LONG_SEV1.median, LONG_SEV1.sigma, LONG_SEV1.min, LONG_SEV1.max);
    slots.push({ severity: "SEV1", startedAt: randomTimeInDay(random, weekStart + random.int(0, 4) * DAY), minutes, long: true });
  }
  return slots;
}
