import { beforeAll, describe, expect, it } from "vitest";
import { queryPeriodSummary } from "@/features/metrics/reads";
import { addIncident, createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { errorBudget } from "./error-budget";
import { listServiceAvailability } from "@/features/services/reads";

// The services list and a service's page show the same availability and error budget.
const { db } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
  await addIncident(db, { services: ["cart"], severity: "SEV1", startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:30:00Z" });
  await addIncident(db, { services: ["cart"], startedAt: "2026-03-10T08:00:00Z", mitigatedAt: "2026-03-10T08:45:00Z" });
});

// 2026-W11 runs: it is Wednesday 2026-03-11, noon.
const period = { from: parseIsoWeek("2026-W10"), to: parseIsoWeek("2026-W11"), timeZone: "Europe/Paris", now: new Date("2026-03-11T12:00:00Z") };

describe("a service's availability over a period whose last week runs", () => {
  it("is the same on the services list as on the service's page: the running week counts its minutes so far", async () => {
    const cart = (await listServiceAvailability(db, period)).find((s) => s.slug === "cart")!;
    const summary = await queryPeriodSummary(db, { ...period, scope: { service: "cart" } });
    const onPage = errorBudget({ sloTarget: cart.sloTarget, periodMinutes: summary.minutes, impactMinutes: summary.impactMinutes });
    expect(cart.budget).toEqual(onPage);
    // W10 whole (168 h) and W11 from Monday 00:00 Paris (Sunday 23:00Z) to Wednesday noon Z.
    expect(cart.budget.periodMinutes).toBeCloseTo(7 * 24 * 60 + (2 * 24 + 13) * 60, 6);
    expect(cart.budget.usedMinutes).toBe(135);
  });
});
