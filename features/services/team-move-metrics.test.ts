import { beforeAll, describe, expect, it } from "vitest";
import { queryPeriodSummary, queryWeeklyMetrics } from "@/features/metrics/reads";
import { addIncident, createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import type { MetricsScope } from "@/features/metrics/types";
import { actorOf } from "@/features/settings/test-fixtures";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { updateService } from "./mutations";

// A service moving team takes its closed weeks' figures with it, though they were kept in week cells.
const { db } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
  // cart (storefront): one SEV1 of 90 minutes in 2026-W10; search (platform): a SEV2 of 30 minutes.
  await addIncident(db, { services: ["cart"], severity: "SEV1", startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:30:00Z" });
  await addIncident(db, { services: ["search"], startedAt: "2026-03-04T10:00:00Z", mitigatedAt: "2026-03-04T10:30:00Z" });
});

const query = (scope: MetricsScope) => ({
  from: parseIsoWeek("2026-W09"),
  to: parseIsoWeek("2026-W11"),
  timeZone: "UTC",
  scope,
  now: new Date("2026-06-01T00:00:00Z"),
});
const w10 = async (team: string) => {
  const weeks = await queryWeeklyMetrics(db, query({ team }));
  const { sev1, sev2, impactMinutes } = weeks.find((w) => w.week === "2026-W10")!;
  return { sev1, sev2, impactMinutes };
};

describe("moving a service to another team", () => {
  it("moves its figures from the old team's trends to the new team's, weekly and for the period", async () => {
    expect(await w10("storefront")).toEqual({ sev1: 1, sev2: 0, impactMinutes: 90 });
    expect(await w10("platform")).toEqual({ sev1: 0, sev2: 1, impactMinutes: 30 });
    expect(await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM metric_week_cells`).not.toEqual([{ n: 0n }]);

    await updateService(db, "cart", { version: 1, team: "platform" }, actorOf("lead@example.test", "LEAD"));

    expect(await w10("storefront")).toEqual({ sev1: 0, sev2: 0, impactMinutes: 0 });
    expect(await w10("platform")).toEqual({ sev1: 1, sev2: 1, impactMinutes: 120 });
    expect(await queryPeriodSummary(db, query({ team: "platform" }))).toMatchObject({ sev1: 1, sev2: 1, impactMinutes: 120 });
    expect(await queryPeriodSummary(db, query({ team: "storefront" }))).toMatchObject({ sev1: 0, impactMinutes: 0 });
  });

  it("leaves the figures alone when only the SLO target or the name changes", async () => {
    const before = await queryWeeklyMetrics(db, query({ team: "platform" }));
    await updateService(db, "cart", { version: 2, sloTarget: 0.995, name: "Basket" }, actorOf("lead@example.test", "LEAD"));
    expect(await queryWeeklyMetrics(db, query({ team: "platform" }))).toEqual(before);
  });
});
