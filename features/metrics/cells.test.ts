import fc from "fast-check";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AiInvolvement, BlastRadius, RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";
import { addWeeks, isoWeekOf } from "@/lib/time/iso-week";
import { percentile } from "@/lib/metrics/percentile";
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

const MINUTE = 60_000;
const WEEK_MS = 7 * 24 * 60 * MINUTE;
const SERVICES = ["cart", "checkout", "search", "auth"] as const;
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"] as const;

/** Six weeks back from now to now: five closed weeks, the one running, and some slack either side. */
const now = () => new Date();
const timeInRange = (fraction: number, at: Date) => new Date(at.getTime() - 6 * WEEK_MS + Math.floor(fraction * 6 * WEEK_MS));

const incidentShape = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  services: fc.subarray([...SERVICES], { minLength: 1 }),
  // up to three weeks long, or still open
  minutes: fc.option(fc.integer({ min: 0, max: 3 * 7 * 24 * 60 }), { nil: undefined, freq: 4 }),
  detectAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  resolveAfter: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  severity: fc.constantFrom<Severity>("SEV1", "SEV2"),
  ai: fc.constantFrom<AiInvolvement>("NONE", "ASSISTED", "AGENT"),
  policyViolation: fc.boolean(),
  usersAffected: fc.integer({ min: 0, max: 50_000 }),
  rootCause: fc.constantFrom<RootCauseCategory>("UNKNOWN", "CODE_CHANGE", "CONFIG_CHANGE", "CAPACITY"),
  blastRadius: fc.constantFrom<BlastRadius>("SINGLE_SERVICE", "MULTI_SERVICE", "SITE_WIDE"),
});
type IncidentShape = (typeof incidentShape) extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("insert" as const), incident: incidentShape }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), incident: incidentShape }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("services" as const), pick: fc.nat(), services: fc.subarray([...SERVICES], { minLength: 1 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("move service" as const), service: fc.constantFrom(...SERVICES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("time zone" as const), zone: fc.constantFrom(...ZONES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("flip policy" as const) }), weight: 1 },
);
type Step = (typeof step) extends fc.Arbitrary<infer T> ? T : never;

function timestamps(shape: IncidentShape, at: Date) {
  const startedAt = timeInRange(shape.at, at);
  const plus = (minutes: number | undefined) => (minutes === undefined ? null : new Date(startedAt.getTime() + minutes * MINUTE));
  const mitigatedAt = plus(shape.minutes);
  return {
    startedAt,
    detectedAt: plus(shape.detectAfter),
    mitigatedAt: mitigatedAt && mitigatedAt < at ? mitigatedAt : null,
    resolvedAt: mitigatedAt && shape.resolveAfter !== undefined ? plus((shape.minutes ?? 0) + shape.resolveAfter) : null,
  };
}

async function pickIncident(pick: number) {
  const ids = await db.incident.findMany({ select: { id: true }, orderBy: { reference: "asc" } });
  return ids.length === 0 ? null : ids[pick % ids.length]!.id;
}

async function apply(s: Step) {
  const at = now();
  switch (s.kind) {
    case "insert": {
      const { services, severity, ai, policyViolation, usersAffected, rootCause, blastRadius } = s.incident;
      const iso = Object.fromEntries(Object.entries(timestamps(s.incident, at)).map(([k, v]) => [k, v?.toISOString()]));
      await addIncident(db, { services, severity, ai, policyViolation, usersAffected, rootCause, blastRadius, ...iso, startedAt: iso.startedAt! });
      return;
    }
    case "edit": {
      const id = await pickIncident(s.pick);
      if (!id) return;
      const { severity, ai, policyViolation, usersAffected, rootCause, blastRadius } = s.incident;
      await db.incident.update({
        where: { id },
        data: { ...timestamps(s.incident, at), severity, aiInvolvement: ai, policyViolation, usersAffected, rootCauseCategory: rootCause, blastRadius },
      });
      return;
    }
    case "delete": {
      const id = await pickIncident(s.pick);
      if (id) await db.incident.delete({ where: { id } });
      return;
    }
    case "services": {
      const id = await pickIncident(s.pick);
      if (!id) return;
      const services = await db.service.findMany({ where: { slug: { in: s.services } }, select: { id: true } });
      await db.$transaction([
        db.incidentService.deleteMany({ where: { incidentId: id } }),
        db.incidentService.createMany({ data: services.map((x) => ({ incidentId: id, serviceId: x.id })) }),
      ]);
      return;
    }
    case "move service": {
      const [service, teams] = await Promise.all([db.service.findUniqueOrThrow({ where: { slug: s.service } }), db.team.findMany({ orderBy: { slug: "asc" } })]);
      const next = teams[(teams.findIndex((t) => t.id === service.teamId) + 1) % teams.length]!;
      await db.service.update({ where: { id: service.id }, data: { teamId: next.id } });
      return;
    }
    case "time zone":
      await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: s.zone } });
      return;
    case "flip policy":
      // as a policy change does: one UPDATE over many incidents
      await db.$executeRaw`UPDATE incidents SET policy_violation = NOT policy_violation WHERE severity = 'SEV1'`;
      return;
  }
}

const SCOPES: MetricsScope[] = [{}, { team: "storefront" }, { team: "platform" }, { service: "checkout" }, { team: "storefront", service: "cart" }, { team: "platform", service: "cart" }];

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
          await apply(s);
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
    await addIncident(db, { services: ["auth"], startedAt: new Date(started.getTime() + MINUTE).toISOString(), mitigatedAt: new Date(started.getTime() + 10 * MINUTE).toISOString() });
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
    const incident = await addIncident(db, { services: ["cart"], startedAt: started.toISOString(), mitigatedAt: new Date(started.getTime() + MINUTE).toISOString() });
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

    await addIncident(db, { services: ["auth"], startedAt: new Date(started.getTime() + WEEK_MS).toISOString(), mitigatedAt: new Date(started.getTime() + WEEK_MS + 5 * MINUTE).toISOString() });
    expect(await queryPeriodSummary(db, q)).toMatchObject({ incidents: 2, impactMinutes: 25 });
  });

  it("merge two histograms' percentiles in the database exactly as percentile() of both lists spelled out", async () => {
    const histogram = fc
      .uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 25 })
      .chain((values) => fc.tuple(fc.constant([...values].sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: values.length, maxLength: values.length })));
    const cumulative = (counts: number[]) => {
      let upto = 0;
      return counts.map((n) => (upto += n));
    };
    await fc.assert(
      fc.asyncProperty(histogram, histogram, async ([av, ac], [bv, bc]) => {
        const [row] = await db.$queryRaw<{ p: number[] | null }[]>`
          SELECT metric_percentiles(${av}::int[], ${cumulative(ac)}::bigint[], ${bv}::int[], ${cumulative(bc)}::bigint[]) AS p`;
        const list = [...av.flatMap((v, i) => Array<number>(ac[i]!).fill(v)), ...bv.flatMap((v, i) => Array<number>(bc[i]!).fill(v))];
        expect(row!.p).toEqual(list.length === 0 ? null : [percentile(list, 0.5), percentile(list, 0.9)]);
      }),
      { numRuns: 150 },
    );
  });
});
