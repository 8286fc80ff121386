import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { cache } from "react";
import { cellScopeKey, type ResolvedScope, scopeConditionPerIncident } from "../scope";
import { durationStats, type MetricsWindow } from "../sql";
import type { DurationStats } from "../types";
import { type Cell, durationStatsOf, emptyCell, type Histogram, type Histograms, mergeHistograms, sumCells } from "./cell";
import { type ScalarRow, scalarsOf } from "./compute";
import { currentStamp, kept, liveCells, windowCells, windowStatus } from "./weeks";

const { sql, join } = Prisma;
type Sql = Prisma.Sql;

/** A window's figures summed over its weeks, with the durations' [median, p90] over all of them. */
export type PeriodTotals = {
  weeks: number;
  minutes: number;
  total: Omit<Cell, "stats" | "histograms">;
  stats: { ttd: DurationStats; ttm: DurationStats; ttr: DurationStats; ttmAi: DurationStats; ttmOther: DurationStats };
};

/** The sum of the given weeks' counts of invalidations, which a current period cell's stamp equals. */
const periodStamp = (dates: readonly string[]) => sql`(SELECT coalesce(sum(${currentStamp(sql`d`)}), 0) FROM unnest(${dates}::date[]) AS d)`;

const SUMMED = ["incidents", "sev1", "sev2", "ai_involved", "ai_sev1", "policy_violations", "users_affected", "impact_us", "ai_impact_us", "other_impact_us"];
const PERIOD_HISTOGRAMS = ["ttd", "ttm_ai", "ttm_other", "ttr", "ttm"];

/**
 * Keeps the sum of the kept cells of `dates` (a window's first to last closed week) for the
 * scope, stamped in the same statement, and only when every one of those week cells is
 * current in that statement's snapshot; a later stamp only replaces an earlier one.
 */
export function fillPeriodSql(timeZone: string, key: string, dates: readonly string[]): Sql {
  // a histogram of the cells' columns merged, its counts made cumulative: columns vals, upto
  const merged = (alias: string, names: string[]) => {
    const pairs = names.map((name) => `SELECT u.v, u.n FROM cells c, unnest(c.${name}, c.${name}_counts) AS u(v, n)`).join(" UNION ALL ");
    return Prisma.raw(`CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(v ORDER BY v), '{}') AS vals, coalesce(array_agg(upto ORDER BY v), '{}') AS upto
      FROM (SELECT v, (sum(n) OVER (ORDER BY v))::bigint AS upto FROM (SELECT v, sum(n) AS n FROM (${pairs}) AS u GROUP BY v) AS g) AS w) AS ${alias}`);
  };
  const counts = (column: string) =>
    Prisma.raw(
      `(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT e.key AS k, sum(e.value::int) AS n FROM cells c, jsonb_each_text(c.${column}) AS e GROUP BY e.key) AS x)`,
    );
  const histogramColumns = PERIOD_HISTOGRAMS.flatMap((h) => [h, `${h}_counts`]);
  return sql`
    WITH kept AS (
      SELECT a.week_start FROM unnest(${dates}::date[]) AS d
      JOIN metric_week_cells a ON a.time_zone = ${timeZone} AND a.week_start = d AND a.scope = '' AND a.stamp = ${currentStamp(sql`d`)}
    ),
    cells AS (
      SELECT c.* FROM kept k
      JOIN metric_week_cells a ON a.time_zone = ${timeZone} AND a.week_start = k.week_start AND a.scope = ''
      JOIN metric_week_cells c ON c.time_zone = ${timeZone} AND c.week_start = k.week_start AND c.scope = ${key} AND c.stamp = a.stamp
    )
    INSERT INTO metric_period_cells (time_zone, scope, week_start, last_week, stamp, ${Prisma.raw(SUMMED.join(", "))},
      ${Prisma.raw(histogramColumns.join(", "))}, root_causes, blast_radii)
    SELECT ${timeZone}, ${key}, ${dates[0]!}::date, ${dates[dates.length - 1]!}::date, ${periodStamp(dates)},
      ${Prisma.raw(SUMMED.map((c) => `(SELECT coalesce(sum(${c}), 0) FROM cells)`).join(", "))},
      ${Prisma.raw(PERIOD_HISTOGRAMS.map((h) => `h_${h}.vals, h_${h}.upto`).join(", "))}, ${counts("root_causes")}, ${counts("blast_radii")}
    FROM (SELECT 1) AS one
      ${merged("h_ttd", ["ttd"])} ${merged("h_ttm_ai", ["ttm_ai"])} ${merged("h_ttm_other", ["ttm_other"])} ${merged("h_ttr", ["ttr"])}
      ${merged("h_ttm", ["ttm_ai", "ttm_other"])}
    WHERE (SELECT count(*) FROM kept) = ${dates.length}
    ON CONFLICT (time_zone, scope, week_start, last_week) DO UPDATE SET stamp = excluded.stamp,
      ${Prisma.raw([...SUMMED, ...histogramColumns, "root_causes", "blast_radii"].map((c) => `${c} = excluded.${c}`).join(", "))}
    WHERE metric_period_cells.stamp < excluded.stamp`;
}

type PeriodRow = ScalarRow & {
  ttd: number[] | null;
  ttm: number[] | null;
  ttr: number[] | null;
  ttm_ai: number[] | null;
  ttm_other: number[] | null;
};

/**
 * The current period cell of `dates`, if kept, with each duration's [median, p90] over its
 * histograms merged with `extra` (the live weeks'), in the database so that the histograms
 * stay there.
 */
export function periodSql(timeZone: string, key: string, dates: readonly string[], extra: Histograms): Sql {
  const live: Record<string, Histogram> = {
    ttd: extra.ttd,
    ttm_ai: extra.ttmAi,
    ttm_other: extra.ttmOther,
    ttr: extra.ttr,
    ttm: mergeHistograms([extra.ttmAi, extra.ttmOther]),
  };
  const percentiles = PERIOD_HISTOGRAMS.map((name) => {
    const h = live[name]!;
    let upto = 0;
    const cumulative = h.counts.map((n) => (upto += n));
    return sql`metric_percentiles(${Prisma.raw(`p.${name}, p.${name}_counts`)}, ${h.values}::int[], ${cumulative}::bigint[]) AS ${Prisma.raw(name)}`;
  });
  return sql`
    SELECT ${Prisma.raw(SUMMED.map((c) => `p.${c}::float8 AS ${c}`).join(", "))}, p.root_causes, p.blast_radii, ${join(percentiles)}
    FROM metric_period_cells p
    WHERE p.time_zone = ${timeZone} AND p.scope = ${key} AND p.week_start = ${dates[0]!}::date AND p.last_week = ${dates[dates.length - 1]!}::date
      AND p.stamp = ${periodStamp(dates)}`;
}

/** A cell's counts, impact and breakdowns, without its stats and histograms. */
const asTotal = (cell: Omit<Cell, "stats" | "histograms">): PeriodTotals["total"] => ({
  incidents: cell.incidents,
  sev1: cell.sev1,
  sev2: cell.sev2,
  aiInvolved: cell.aiInvolved,
  aiSev1: cell.aiSev1,
  policyViolations: cell.policyViolations,
  usersAffected: cell.usersAffected,
  impactUs: cell.impactUs,
  aiImpactUs: cell.aiImpactUs,
  otherImpactUs: cell.otherImpactUs,
  rootCauses: cell.rootCauses,
  blastRadii: cell.blastRadii,
});

/** Totals and stats from cells summed in JavaScript (the path when no period cell applies). */
function totalsOfCells(weeks: number, minutes: number, cells: readonly Cell[]): PeriodTotals {
  const t = sumCells(cells);
  const h = t.histograms;
  return {
    weeks,
    minutes,
    total: asTotal(t),
    stats: {
      ttd: durationStatsOf(h.ttd),
      ttm: durationStatsOf(mergeHistograms([h.ttmAi, h.ttmOther])),
      ttr: durationStatsOf(h.ttr),
      ttmAi: durationStatsOf(h.ttmAi),
      ttmOther: durationStatsOf(h.ttmOther),
    },
  };
}

/**
 * The window's totals: its closed weeks from one period cell (kept on first use), the rest
 * computed live and added, the durations' percentiles over both. The cards of one page share
 * one read, as windowCells does.
 */
export function periodTotals(db: Database, window: MetricsWindow, scope: ResolvedScope): Promise<PeriodTotals> {
  return periodTotalsOnce(db, JSON.stringify(window), JSON.stringify(scope));
}

const periodTotalsOnce = cache((db: Database, windowJson: string, scopeJson: string) => {
  const window = JSON.parse(windowJson) as MetricsWindow & { now: string };
  return readPeriodTotals(db, { ...window, now: new Date(window.now) }, JSON.parse(scopeJson) as ResolvedScope);
});

async function readPeriodTotals(db: Database, window: MetricsWindow, scope: ResolvedScope): Promise<PeriodTotals> {
  const key = cellScopeKey(scope);
  const status = await windowStatus(db, window, key ?? "", false);
  const minutes = status[0]?.period_minutes ?? 0;
  const keptDates = key === null ? [] : status.filter(kept).map((w) => w.start);
  // A period cell covers a run of weeks from the window's first: the closed weeks, all kept.
  const covered = keptDates.length > 0 && keptDates.every((date, i) => status[i]!.start === date) ? keptDates : [];
  const liveDates = status.slice(covered.length).map((w) => w.start);
  const live = [...(await liveCells(db, window, liveDates, scopeConditionPerIncident(scope))).values()];
  if (covered.length === 0) return totalsOfCells(status.length, minutes, live);
  const extra = sumCells(live.length > 0 ? live : [emptyCell()]);
  const read = () => db.$queryRaw<PeriodRow[]>(periodSql(window.timeZone, key!, covered, extra.histograms));
  let [row] = await read();
  if (!row) {
    await db.$executeRaw(fillPeriodSql(window.timeZone, key!, covered));
    [row] = await read();
  }
  if (!row) {
    // a write landed between: the weeks' cells, merged here
    const cells = await windowCells(db, window, scope, { histograms: true });
    return totalsOfCells(
      status.length,
      minutes,
      cells.weeks.map((w) => w.cell),
    );
  }
  const stored = scalarsOf(row);
  const all = sumCells([{ ...stored, stats: emptyCell().stats, histograms: emptyCell().histograms }, extra]);
  return {
    weeks: status.length,
    minutes,
    total: asTotal(all),
    stats: {
      ttd: durationStats(row.ttd),
      ttm: durationStats(row.ttm),
      ttr: durationStats(row.ttr),
      ttmAi: durationStats(row.ttm_ai),
      ttmOther: durationStats(row.ttm_other),
    },
  };
}
