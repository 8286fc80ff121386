import { describe, expect, it } from "vitest";
import { addWeeks, formatIsoWeek, parseIsoWeek } from "@/lib/time/iso-week";
import { pickWheelService } from "./wheel";

const services = ["cart", "checkout", "payments", "pricing", "search", "storefront"];
const weeksFrom = (first: string, count: number) => Array.from({ length: count }, (_, i) => formatIsoWeek(addWeeks(parseIsoWeek(first), i)));

describe("pickWheelService", () => {
  it("picks the same service for the same week, whatever order the services come in", () => {
    expect(pickWheelService("2026-W10", services)).toBe(pickWheelService("2026-W10", [...services].reverse()));
  });

  it("never lands on the previous week's pick, over three years of weeks", () => {
    const weeks = weeksFrom("2024-W01", 160);
    const picks = weeks.map((week) => pickWheelService(week, services));
    picks.slice(1).forEach((pick, i) => expect(pick, weeks[i + 1]).not.toBe(picks[i]));
  });

  it("never repeats even with two services, by alternating", () => {
    const picks = weeksFrom("2026-W01", 10).map((week) => pickWheelService(week, ["a", "b"]));
    picks.slice(1).forEach((pick, i) => expect(pick).not.toBe(picks[i]));
  });

  it("spreads its picks over every service", () => {
    const picks = new Set(weeksFrom("2025-W01", 104).map((week) => pickWheelService(week, services)));
    expect(picks).toEqual(new Set(services));
  });

  it("avoids a frozen previous pick even when services changed since", () => {
    const week = "2026-W10";
    const natural = pickWheelService(week, services);
    const frozen = (w: string) => (w === "2026-W09" ? natural : null);
    const pick = pickWheelService(week, services, frozen);
    expect(pick).not.toBe(natural);
    expect(services).toContain(pick);
  });

  it("keeps a week's own frozen pick", () => {
    expect(pickWheelService("2026-W10", services, (w) => (w === "2026-W10" ? "retired-service" : null))).toBe("retired-service");
  });

  it("has nothing to pick without services, and the one service when there is one", () => {
    expect(pickWheelService("2026-W10", [])).toBeNull();
    expect(pickWheelService("2026-W10", ["only"])).toBe("only");
  });
});
