import { beforeAll, describe, expect, it } from "vitest";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { queryAiIncidentComparison } from "./ai-incidents";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";
import type { MetricsScope } from "./types";

const { db } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
  // 2026-W10 (Mon 2 March), all mitigated. AI-involved: a Sev1 on cart 10:00–11:00 and an
  // agent's Sev2 on cart 10:30–12:00. Others: a Sev2 on search 10:30–11:30, a Sev2 on auth
  // 14:00–14:20, and a Sev2 on checkout from Sunday 23:00 (W09) to Monday 01:00.
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:00:00Z", severity: "SEV1", ai: "ASSISTED" });
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-03T10:30:00Z", mitigatedAt: "2026-03-03T12:00:00Z", ai: "AGENT" });
  await addIncident(db, { services: ["search"], startedAt: "2026-03-03T10:30:00Z", mitigatedAt: "2026-03-03T11:30:00Z" });
  await addIncident(db, { services: ["auth"], startedAt: "2026-03-03T14:00:00Z", mitigatedAt: "2026-03-03T14:20:00Z" });
  await addIncident(db, { services: ["checkout"], startedAt: "2026-03-01T23:00:00Z", mitigatedAt: "2026-03-02T01:00:00Z" });
});

const compare = (from: string, to: string, scope: MetricsScope = {}) =>
  queryAiIncidentComparison(db, { from: parseIsoWeek(from), to: parseIsoWeek(to), timeZone: "UTC", scope, now: new Date("2026-11-01T00:00:00Z") });
const noIncidents = { incidents: 0, sev1: 0, sev1Share: null, impactMinutes: 0, ttm: { median: null, p90: null } };

describe("AI-involved against other incidents", () => {
  it("merges each group's impact, and takes Sev1 share and time to mitigate over the incidents started in the period", async () => {
    const { aiInvolved, other } = await compare("2026-W10", "2026-W10");
    // AI: union 10:00–12:00 = 120 minutes; 1 Sev1 of 2; TTM [60, 90] → median 75, p90 60 + 0.9 × 30 = 87
    expect(aiInvolved).toEqual({ incidents: 2, sev1: 1, sev1Share: 0.5, impactMinutes: 120, ttm: { median: 75, p90: 87 } });
    // Others: 60 (search) + 20 (auth) + 60 of checkout's 120 inside W10 = 140 minutes; only
    // the two started in W10 count: no Sev1; TTM [60, 20] → median 40, p90 20 + 0.9 × 40 = 56
    expect(other).toEqual({ incidents: 2, sev1: 0, sev1Share: 0, impactMinutes: 140, ttm: { median: 40, p90: 56 } });
  });

  it("keeps to the scope, and has nulls, not zeros, for a group without incidents", async () => {
    const platform = await compare("2026-W10", "2026-W10", { team: "platform" });
    expect(platform.aiInvolved).toEqual(noIncidents);
    expect(platform.other).toMatchObject({ incidents: 2, impactMinutes: 80 });
    expect(await compare("2026-W20", "2026-W21")).toEqual({ aiInvolved: noIncidents, other: noIncidents });
  });
});
