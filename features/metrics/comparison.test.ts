import { beforeAll, describe, expect, it } from "vitest";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { queryPeriodComparison } from "./comparison";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";

// queryPeriodComparison (what the executive summary calls) on a real PostgreSQL; every
// expected figure is worked out by hand from the incidents below.
const { db } = useTestDatabase({ poolMax: 2 });
const WEEK = 7 * 24 * 60;

beforeAll(async () => {
  await createMetricsCatalogue(db);
  // The first recorded incident: Monday 2 March 2026 00:00, the start of 2026-W10, 60 minutes.
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-02T00:00:00Z", mitigatedAt: "2026-03-02T01:00:00Z", severity: "SEV1" });
  // 2026-W11: Tuesday 90 minutes; Wednesday 11:00–13:00 across noon; Thursday 120 minutes.
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-10T08:00:00Z", mitigatedAt: "2026-03-10T09:30:00Z", usersAffected: 10 });
  await addIncident(db, { services: ["search"], startedAt: "2026-03-11T11:00:00Z", mitigatedAt: "2026-03-11T13:00:00Z", usersAffected: 20 });
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-12T08:00:00Z", mitigatedAt: "2026-03-12T10:00:00Z", usersAffected: 40 });
  // 2026-W12: Tuesday 30 minutes; 2026-W13: Wednesday 09:00–09:45.
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-17T10:00:00Z", mitigatedAt: "2026-03-17T10:30:00Z" });
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-25T09:00:00Z", mitigatedAt: "2026-03-25T09:45:00Z", severity: "SEV1" });
});

const compare = (from: string, to: string, now: string) =>
  queryPeriodComparison(db, { from: parseIsoWeek(from), to: parseIsoWeek(to), timeZone: "UTC", scope: {}, now: new Date(now) });

describe("queryPeriodComparison", () => {
  it("has no earlier data when the previous period lies before the first recorded incident", async () => {
    const { current, previous, running } = await compare("2026-W10", "2026-W11", "2026-04-01T00:00:00Z");
    expect(running).toBe(false);
    expect(current).toMatchObject({ incidents: 4, impactMinutes: 390 });
    expect(previous).toEqual({ kind: "no-earlier-data", firstIncidentAt: "2026-03-02T00:00:00.000Z" });
  });

  it("has no earlier data when the previous period begins before the first incident, though it holds it", async () => {
    // W09 and W10, held against W11 and W12, begin a week before the first incident.
    expect((await compare("2026-W11", "2026-W12", "2026-04-01T00:00:00Z")).previous.kind).toBe("no-earlier-data");
    // W10 alone begins with it.
    expect((await compare("2026-W11", "2026-W11", "2026-04-01T00:00:00Z")).previous.kind).toBe("full");
  });

  it("compares whole periods once the period has ended", async () => {
    const { current, previous, running } = await compare("2026-W12", "2026-W13", "2026-04-01T00:00:00Z");
    expect(running).toBe(false);
    expect(current).toMatchObject({ incidents: 2, sev1: 1, impactMinutes: 75, minutes: 2 * WEEK });
    expect(previous.kind).toBe("full");
    if (previous.kind !== "full") return;
    // W10 and W11: 60 + 90 + 120 + 120 minutes, 4 incidents, 70 users.
    expect(previous.summary).toMatchObject({ incidents: 4, sev1: 1, sev2: 3, impactMinutes: 390, usersAffected: 70, minutes: 2 * WEEK });
  });

  it("compares a running period with the same elapsed part of the previous one", async () => {
    // Wednesday 25 March 12:00: W12 and two and a half days of W13 have passed.
    const { current, previous, running } = await compare("2026-W12", "2026-W13", "2026-03-25T12:00:00Z");
    const elapsed = WEEK + 2.5 * 24 * 60;
    expect(running).toBe(true);
    expect(current).toMatchObject({ incidents: 2, impactMinutes: 75, minutes: elapsed });
    expect(previous.kind).toBe("same-elapsed");
    if (previous.kind !== "same-elapsed") return;
    // Up to Wednesday 11 March 12:00: the W10 incident, Tuesday's and the first hour of Wednesday's; not Thursday's.
    expect(previous.until).toBe("2026-03-11T12:00:00.000Z");
    expect(previous.summary).toMatchObject({ incidents: 3, sev1: 1, sev2: 2, impactMinutes: 60 + 90 + 60, usersAffected: 30, minutes: elapsed });
    expect(previous.summary.availability).toBeCloseTo(1 - 210 / elapsed, 12);
    expect(previous.summary.aiShare).toBe(0);
  });
});
