import { describe, expect, it } from "vitest";
import { daysBetween } from "@/lib/time/iso-week";
import { formatClock, formatDay, formatWeekRange, weekDates } from "./review-format";

describe("review formatting", () => {
  it("names the Monday to Sunday a week covers, across a year boundary", () => {
    expect(weekDates("2020-W53")).toEqual({ first: "2020-12-28", last: "2021-01-03" });
    expect(formatWeekRange("2026-W10")).toBe("2 Mar – 8 Mar 2026");
  });

  it("writes a meeting day with its weekday", () => {
    expect(formatDay("2026-03-11")).toBe("Wed, 11 Mar 2026");
  });

  it("counts whole days between calendar dates", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2026-03-02", "2026-03-02")).toBe(0);
  });

  it("shows a timer as mm:ss, with hours only past an hour", () => {
    expect(formatClock(425)).toBe("07:05");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(-5)).toBe("00:00");
  });
});
