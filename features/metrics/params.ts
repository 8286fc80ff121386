// The period and scope of the trends pages and GET /api/v1/metrics/weekly, from the URL:
// `range` (the last N weeks, ending with the current one) or `from`/`to` dates, and `team`,
// `service`. Pure, so every page and the API read a URL the same way.
import { addWeeks, formatIsoWeek, isoWeekOf, isoWeekStartDate, type IsoWeek } from "@/lib/time/iso-week";
import { addFieldError, type FieldErrors } from "@/lib/validation";
import type { MetricsScope } from "./types";

export const METRICS_RANGES = [4, 13, 26, 52] as const;
export type MetricsRange = (typeof METRICS_RANGES)[number];
export const DEFAULT_METRICS_RANGE: MetricsRange = 13;
/** Five years: enough for any trend, and a bound on the work one request can ask for. */
export const MAX_METRICS_WEEKS = 260;
export const METRICS_PARAMETERS = ["range", "from", "to", "team", "service"] as const;

export type MetricsPeriod = {
  from: IsoWeek;
  to: IsoWeek;
  /** The preset in use, or "custom" for from/to dates. */
  range: MetricsRange | "custom";
  scope: MetricsScope;
  /** Parameter name → what is wrong with it; a parameter in error falls back to its default. */
  errors: FieldErrors;
};

export type MetricsSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLUG = /^[a-z0-9-]+$/;
const WEEK_MS = 7 * 86_400_000;

function firstValues(input: MetricsSearchParams): Map<string, string> {
  const entries = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input).map(([k, v]) => [k, [v].flat()[0]] as const);
  const values = new Map<string, string>();
  for (const [key, value] of entries) if (value !== undefined && value.trim() !== "" && !values.has(key)) values.set(key, value.trim());
  return values;
}

/** The ISO week of a calendar date, or null when the text is not an existing YYYY-MM-DD date from 1970 to 2099. */
function weekOfDate(text: string): IsoWeek | null {
  const match = DATE.exec(text);
  if (!match || Number(match[1]) < 1970 || Number(match[1]) > 2099) return null;
  const noon = new Date(`${text}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== text) return null;
  return isoWeekOf(noon, "UTC"); // a calendar date's week does not depend on any zone
}

/** How many weeks from..to holds, both included. */
export function weekCount(from: IsoWeek, to: IsoWeek): number {
  return Math.round((Date.parse(isoWeekStartDate(to)) - Date.parse(isoWeekStartDate(from))) / WEEK_MS) + 1;
}

/** The current week ("2026-W49") when from..to holds it: its figures are the week so far; null otherwise. */
export function runningWeekOf(period: { from: IsoWeek; to: IsoWeek }, timeZone: string, now: Date): string | null {
  const current = isoWeekOf(now, timeZone);
  const inside = isoWeekStartDate(period.from) <= isoWeekStartDate(current) && isoWeekStartDate(current) <= isoWeekStartDate(period.to);
  return inside ? formatIsoWeek(current) : null;
}

/** The same number of weeks just before from..to: what "change against the previous period" compares with. */
export function previousPeriod(from: IsoWeek, to: IsoWeek): { from: IsoWeek; to: IsoWeek } {
  return { from: addWeeks(from, -weekCount(from, to)), to: addWeeks(from, -1) };
}

/**
 * Reads the period and scope. Without dates it is the last `range` weeks (13 by default)
 * ending with the current week in the organisation's zone; `from` alone runs to the current
 * week. `requireDates` (the API) makes from and to mandatory and other parameters errors.
 */
export function parseMetricsPeriod(input: MetricsSearchParams, options: { timeZone: string; now: Date; requireDates?: boolean }): MetricsPeriod {
  const values = firstValues(input);
  const errors: FieldErrors = {};
  const current = isoWeekOf(options.now, options.timeZone);

  let range: MetricsRange = DEFAULT_METRICS_RANGE;
  const rangeText = values.get("range");
  if (rangeText !== undefined) {
    const preset = METRICS_RANGES.find((r) => String(r) === rangeText);
    if (preset && !options.requireDates) range = preset;
    else
      errors.range = [options.requireDates ? "is not a parameter of this endpoint; give from and to" : `must be one of ${METRICS_RANGES.join(", ")} (weeks)`];
  }

  const dates: Partial<Record<"from" | "to", IsoWeek>> = {};
  for (const name of ["from", "to"] as const) {
    const text = values.get(name);
    if (text === undefined) {
      if (options.requireDates) addFieldError(errors, name, "is required: a date as YYYY-MM-DD");
      continue;
    }
    const week = weekOfDate(text);
    if (week) dates[name] = week;
    else addFieldError(errors, name, `must be an existing date as YYYY-MM-DD from 1970 to 2099, got "${text}"`);
  }

  let period = { from: addWeeks(current, 1 - range), to: current };
  if (dates.from || dates.to) {
    const to = dates.to ?? current;
    const from = dates.from ?? addWeeks(to, 1 - DEFAULT_METRICS_RANGE);
    if (weekCount(from, to) < 1) errors.to = ["must not be before from"];
    else if (weekCount(from, to) > MAX_METRICS_WEEKS)
      errors.from = [`the period can be at most ${MAX_METRICS_WEEKS} weeks; this one is ${weekCount(from, to)}`];
    else period = { from, to };
  }

  const scope: MetricsScope = {};
  for (const name of ["team", "service"] as const) {
    const slug = values.get(name);
    if (slug === undefined) continue;
    if (SLUG.test(slug) && slug.length <= 100) scope[name] = slug;
    else addFieldError(errors, name, "must be a slug (a-z, 0-9, -)");
  }

  if (options.requireDates) {
    for (const name of values.keys()) {
      if (!(METRICS_PARAMETERS as readonly string[]).includes(name))
        addFieldError(errors, name, `is not a parameter of this endpoint; known: from, to, team, service`);
    }
  }
  const custom = (dates.from || dates.to) && !errors.from && !errors.to;
  return { ...period, range: custom ? "custom" : range, scope, errors };
}
