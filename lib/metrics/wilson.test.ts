import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

// Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
// methods", Statistics in Medicine 17 (1998) 857–872: the worked examples, method 3 (Wilson
// score, no continuity correction), to the four decimals published.
describe("the Wilson score interval", () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i → %f to %f, as published", (k, n, low, high) => {
    const interval = wilsonInterval(k, n)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it("reaches exactly 0 or 1 at the ends: 0 of n runs to z² / (n + z²), n of n mirrors it", () => {
    const z2 = 1.959964 ** 2;
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(z2 / (10 + z2), 12) }); // 0.2775
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(29, 29)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - z2 / (29 + z2), 12); // 0.8830
  });

  it("holds the observed rate, and narrows as the group grows", () => {
    const small = wilsonInterval(5, 20)!;
    const large = wilsonInterval(50, 200)!;
    for (const { low, high } of [small, large]) expect(low < 0.25 && 0.25 < high).toBe(true);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });

  it("has none for an empty group and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });
});
