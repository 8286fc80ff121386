/** The normal quantile of a two-sided 95 % interval. */
export const Z_95 = 1.959964;

export type Interval = { low: number; high: number };

/**
 * The Wilson score interval for k successes out of n (Wilson 1927; Newcombe 1998, method 3):
 * unlike p ± z·√(p(1−p)/n) it stays within [0, 1] and is not empty at k = 0 or k = n, which is
 * why small groups of changes get an honest, wide interval. Null for n = 0.
 */
export function wilsonInterval(k: number, n: number, z = Z_95): Interval | null {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n)
    throw new RangeError(`Wilson interval needs whole numbers 0 ≤ k ≤ n, got ${k} of ${n}`);
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 at k = 0 and 1 at k = n; clamping keeps rounding from leaving [0, 1].
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}
