import { describe, expect, it } from "vitest";
import { instantToWallTime, isValidTimeZone, wallTimeToInstant, zoneOffsetMs } from "./zoned";

describe("wall times in a time zone", () => {
  it("reads a wall time in UTC as that instant", () => {
    expect(wallTimeToInstant("2026-03-02T09:15", "UTC")?.toISOString()).toBe("2026-03-02T09:15:00.000Z");
  });

  it("applies winter and summer offsets (Berlin: +1 in January, +2 in July)", () => {
    expect(wallTimeToInstant("2026-01-15T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(wallTimeToInstant("2026-07-15T10:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
  });

  it("handles zones west of UTC and the day boundary (New York, -5 in winter)", () => {
    expect(wallTimeToInstant("2026-01-31T22:30", "America/New_York")?.toISOString()).toBe("2026-02-01T03:30:00.000Z");
  });

  it("rejects text that is not a wall time", () => {
    expect(wallTimeToInstant("yesterday", "UTC")).toBeNull();
    expect(wallTimeToInstant("2026-01-15 10:00", "UTC")).toBeNull();
  });

  it("round-trips an instant through its wall time", () => {
    const instant = new Date("2026-10-25T00:30:00Z");
    expect(instantToWallTime(instant, "Europe/Berlin")).toBe("2026-10-25T02:30");
    expect(wallTimeToInstant(instantToWallTime(instant, "Asia/Kolkata"), "Asia/Kolkata")?.toISOString()).toBe(instant.toISOString());
  });

  it("knows offsets and valid zone names", () => {
    expect(zoneOffsetMs(new Date("2026-07-01T00:00:00Z"), "Asia/Kolkata")).toBe(5.5 * 3600_000);
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
