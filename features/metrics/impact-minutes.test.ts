import fc from "fast-check";
import { expect, it } from "vitest";
import { coveredMinutes, type Interval } from "@/lib/metrics/intervals";
import { addWeeks, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { useTestDatabase } from "@/test/database";
import { queryPeriodSummaryFromScratch } from "./from-scratch";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";

// The interval arithmetic of lib/metrics/intervals.ts (which checks the demo data) and the
// metrics SQL count the same impact minutes: merged, clipped to the window, open ones to now.
const { db } = useTestDatabase({ poolMax: 2, seed: createMetricsCatalogue });

const MINUTE = 60_000;
const [from, to] = [parseIsoWeek("2026-W10"), parseIsoWeek("2026-W11")];
const now = new Date("2026-03-13T12:00:00Z"); // the Friday of W11: the window still runs
const window = { start: isoWeekStartInstant(from, "UTC").getTime(), end: isoWeekStartInstant(addWeeks(to, 1), "UTC").getTime() };

const incident = fc.record({
  startMinute: fc.integer({ min: -3 * 24 * 60, max: 14 * 24 * 60 }),
  minutes: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: undefined }),
  services: fc.subarray(["cart", "search"], { minLength: 1 }),
});

it("agrees with the SQL on the impact minutes of any incidents in a running window", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(incident, { maxLength: 6 }), async (incidents) => {
      await db.incidentService.deleteMany();
      await db.incident.deleteMany();
      const intervals: Interval[] = [];
      for (const { startMinute, minutes, services } of incidents) {
        const start = window.start + startMinute * MINUTE;
        const mitigated = minutes === undefined ? undefined : start + minutes * MINUTE;
        await addIncident(db, {
          services,
          startedAt: new Date(start).toISOString(),
          mitigatedAt: mitigated === undefined ? undefined : new Date(mitigated).toISOString(),
        });
        intervals.push({ start, end: mitigated ?? now.getTime() });
      }
      const summary = await queryPeriodSummaryFromScratch(db, { from, to, timeZone: "UTC", scope: {}, now });
      expect(summary.impactMinutes).toBe(coveredMinutes(intervals, window));
    }),
    { numRuns: 25 },
  );
});
