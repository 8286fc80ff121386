/** A span of time in epoch milliseconds, half-open: it contains `start` but not `end`. */
export type Interval = { start: number; end: number };

const MINUTE_MS = 60_000;

/**
 * The union of the intervals as a sorted list of disjoint ones. Intervals that overlap or
 * touch ([a,b) and [b,c)) become one, so each instant is counted once; empty and inverted
 * intervals cover nothing and are dropped.
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ start: interval.start, end: interval.end }); // a copy, so callers' objects are never mutated
    }
  }
  return merged;
}

/** The part of the interval inside the window, or null when they share no time. */
export function clipInterval(interval: Interval, window: Interval): Interval | null {
  const start = Math.max(interval.start, window.start);
  const end = Math.min(interval.end, window.end);
  return end > start ? { start, end } : null;
}

/** Milliseconds of the window covered by at least one interval. */
export function coveredMs(list: readonly Interval[], window: Interval): number {
  const clipped = list.flatMap((i) => clipInterval(i, window) ?? []);
  return mergeIntervals(clipped).reduce((total, i) => total + (i.end - i.start), 0);
}

/** Whole minutes of the window covered, rounded down like impactMinutes in docs/domain.md. */
export function coveredMinutes(list: readonly Interval[], window: Interval): number {
  return Math.floor(coveredMs(list, window) / MINUTE_MS);
}
