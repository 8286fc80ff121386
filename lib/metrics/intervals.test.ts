import { describe, it, expect } from "vitest";
import { clipInterval, coveredMinutes, coveredMs, mergeIntervals, type Interval } from "./intervals";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2); // Monday 2026-03-02 00:00Z, an arbitrary origin
/** An interval given in minutes after T0. */
const mins = (start: number, end: number): Interval => ({ start: T0 + start * MINUTE, end: T0 + end * MINUTE });

describe("mergeIntervals", () => {
  it("merges overlapping intervals", () => {
    expect(mergeIntervals([mins(0, 10), mins(5, 15)])).toEqual([mins(0, 15)]);
  });

  it("merges intervals that only touch, since [a,b) and [b,c) leave no gap", () => {
    expect(mergeIntervals([mins(0, 10), mins(10, 20)])).toEqual([mins(0, 20)]);
  });

  it("keeps intervals separated by a gap apart", () => {
    expect(mergeIntervals([mins(0, 10), mins(11, 20)])).toEqual([mins(0, 10), mins(11, 20)]);
  });

  it("sorts its input first", () => {
    expect(mergeIntervals([mins(20, 30), mins(0, 10), mins(5, 12)])).toEqual([mins(0, 12), mins(20, 30)]);
  });

  it("keeps the later end when one interval contains the next", () => {
    expect(mergeIntervals([mins(0, 100), mins(10, 20), mins(30, 40)])).toEqual([mins(0, 100)]);
  });

  it("drops empty and inverted intervals", () => {
    expect(mergeIntervals([mins(5, 5), mins(10, 3), mins(20, 25)])).toEqual([mins(20, 25)]);
    expect(mergeIntervals([])).toEqual([]);
  });

  it("leaves its input untouched", () => {
    const input = [mins(10, 20), mins(0, 15)];
    const before = structuredClone(input);
    const merged = mergeIntervals(input);
    merged[0]!.end = 0;
    expect(input).toEqual(before);
  });
});

describe("clipInterval", () => {
  const window = mins(0, 60);

  it("returns the part inside the window", () => {
    expect(clipInterval(mins(10, 20), window)).toEqual(mins(10, 20));
    expect(clipInterval(mins(-30, 10), window)).toEqual(mins(0, 10));
    expect(clipInterval(mins(50, 90), window)).toEqual(mins(50, 60));
    expect(clipInterval(mins(-5, 65), window)).toEqual(window);
  });

  it("returns null when they share no time, including when they only touch", () => {
    expect(clipInterval(mins(70, 80), window)).toBeNull();
    expect(clipInterval(mins(60, 70), window)).toBeNull();
    expect(clipInterval(mins(-10, 0), window)).toBeNull();
  });
});

describe("coveredMs", () => {
  const window = mins(0, 60);

  it("counts overlapping incidents once", () => {
    // [0,30) ∪ [10,40) = [0,40): 40 minutes, not 30 + 30 = 60.
    expect(coveredMs([mins(0, 30), mins(10, 40)], window)).toBe(40 * MINUTE);
  });

  it("adds disjoint intervals", () => {
    // 10 + 5 = 15 minutes
    expect(coveredMs([mins(0, 10), mins(50, 55)], window)).toBe(15 * MINUTE);
  });

  it("clips to the window before adding up", () => {
    // [-10,10) contributes [0,10); [50,90) contributes [50,60); [70,80) nothing: 10 + 10 = 20.
    expect(coveredMs([mins(-10, 10), mins(50, 90), mins(70, 80)], window)).toBe(20 * MINUTE);
  });

  it("does not double-count an overlap that straddles the window start", () => {
    // [-20,5) ∪ [-10,8) = [-20,8), of which [0,8) lies in the window: 8 minutes.
    expect(coveredMs([mins(-20, 5), mins(-10, 8)], window)).toBe(8 * MINUTE);
  });

  it("is the whole window when an interval spans it", () => {
    expect(coveredMs([mins(-100, 100)], window)).toBe(60 * MINUTE);
  });

  it("is zero for no intervals, an empty window or an inverted window", () => {
    expect(coveredMs([], window)).toBe(0);
    expect(coveredMs([mins(0, 10)], mins(5, 5))).toBe(0);
    expect(coveredMs([mins(0, 10)], mins(10, 0))).toBe(0);
  });
});

describe("coveredMinutes", () => {
  const window = mins(0, 60);

  it("rounds the covered time down to whole minutes", () => {
    expect(coveredMinutes([{ start: T0, end: T0 + 90_000 }], window)).toBe(1); // 1.5 min → 1
    expect(coveredMinutes([{ start: T0, end: T0 + 59_999 }], window)).toBe(0); // just under a minute → 0
  });

  it("rounds the total, not each interval", () => {
    // 30 s + 30 s = 60 s = 1 minute; flooring each first would give 0 + 0.
    const halfMinutes = [
      { start: T0, end: T0 + 30_000 },
      { start: T0 + 60_000, end: T0 + 90_000 },
    ];
    expect(coveredMinutes(halfMinutes, window)).toBe(1);
  });

  it("covers a whole ISO week as 7 × 24 × 60 = 10080 minutes", () => {
    const week = mins(0, 10_080);
    expect(coveredMinutes([mins(-60, 20_000)], week)).toBe(10_080);
  });
});
