import { beforeAll, describe, expect, it } from "vitest";
import { changeMetricsSql } from "@/features/changes/metrics-sql";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { planOf } from "@/test/explain";
import { cellStatements } from "./cells/statements";
import { changeScopeCondition, resolveMetricsScope } from "./scope";
import { metricsWindow } from "./sql";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";
import type { MetricsScope } from "./types";

// Every statement behind the dashboard, the executive summary and the metrics API is served by
// indexes: none reads a whole table of incidents, their services, the kept cells or the
// invalidations (the plans are taken with sequential scans priced out, test/explain.ts).
const { db, url } = useTestDatabase({ poolMax: 2 });

beforeAll(async () => {
  await createMetricsCatalogue(db);
  await addIncident(db, { services: ["cart", "search"], startedAt: "2026-03-03T10:00:00Z", mitigatedAt: "2026-03-03T11:00:00Z" });
  await addIncident(db, { services: ["checkout"], startedAt: "2026-03-10T10:00:00Z" });
});

const GUARDED = ["incidents", "incident_services", "services", "changes", "metric_week_cells", "metric_invalidations"];
const SCOPES: MetricsScope[] = [{}, { team: "storefront" }, { service: "cart" }, { team: "platform", service: "cart" }];

describe.each(SCOPES)("the trends' statements for scope %j", (scope) => {
  it("read no table whole", async () => {
    const window = metricsWindow({
      from: parseIsoWeek("2025-W10"),
      to: parseIsoWeek("2026-W10"),
      timeZone: "Europe/Paris",
      scope,
      now: new Date("2026-03-05T00:00:00Z"),
    });
    const resolved = await resolveMetricsScope(db, scope);
    const statements = { ...cellStatements(window, resolved), "change failure rate": changeMetricsSql(window, changeScopeCondition(resolved)) };
    for (const [name, statement] of Object.entries(statements)) {
      const plan = await planOf(url(), statement);
      expect(
        plan.sequentialScans.filter((table) => GUARDED.includes(table)),
        name,
      ).toEqual([]);
    }
  });
});

it("sees a sequential scan where no index serves the query, so the checks above can fail", async () => {
  const plan = await planOf(url(), { text: "SELECT count(*) FROM incidents WHERE title = $1", values: ["x"] });
  expect(plan.sequentialScans).toEqual(["incidents"]);
});
