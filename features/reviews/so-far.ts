// Whether a METRICS item's figures are the week so far, and what they are held against.

/** The week had not ended when its figures were taken: they run from its Monday 00:00 to `until`. */
export type WeekSoFar = { until: string };

/** Whether a METRICS item's figures are the week so far; a snapshot taken before this was recorded tells it by its change figures. */
export const isSoFar = (detail: { soFar?: WeekSoFar | null; changes: { weekRunning: boolean } | null }) => Boolean(detail.soFar ?? detail.changes?.weekRunning);

/** What a METRICS item holds its figures against: whole weeks, the same elapsed part of them, or nothing (a running week frozen before that was measured). */
export type MetricsBaselineKind = "whole-weeks" | "same-elapsed" | "none";

export function baselineKindOf(detail: { soFar?: WeekSoFar | null; changes: { weekRunning: boolean } | null }): MetricsBaselineKind {
  if (detail.soFar) return "same-elapsed";
  return isSoFar(detail) ? "none" : "whole-weeks";
}

const untilFormat = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "Wed 3 Dec, 14:00 UTC" */
export const formatUntil = (until: string) => `${untilFormat.format(new Date(until))} UTC`;
