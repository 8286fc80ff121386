/**
 * The p-th percentile (p in [0, 1]) by linear interpolation between closest ranks: the
 * value at rank p × (n − 1) in the ascending list, interpolating between its neighbours
 * when the rank is fractional. This is PostgreSQL's `percentile_cont` and numpy's default
 * ('linear'), so figures computed in SQL and here agree. Null for an empty list; the input
 * is not reordered.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Percentile must be between 0 and 1, got ${p}`);
  if (values.some((v) => !Number.isFinite(v))) {
    throw new RangeError("Percentile needs finite numbers; drop missing values before calling it");
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = sorted[Math.floor(rank)];
  const above = sorted[Math.ceil(rank)];
  if (below === undefined || above === undefined) return null;
  return below + (above - below) * (rank - Math.floor(rank));
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/**
 * percentile() of the list in which each of `values` (ascending, distinct) appears counts[i]
 * times, without spelling the list out: the same ranks, the same interpolation.
 */
export function percentileOfCounts(values: readonly number[], counts: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Percentile must be between 0 and 1, got ${p}`);
  const n = counts.reduce((sum, c) => sum + c, 0);
  if (n === 0) return null;
  const rank = p * (n - 1);
  const below = valueAtRank(values, counts, Math.floor(rank));
  const above = valueAtRank(values, counts, Math.ceil(rank));
  return below + (above - below) * (rank - Math.floor(rank));
}

/** The value at 0-based `rank` of the counted list. */
function valueAtRank(values: readonly number[], counts: readonly number[], rank: number): number {
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i]!;
    if (rank < seen) return values[i]!;
  }
  throw new RangeError(`Rank ${rank} is past the ${seen} counted values`);
}
