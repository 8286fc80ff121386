import fc from "fast-check";
import { describe, it, expect } from "vitest";
import { median, percentile, percentileOfCounts } from "./percentile";
import { countedValues, spelledOut } from "./test-arbitraries";

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("percentile", () => {
  it("is null for an empty list", () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(median([])).toBeNull();
  });

  it("is the value itself for a single value, at any p", () => {
    // n = 1: rank = p × 0 = 0
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([42], 1)).toBe(42);
  });

  it("interpolates between two values", () => {
    // rank = 0.9 × 1 = 0.9: 10 + (20 − 10) × 0.9 = 19
    expect(percentile([10, 20], 0.9)).toBe(19);
    // rank = 0.5: 10 + 10 × 0.5 = 15
    expect(median([10, 20])).toBe(15);
  });

  it("interpolates within ten values", () => {
    // rank = 0.9 × 9 = 8.1: sorted[8] = 9, sorted[9] = 10, 9 + 1 × 0.1 = 9.1
    expect(percentile(oneToTen, 0.9)).toBeCloseTo(9.1, 10);
    // rank = 0.5 × 9 = 4.5: 5 + (6 − 5) × 0.5 = 5.5
    expect(median(oneToTen)).toBe(5.5);
    // rank = 0.25 × 9 = 2.25: 3 + 1 × 0.25 = 3.25
    expect(percentile(oneToTen, 0.25)).toBe(3.25);
  });

  it("returns the extremes at p = 0 and p = 1", () => {
    expect(percentile(oneToTen, 0)).toBe(1);
    expect(percentile(oneToTen, 1)).toBe(10);
  });

  it("lands exactly on a value when the rank is whole", () => {
    // n = 5, median rank = 0.5 × 4 = 2: sorted[2] = 30, no interpolation
    expect(median([50, 10, 40, 20, 30])).toBe(30);
  });

  it("sorts numerically, not as text", () => {
    // numeric order [9, 10, 1000] has median 10; text order ["10", "1000", "9"] would give 1000
    expect(median([10, 9, 1000])).toBe(10);
    // TTM minutes, unsorted: [5, 12, 30, 45, 240], rank 0.9 × 4 = 3.6: 45 + (240 − 45) × 0.6 = 162
    expect(percentile([240, 5, 45, 12, 30], 0.9)).toBeCloseTo(162, 10);
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("rejects p outside [0, 1] and non-finite values", () => {
    expect(() => percentile(oneToTen, 90)).toThrow(RangeError);
    expect(() => percentile(oneToTen, -0.1)).toThrow(RangeError);
    expect(() => percentile(oneToTen, Number.NaN)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(RangeError);
  });
});

describe("percentileOfCounts", () => {
  it("equals percentile() of the list spelled out, for any counts and p", () => {
    const counted = countedValues({ max: 10_000, maxLength: 30, maxCount: 20 });
    fc.assert(
      fc.property(counted, fc.constantFrom(0, 0.5, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true }), ([values, counts], fixed, any) => {
        const list = spelledOut(values, counts);
        for (const p of [fixed, any]) expect(percentileOfCounts(values, counts, p)).toBe(percentile(list, p));
      }),
    );
  });

  it("works out a median between two counted values by hand", () => {
    // 3, 3, 3, 10: rank 1.5 lies between 3 and 3; p90 at rank 2.7 is 3 + 0.7 × 7
    expect(percentileOfCounts([3, 10], [3, 1], 0.5)).toBe(3);
    expect(percentileOfCounts([3, 10], [3, 1], 0.9)).toBeCloseTo(7.9, 12);
    expect(percentileOfCounts([], [], 0.5)).toBeNull();
  });
});
