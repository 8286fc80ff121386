import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addWeeks, isoWeekOf } from "@/lib/time/iso-week";
import { percentile } from "@/lib/metrics/percentile";
import { countedValues, spelledOut } from "@/lib/metrics/test-arbitraries";
import { useTestDatabase } from "@/test/database";
import { queryAiIncidentComparison, queryAiIncidentComparisonFromScratch } from "./ai-incidents";
import {
  queryBlastRadiusCounts,
  queryBlastRadiusCountsFromScratch,
  queryRootCauseCounts,
  queryRootCauseCountsFromScratch,
  queryTopServicesByImpact,
  queryTopServicesByImpactFromScratch,
} from "./breakdowns";
import { queryPeriodSummaryFromScratch, queryWeeklyMetricsFromScratch } from "./from-scratch";
import { queryPeriodSummary } from "./period";
import { addIncident, createMetricsCatalogue } from "./test-fixtures";
import { MINUTE, WEEK_MS, applyStep, now, step } from "./test-steps";
import type { MetricsQuery, MetricsScope } from "./types";
import { queryWeeklyMetrics } from "./weekly";

// The week cells against the figures computed from every incident: random inserts, edits,
// deletes, long and ongoing incidents, week-boundary crossings, services moving team and
// time-zone changes, every figure of every scope compared after every step. Then the cells
// are shown to be read (a tampered cell shows) and to be dropped by a write to their week.
const { db } = useTestDatabase();

beforeAll(async () => {
  await createMetricsCatalogue(db);
});

const SCOPES: MetricsScope[] = [
  {},
  { team: "storefront" },
  { team: "platform" },
  { service: "checkout" },
  { team: "storefront", service: "cart" },
  { team: "platform", service: "cart" },
];

/** Every figure of every scope over the six weeks to now and the five before, from the cells and from scratch. */
async function expectCellsEqualScratch() {
  const { timeZone } = await db.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
  const at = now();
  const current = isoWeekOf(at, timeZone);
  const windows = [
    { from: addWeeks(current, -6), to: current },
    { from: addWeeks(current, -11), to: addWeeks(current, -7) },
  ];
  for (const window of windows) {
    for (const scope of SCOPES) {
      const q: MetricsQuery = { ...window, timeZone, scope, now: at };
      const label = `${JSON.stringify(scope)} ${JSON.stringify(window)} ${timeZone}`;
      expect(await queryWeeklyMetrics(db, q), label).toEqual(await queryWeeklyMetricsFromScratch(db, q));
      expect(await queryPeriodSummary(db, q), label).toEqual(await queryPeriodSummaryFromScratch(db, q));
      expect(await queryAiIncidentComparison(db, q), label).toEqual(await queryAiIncidentComparisonFromScratch(db, q));
      expect(await queryRootCauseCounts(db, q), label).toEqual(await queryRootCauseCountsFromScratch(db, q));
      expect(await queryBlastRadiusCounts(db, q), label).toEqual(await queryBlastRadiusCountsFromScratch(db, q));
      expect(await queryTopServicesByImpact(db, { ...q, limit: 3 }), label).toEqual(await queryTopServicesByImpactFromScratch(db, { ...q, limit: 3 }));
    }
  }
}

async function reset() {
  await db.incident.deleteMany();
  await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
}

/** Kept cells from earlier tests gone too, for the tests that look at the table. */
const forgetCells = () => db.$executeRaw`DELETE FROM metric_week_cells`;

describe("week cells", () => {
  beforeEach(reset);

  it("equal the figures computed from every incident, after every kind of write", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await reset();
        for (const s of steps) {
          await applyStep(db, s);
          await expectCellsEqualScratch();
        }
      }),
      { numRuns: Number(process.env.CELLS_RUNS ?? 6), seed: Number(process.env.CELLS_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  }, 240_000);

  it("are read back for a closed week, and a write to that week replaces them", async () => {
    await forgetCells();
    const at = now();
    const lastWeek = addWeeks(isoWeekOf(at, "UTC"), -2);
    const started = new Date(at.getTime() - 2 * WEEK_MS);
    const q: MetricsQuery = { from: lastWeek, to: lastWeek, timeZone: "UTC", scope: {}, now: at };
    // started two weeks ago exactly: inside the week two back from the running one, whatever the weekday
    await addIncident(db, { services: ["cart"], startedAt: started.toISOString(), mitigatedAt: new Date(started.getTime() + 30 * MINUTE).toISOString() });
    expect((await queryWeeklyMetrics(db, q))[0]).toMatchObject({ incidents: 1, impactMinutes: 30 });

    // The kept cell is what the next read returns: tampered with, it shows.
    await db.$executeRaw`UPDATE metric_week_cells SET incidents = 99 WHERE scope = ''`;
    expect((await queryWeeklyMetrics(db, q))[0]).toMatchObject({ incidents: 99 });

    // A write to an incident of that week records it, and the next read computes it afresh.
    await addIncident(db, {
      services: ["auth"],
      startedAt: new Date(started.getTime() + MINUTE).toISOString(),
      mitigatedAt: new Date(started.getTime() + 10 * MINUTE).toISOString(),
    });
    expect((await queryWeeklyMetrics(db, q))[0]).toMatchObject({ incidents: 2, impactMinutes: 30 });
    const kept = await db.$queryRaw<{ incidents: number }[]>`SELECT incidents FROM metric_week_cells WHERE scope = ''`;
    expect(kept).toEqual([{ incidents: 2 }]);
  });

  it("are not kept for the running week, which is computed live", async () => {
    await forgetCells();
    const at = now();
    await addIncident(db, { services: ["search"], startedAt: new Date(at.getTime() - MINUTE).toISOString() });
    const current = isoWeekOf(at, "UTC");
    const [week] = await queryWeeklyMetrics(db, { from: current, to: current, timeZone: "UTC", scope: {}, now: at });
    expect(week).toMatchObject({ incidents: 1, impactMinutes: 1 });
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM metric_week_cells`).toEqual([{ n: 0 }]);
  });

  it("record nothing for an edit of words alone, so a busy week's titles do not recompute the year", async () => {
    const started = new Date(now().getTime() - 3 * WEEK_MS);
    const incident = await addIncident(db, {
      services: ["cart"],
      startedAt: started.toISOString(),
      mitigatedAt: new Date(started.getTime() + MINUTE).toISOString(),
    });
    const count = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM metric_invalidations`)[0]!.n;
    const before = await count();
    await db.incident.update({ where: { id: incident.id }, data: { title: "Renamed", summary: "Reworded" } });
    expect(await count()).toBe(before);
    await db.incident.update({ where: { id: incident.id }, data: { usersAffected: 12 } });
    expect(await count()).toBe(before + 1);
  });

  it("record every week at once for a statement over more than a thousand incidents, and stay exact", async () => {
    const nulls = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM metric_invalidations WHERE week_start IS NULL`)[0]!.n;
    await expectCellsEqualScratch(); // keeps the closed weeks' cells
    const before = await nulls();
    const start = now().getTime() - 4 * WEEK_MS;
    await db.incident.createMany({
      data: Array.from({ length: 1001 }, (_, n) => ({
        reference: `INC-BULK-${n}`,
        title: "Bulk",
        severity: "SEV2" as const,
        status: "MITIGATED" as const,
        startedAt: new Date(start + n * MINUTE),
        mitigatedAt: new Date(start + n * MINUTE + 90 * MINUTE),
        blastRadius: "SINGLE_SERVICE" as const,
      })),
    });
    expect(await nulls()).toBe(before + 1);
    await expectCellsEqualScratch();
    await db.$executeRaw`UPDATE incidents SET policy_violation = TRUE WHERE reference LIKE 'INC-BULK-%'`;
    expect(await nulls()).toBe(before + 2);
    await expectCellsEqualScratch();
  }, 120_000);

  it("keep a window's closed weeks summed, read back until a write to one of them", async () => {
    await forgetCells();
    const at = now();
    const current = isoWeekOf(at, "UTC");
    const q: MetricsQuery = { from: addWeeks(current, -4), to: addWeeks(current, -2), timeZone: "UTC", scope: {}, now: at };
    const started = new Date(at.getTime() - 3 * WEEK_MS);
    await addIncident(db, { services: ["cart"], startedAt: started.toISOString(), mitigatedAt: new Date(started.getTime() + 20 * MINUTE).toISOString() });
    expect(await queryPeriodSummary(db, q)).toMatchObject({ weeks: 3, incidents: 1, impactMinutes: 20 });

    await db.$executeRaw`UPDATE metric_period_cells SET incidents = 77`;
    expect(await queryPeriodSummary(db, q)).toMatchObject({ incidents: 77 });

    await addIncident(db, {
      services: ["auth"],
      startedAt: new Date(started.getTime() + WEEK_MS).toISOString(),
      mitigatedAt: new Date(started.getTime() + WEEK_MS + 5 * MINUTE).toISOString(),
    });
    expect(await queryPeriodSummary(db, q)).toMatchObject({ incidents: 2, impactMinutes: 25 });
  });

  it("merge two histograms' percentiles in the database exactly as percentile() of both lists spelled out", async () => {
    const histogram = countedValues({ max: 3000, maxLength: 25, maxCount: 9 });
    const cumulative = (counts: number[]) => {
      let upto = 0;
      return counts.map((n) => (upto += n));
    };
    await fc.assert(
      fc.asyncProperty(histogram, histogram, async ([av, ac], [bv, bc]) => {
        const [row] = await db.$queryRaw<{ p: number[] | null }[]>`
          SELECT metric_percentiles(${av}::int[], ${cumulative(ac)}::bigint[], ${bv}::int[], ${cumulative(bc)}::bigint[]) AS p`;
        const list = [...spelledOut(av, ac), ...spelledOut(bv, bc)];
        expect(row!.p).toEqual(list.length === 0 ? null : [percentile(list, 0.5), percentile(list, 0.9)]);
      }),
      { numRuns: 150 },
    );
  });
});
