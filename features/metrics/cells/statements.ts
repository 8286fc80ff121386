import { Prisma } from "@/lib/generated/prisma/client";
import { cellScopeKey, type ResolvedScope, scopeConditionPerIncident } from "../scope";
import type { MetricsWindow } from "../sql";
import { emptyCell } from "./cell";
import { cellsSql, weekFiguresSql, weeksOfDates } from "./compute";
import { fillPeriodSql, periodSql } from "./periods";
import { fillSql, liveServiceSumsSql, serviceSumsSql, statusSql, weeksBetween } from "./weeks";

type Sql = Prisma.Sql;

/** The statements the trends run for a window and scope, for the tests that check their plans. */
export function cellStatements(window: MetricsWindow, scope: ResolvedScope): Record<string, Sql> {
  const dates = [window.fromMonday, window.toMonday];
  const condition = scopeConditionPerIncident(scope);
  return {
    "which weeks are kept": statusSql(window, cellScopeKey(scope) ?? "", true),
    "a week computed live": cellsSql(weeksOfDates(dates, window.timeZone), { kind: "scope", condition }, window.now),
    "a week's figures alone computed live": weekFiguresSql(weeksOfDates(dates, window.timeZone), condition, window.now),
    "a week's services computed live": liveServiceSumsSql(window, dates, condition, null),
    "closed weeks filled": fillSql(dates, window.timeZone),
    "services' kept cells summed": serviceSumsSql(window.timeZone, dates, null),
    "a period's closed weeks kept": fillPeriodSql(window.timeZone, cellScopeKey(scope) ?? "", dates),
    "a period read with the live weeks' percentiles": periodSql(window.timeZone, cellScopeKey(scope) ?? "", dates, emptyCell().histograms!),
  };
}

/**
 * The statements a warm read of the window runs, in order, for the benchmark's database floor:
 * which weeks are kept (with their cells), the last week computed live, and for a period its
 * period cell with the percentiles (merged with nothing: the live week's histograms come from
 * the statement before, through the app).
 */
export function warmReadStatements(window: MetricsWindow, scope: ResolvedScope, read: "weeks" | "period" | "services"): Sql[] {
  const key = cellScopeKey(scope) ?? "";
  const condition = scopeConditionPerIncident(scope);
  const last = [window.toMonday];
  const closed = weeksBetween(window.fromMonday, window.toMonday).slice(0, -1);
  if (read === "services")
    return [statusSql(window, "", false), serviceSumsSql(window.timeZone, closed, null), liveServiceSumsSql(window, last, condition, null)];
  const live = cellsSql(weeksOfDates(last, window.timeZone), { kind: "scope", condition }, window.now);
  if (read === "weeks") return [statusSql(window, key, false), weekFiguresSql(weeksOfDates(last, window.timeZone), condition, window.now)];
  return [statusSql(window, key, false), live, periodSql(window.timeZone, key, closed.length ? closed : last, emptyCell().histograms!)];
}
