import { describe, expect, it } from "vitest";
import { availabilityTicks, minuteTicks, shareTicks } from "./ticks";

describe("minuteTicks", () => {
  it("steps by minutes a clock knows, up to at least the largest value", () => {
    expect(minuteTicks(54)).toEqual([0, 15, 30, 45, 60]);
    expect(minuteTicks(280)).toEqual([0, 60, 120, 180, 240, 300]);
    expect(minuteTicks(20_000)).toEqual([0, 4320, 8640, 12_960, 17_280, 21_600]);
  });

  it("still draws an axis when every value is zero", () => {
    expect(minuteTicks(0)).toEqual([0, 5, 10]);
  });
});

describe("shareTicks", () => {
  it("steps by round percentages up to at least the largest share, and stops at 100 %", () => {
    expect(shareTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(shareTicks(0.04)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
    expect(shareTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(shareTicks(0.6)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it("still draws an axis when every share is zero", () => {
    expect(shareTicks(0)).toEqual([0, 0.01, 0.02]);
  });
});

describe("availabilityTicks", () => {
  it("chooses round steps from just below the lowest value to 100 %", () => {
    expect(availabilityTicks(0.8804)).toEqual([0.85, 0.9, 0.95, 1]);
    expect(availabilityTicks(0.999)).toEqual([0.999, 0.9992, 0.9994, 0.9996, 0.9998, 1]);
    expect(availabilityTicks(0.9953)).toEqual([0.995, 0.996, 0.997, 0.998, 0.999, 1]);
  });
});
