import { describe, it, expect } from "vitest";
import { deriveIncidentDurations } from "./derived";

const at = (iso: string) => new Date(iso);
const startedAt = at("2026-03-03T10:00:00Z");

describe("deriveIncidentDurations", () => {
  it("derives every duration of a resolved incident from startedAt, rounding down", () => {
    const durations = deriveIncidentDurations(
      {
        startedAt,
        detectedAt: at("2026-03-03T10:04:30Z"), // 4.5 min → 4
        mitigatedAt: at("2026-03-03T16:00:59Z"), // 6 h 59 s = 360 min 59 s → 360
        resolvedAt: at("2026-03-04T10:00:00Z"), // 24 h = 1440 min
      },
      at("2026-03-10T00:00:00Z"),
    );
    expect(durations).toEqual({ impactMinutes: 360, ttdMinutes: 4, ttmMinutes: 360, ttrMinutes: 1440 });
  });

  it("ends the impact at mitigation, not at resolution or now", () => {
    const { impactMinutes } = deriveIncidentDurations(
      { startedAt, mitigatedAt: at("2026-03-03T10:45:00Z"), resolvedAt: at("2026-03-03T12:00:00Z") },
      at("2026-03-05T00:00:00Z"),
    );
    expect(impactMinutes).toBe(45); // 10:00 → 10:45
  });

  it("counts the impact up to now while the incident is not mitigated", () => {
    const durations = deriveIncidentDurations(
      { startedAt, detectedAt: at("2026-03-03T10:10:00Z") },
      at("2026-03-03T11:30:45Z"), // 90 min 45 s → 90
    );
    expect(durations).toEqual({ impactMinutes: 90, ttdMinutes: 10, ttmMinutes: null, ttrMinutes: null });
  });

  it("leaves a duration null when its timestamp is missing, whether null or absent", () => {
    const withNulls = deriveIncidentDurations({ startedAt, detectedAt: null, mitigatedAt: null, resolvedAt: null }, at("2026-03-03T10:30:00Z"));
    const withoutKeys = deriveIncidentDurations({ startedAt }, at("2026-03-03T10:30:00Z"));
    const expected = { impactMinutes: 30, ttdMinutes: null, ttmMinutes: null, ttrMinutes: null };
    expect(withNulls).toEqual(expected);
    expect(withoutKeys).toEqual(expected);
  });

  it("gives 0, not null, for a timestamp equal to startedAt", () => {
    const durations = deriveIncidentDurations(
      { startedAt, detectedAt: startedAt, mitigatedAt: at("2026-03-03T10:00:59.999Z") }, // under a minute → 0
      at("2026-03-03T12:00:00Z"),
    );
    expect(durations).toMatchObject({ impactMinutes: 0, ttdMinutes: 0, ttmMinutes: 0 });
  });

  it("never gives a negative impact when startedAt is slightly ahead of now", () => {
    // Clock skew: the incident "started" 2 minutes after now.
    const { impactMinutes } = deriveIncidentDurations({ startedAt }, at("2026-03-03T09:58:00Z"));
    expect(impactMinutes).toBe(0);
  });

  it("accepts a database row carrying other fields", () => {
    const row = { id: "x", reference: "INC-2026-0042", startedAt, detectedAt: null, mitigatedAt: at("2026-03-03T23:00:00Z"), resolvedAt: null };
    expect(deriveIncidentDurations(row, at("2026-03-04T00:00:00Z")).impactMinutes).toBe(780); // 13 h × 60
  });
});
