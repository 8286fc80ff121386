import { describe, expect, it } from "vitest";
import { formatAvailability, formatMinutes } from "@/lib/figure-text";

describe("formatMinutes", () => {
  it("keeps minutes below two hours and turns to hours at 120", () => {
    expect(formatMinutes(0)).toBe("0 min");
    expect(formatMinutes(95)).toBe("95 min");
    expect(formatMinutes(119)).toBe("119 min");
    expect(formatMinutes(120)).toBe("2 h");
    expect(formatMinutes(121)).toBe("2 h 1 min");
    expect(formatMinutes(130)).toBe("2 h 10 min");
    expect(formatMinutes(785)).toBe("13 h 5 min");
  });

  it("keeps a tenth of a minute below two hours (a median), and rounds to whole minutes past", () => {
    expect(formatMinutes(42.5)).toBe("42.5 min");
    expect(formatMinutes(119.96)).toBe("120 min");
    expect(formatMinutes(130.4)).toBe("2 h 10 min");
  });

  it("turns to days past 48 hours", () => {
    expect(formatMinutes(47 * 60 + 59)).toBe("47 h 59 min");
    expect(formatMinutes(48 * 60)).toBe("2 d");
    expect(formatMinutes(76 * 60 + 30)).toBe("3 d 4 h");
  });

  it("shows a dash for no value and a sign for a negative one", () => {
    expect(formatMinutes(null)).toBe("—");
    expect(formatMinutes(undefined)).toBe("—");
    expect(formatMinutes(-150)).toBe("−2 h 30 min");
  });
});

describe("formatAvailability", () => {
  it("shows two decimals, never rounding impact up to 100 %", () => {
    expect(formatAvailability(0.9987)).toBe("99.87 %");
    expect(formatAvailability(0.99953)).toBe("99.95 %");
    expect(formatAvailability(0.99999)).toBe("99.99 %");
    expect(formatAvailability(1)).toBe("100.00 %");
    expect(formatAvailability(0.955)).toBe("95.50 %");
    expect(formatAvailability(null)).toBe("—");
  });
});
