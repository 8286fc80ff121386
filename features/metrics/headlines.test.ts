import { describe, expect, it } from "vitest";
import { changeOf, formatDelta, formatHeadline } from "@/features/metrics/headlines";

describe("changeOf", () => {
  it("calls availability going up better and going down worse", () => {
    expect(changeOf({ value: 0.9995, previous: 0.999, better: "higher", format: "availability" })).toEqual({
      direction: "up",
      verdict: "better",
      delta: 0.9995 - 0.999,
    });
    expect(changeOf({ value: 0.998, previous: 0.999, better: "higher", format: "availability" })?.verdict).toBe("worse");
  });

  it("calls a count going down better and going up worse", () => {
    expect(changeOf({ value: 2, previous: 5, better: "lower", format: "count" })).toEqual({ direction: "down", verdict: "better", delta: -3 });
    expect(changeOf({ value: 6, previous: 5, better: "lower", format: "count" })).toEqual({ direction: "up", verdict: "worse", delta: 1 });
  });

  it("reads no change, and rounding noise, as flat", () => {
    expect(changeOf({ value: 4, previous: 4, better: "lower", format: "count" })).toEqual({ direction: "flat", verdict: "neutral", delta: 0 });
    expect(changeOf({ value: 0.9990000001, previous: 0.999, better: "higher", format: "availability" })?.direction).toBe("flat");
    // Less than the 0.01 pp the tile shows is flat too, never "+0.00 pp".
    expect(changeOf({ value: 0.99903, previous: 0.999, better: "higher", format: "availability" })?.direction).toBe("flat");
  });

  it("judges a descriptive figure neither way, and has nothing to say without both values", () => {
    expect(changeOf({ value: 0.4, previous: 0.2, better: "neutral", format: "share" })).toEqual({ direction: "up", verdict: "neutral", delta: 0.2 });
    expect(changeOf({ value: null, previous: 30, better: "lower", format: "minutes" })).toBeNull();
    expect(changeOf({ value: 30, previous: null, better: "lower", format: "minutes" })).toBeNull();
  });
});

describe("formatting", () => {
  it("shows shares and availability in percent and their changes in percentage points", () => {
    expect(formatHeadline(0.99953, "availability")).toBe("99.95 %");
    expect(formatDelta(-0.00012, "availability")).toBe("−0.01 pp");
    expect(formatHeadline(0.25, "share")).toBe("25.0 %");
    expect(formatDelta(0.05, "share")).toBe("+5.0 pp");
  });

  it("shows counts and minutes with their sign", () => {
    expect(formatHeadline(12345, "count")).toBe("12,345");
    expect(formatDelta(-3, "count")).toBe("−3");
    expect(formatDelta(42.5, "minutes")).toBe("+42.5 min");
    expect(formatHeadline(785, "minutes")).toBe("13 h 5 min");
    expect(formatDelta(-130, "minutes")).toBe("−2 h 10 min");
    expect(formatHeadline(null, "minutes")).toBe("—");
  });
});
