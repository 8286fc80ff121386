import { percentileOfCounts } from "@/lib/metrics/percentile";
import type { DurationStats } from "../types";

/** Minutes as distinct values (ascending) with how many incidents took each. */
export type Histogram = { values: number[]; counts: number[] };

/** One scope's figures for one week (or, summed, for a window). */
export type Cell = {
  /** Incidents started in the week, and of them: */
  incidents: number;
  sev1: number;
  sev2: number;
  aiInvolved: number;
  aiSev1: number;
  policyViolations: number;
  usersAffected: number;
  /** Microseconds of the week covered by an impact interval: of any incident, of AI-involved ones, of the others. */
  impactUs: number;
  aiImpactUs: number;
  otherImpactUs: number;
  /** The week's own median and p90 (not mergeable across weeks: the histograms are). */
  stats: { ttd: DurationStats; ttm: DurationStats; ttr: DurationStats };
  /** Null when read without them (the weekly figures need only the stats). */
  histograms: Histograms | null;
  rootCauses: Record<string, number>;
  blastRadii: Record<string, number>;
};

export type Histograms = { ttd: Histogram; ttmAi: Histogram; ttmOther: Histogram; ttr: Histogram };

export type WindowWeek = { week: string; start: string; minutes: number; cell: Cell };
/** The window's weeks in order, and the minutes of the whole window (up to now while it runs). */
export type WindowCells = { weeks: WindowWeek[]; minutes: number };

const emptyHistogram = (): Histogram => ({ values: [], counts: [] });
const noStats = (): DurationStats => ({ median: null, p90: null });

export const emptyCell = (): Cell => ({
  incidents: 0,
  sev1: 0,
  sev2: 0,
  aiInvolved: 0,
  aiSev1: 0,
  policyViolations: 0,
  usersAffected: 0,
  impactUs: 0,
  aiImpactUs: 0,
  otherImpactUs: 0,
  stats: { ttd: noStats(), ttm: noStats(), ttr: noStats() },
  histograms: { ttd: emptyHistogram(), ttmAi: emptyHistogram(), ttmOther: emptyHistogram(), ttr: emptyHistogram() },
  rootCauses: {},
  blastRadii: {},
});

/** Histograms merged: each value's counts added. */
export function mergeHistograms(histograms: readonly Histogram[]): Histogram {
  if (histograms.length === 0) return emptyHistogram();
  if (histograms.length === 1) return histograms[0]!;
  const counts = new Map<number, number>();
  for (const h of histograms) h.values.forEach((value, i) => counts.set(value, (counts.get(value) ?? 0) + h.counts[i]!));
  const values = [...counts.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((v) => counts.get(v)!) };
}

const addCounts = (a: Record<string, number>, b: Record<string, number>) => {
  const sum = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
};

/** The cells of several weeks as one: counts and impact added, histograms merged (the stats are left empty). */
export function sumCells(cells: readonly Cell[]): Cell & { histograms: Histograms } {
  const total = emptyCell() as Cell & { histograms: Histograms };
  for (const c of cells) {
    total.incidents += c.incidents;
    total.sev1 += c.sev1;
    total.sev2 += c.sev2;
    total.aiInvolved += c.aiInvolved;
    total.aiSev1 += c.aiSev1;
    total.policyViolations += c.policyViolations;
    total.usersAffected += c.usersAffected;
    total.impactUs += c.impactUs;
    total.aiImpactUs += c.aiImpactUs;
    total.otherImpactUs += c.otherImpactUs;
    total.rootCauses = addCounts(total.rootCauses, c.rootCauses);
    total.blastRadii = addCounts(total.blastRadii, c.blastRadii);
  }
  const histograms = cells.map((c) => {
    if (!c.histograms) throw new Error("Cells read without their histograms cannot be summed");
    return c.histograms;
  });
  total.histograms = {
    ttd: mergeHistograms(histograms.map((h) => h.ttd)),
    ttmAi: mergeHistograms(histograms.map((h) => h.ttmAi)),
    ttmOther: mergeHistograms(histograms.map((h) => h.ttmOther)),
    ttr: mergeHistograms(histograms.map((h) => h.ttr)),
  };
  return total;
}

/** Whole minutes (rounded down) of impact microseconds. */
export const minutesOf = (us: number) => Math.floor(us / 60_000_000);

/** [median, p90] of a histogram as percentile_cont gives them. */
export function durationStatsOf(h: Histogram): DurationStats {
  return { median: percentileOfCounts(h.values, h.counts, 0.5), p90: percentileOfCounts(h.values, h.counts, 0.9) };
}
