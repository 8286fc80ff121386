import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { useTestDatabase } from "@/test/database";
import { toAgendaResponse } from "./reads/agenda-response";
import { loadReviewView } from "./reads/review";
import { gatherAgendaFacts } from "./reads/agenda-facts";
import { reviewToMarkdown } from "./markdown";
import { startReviewMeeting } from "./mutations/meeting";
import { baselineKindOf } from "./so-far";
import { createReviewWeek, fileTestIncident, leadActor } from "./test-week";

// The review of a week still running: 2026-W11 (Monday 9 to Monday 16 March 2026, UTC) seen
// on Wednesday 11 March at 12:00, two and a half days (3 600 minutes) in. The four weeks
// before are W07 to W10; only W10 holds incidents (test-week.ts).
const WEEK = "2026-W11";
const WEDNESDAY_NOON = new Date("2026-03-11T12:00:00Z");
const AFTER_THE_WEEK = new Date("2026-03-20T12:00:00Z");
const ELAPSED = 3600;

const { db } = useTestDatabase();
let lead: Actor;

beforeAll(async () => {
  lead = leadActor((await createReviewWeek(db)).lead.id);
  // W11 so far: a Sev2 of 30 minutes on Tuesday.
  await fileTestIncident(db, {
    title: "Cart slow",
    severity: "SEV2",
    services: ["cart"],
    startedAt: "2026-03-10T10:00:00Z",
    mitigatedAt: "2026-03-10T10:30:00Z",
    resolvedAt: "2026-03-10T11:00:00Z",
  });
});

describe("the METRICS item of a week still running", () => {
  it("holds the week so far against the four weeks before up to the same time, not against whole weeks", async () => {
    const { metrics } = await gatherAgendaFacts(db, WEEK, WEDNESDAY_NOON);
    expect(metrics.soFar).toEqual({ until: "2026-03-11T12:00:00.000Z" });
    expect(metrics.week).toMatchObject({ sev1: 0, sev2: 1, impactMinutes: 30 });
    expect(metrics.week.availability).toBeCloseTo(1 - 30 / ELAPSED, 12);
    // W10 up to Wednesday 12:00: Monday's Sev1 (60 min) and Wednesday's from 08:00 (240 of its 360 min); Friday's Sev2 not yet.
    // Whole weeks would have given Sev2 0.25 and 112.5 impact minutes.
    expect(metrics.baseline).toMatchObject({ sev1: 0.5, sev2: 0, impactMinutes: 75 });
    expect(metrics.baseline.availability).toBeCloseTo((3 + (1 - 300 / ELAPSED)) / 4, 12);
  });

  it("compares an ended week with the whole weeks before, as before", async () => {
    const { metrics } = await gatherAgendaFacts(db, WEEK, AFTER_THE_WEEK);
    expect(metrics.soFar).toBeNull();
    expect(metrics.baseline).toMatchObject({ sev1: 0.5, sev2: 0.25, impactMinutes: 112.5 });
  });

  it("stays marked so far in a meeting frozen before the week ended, in the page, the API and the Markdown", async () => {
    await startReviewMeeting(db, { week: WEEK, version: 0, startBeforeWeekEnds: "true" }, lead, WEDNESDAY_NOON);
    const view = await loadReviewView(db, WEEK, AFTER_THE_WEEK);
    const metrics = view.items.find((item) => item.kind === "METRICS");
    expect(metrics?.detail).toMatchObject({ kind: "METRICS", soFar: { until: "2026-03-11T12:00:00.000Z" }, baseline: { sev1: 0.5, impactMinutes: 75 } });
    expect(baselineKindOf(metrics!.detail as Parameters<typeof baselineKindOf>[0])).toBe("same-elapsed");
    const agenda = toAgendaResponse(view);
    expect(agenda.weekEnded).toBe(true);
    expect(agenda.items.find((item) => item.kind === "METRICS")).toMatchObject({ partial: true, changes: { weekRunning: true } });
    expect(reviewToMarkdown(view, [])).toContain("| | this week so far | mean of the 4 weeks before, to the same time |");
  });

  it("is not partial for a week that had ended", async () => {
    const view = await loadReviewView(db, "2026-W10", AFTER_THE_WEEK);
    expect(toAgendaResponse(view)).toMatchObject({ weekEnded: true });
    expect(toAgendaResponse(view).items.find((item) => item.kind === "METRICS")).toMatchObject({ partial: false });
    expect((await loadReviewView(db, WEEK, WEDNESDAY_NOON)).weekEnded).toBe(false);
  });
});

describe("baselineKindOf", () => {
  const changes = (weekRunning: boolean) => ({ weekRunning });
  it("reads whole weeks, the same elapsed time, or none for a running week frozen before it was measured", () => {
    expect(baselineKindOf({ soFar: null, changes: changes(false) })).toBe("whole-weeks");
    expect(baselineKindOf({ soFar: { until: "2026-03-11T12:00:00Z" }, changes: changes(true) })).toBe("same-elapsed");
    expect(baselineKindOf({ changes: changes(true) })).toBe("none");
    expect(baselineKindOf({ changes: null })).toBe("whole-weeks");
  });
});
