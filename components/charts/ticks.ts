// Axis ticks people read without arithmetic: whole hours or days for durations, round
// percentages for availability. Computed with the series, on the server.

const MINUTE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10_080, 20_160, 43_200];
const AVAILABILITY_STEPS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25];

/** 0 up to at least `max` minutes, at most six ticks, on a step a clock knows (15 min, 2 h, 1 d…). */
export function minuteTicks(max: number): number[] {
  if (!(max > 0)) return [0, 5, 10];
  const step = MINUTE_STEPS.find((s) => max / s <= 5) ?? Math.ceil(max / 5 / 43_200) * 43_200;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, index) => index * step);
}

const SHARE_STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];

/** 0 % up to at least `max` (a fraction), at most six round percentages, never past 100 %. */
export function shareTicks(max: number): number[] {
  const top = Math.min(1, Math.max(0, max));
  const step = SHARE_STEPS.find((s) => top / s <= 5 + 1e-9) ?? 0.25;
  const count = Math.max(2, Math.ceil(top / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toFixed(6)));
}

/** Round ticks from just below the lowest availability up to 100 %, at most six of them. */
export function availabilityTicks(lowest: number): number[] {
  // The 1e-9s absorb binary fractions: 0.001 / 0.0002 is 5.000000000000001.
  const step = AVAILABILITY_STEPS.find((s) => (1 - lowest) / s <= 5 + 1e-9) ?? 0.25;
  const bottom = Math.max(0, Math.floor(lowest / step + 1e-9) * step);
  const ticks: number[] = [];
  for (let tick = bottom; tick <= 1 + 1e-9; tick += step) ticks.push(Number(tick.toFixed(6)));
  return ticks;
}
