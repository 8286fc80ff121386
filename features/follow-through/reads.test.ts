import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { ActionItemPriority, ActionItemStatus, RootCauseCategory } from "@/lib/generated/prisma/enums";
import { parseIsoWeek } from "@/lib/time/iso-week";
import { followThroughSchema } from "@/features/api-docs/follow-through-schema";
import { addIncident, badRequestFields, expectBadDatesNamed, expectTokenRequired, useMetricsRoute } from "@/features/metrics/test-fixtures";
import type { ChartContext } from "@/features/metrics/charts/weekly-chart-specs";
import type { MetricsScope } from "@/features/metrics/types";
import { dueAndDoneChart, openByAgeChart } from "./chart-specs";
import { queryFollowThrough } from "./reads";
import { followThroughSentences } from "./summary-words";

// Worked out by hand. "Now" is Wednesday 11 March 2026 12:00 UTC, in 2026-W11 (Mon 9 March), so
// W11 is the running week; W10 is Mon 2 to Sun 8 March; W09 has nothing due.
const NOW = new Date("2026-03-11T12:00:00Z");
const TODAY = "2026-03-11T00:00:00Z";
type Item = {
  id: string;
  incident?: "cart" | "search";
  due: string;
  status?: ActionItemStatus;
  completedAt?: string;
  priority?: ActionItemPriority;
  createdAt?: string;
};

const ITEMS: Item[] = [
  // W10, on an incident of cart
  { id: "done-on-due-date", incident: "cart", due: "2026-03-04", status: "DONE", completedAt: "2026-03-04T22:00:00Z" },
  { id: "done-day-after", incident: "cart", due: "2026-03-04", status: "DONE", completedAt: "2026-03-05T00:00:00Z" }, // midnight ends the day
  { id: "done-early", incident: "cart", due: "2026-03-05", status: "DONE", completedAt: "2026-03-01T10:00:00Z" },
  { id: "still-open", incident: "cart", due: "2026-03-05" },
  { id: "sunday-late-evening", incident: "cart", due: "2026-03-08", status: "DONE", completedAt: "2026-03-08T23:30:00Z" }, // 00:30 Monday in Berlin
  // W10, agreed in a meeting about no incident: counts only unscoped
  { id: "wont-do", due: "2026-03-06", status: "WONT_DO" },
  // W11, the running week
  { id: "due-monday-open", incident: "cart", due: "2026-03-09" },
  { id: "due-today-open", incident: "cart", due: "2026-03-11" },
  { id: "due-friday-done", incident: "cart", due: "2026-03-13", status: "DONE", completedAt: "2026-03-10T09:00:00Z" },
  { id: "due-saturday-in-progress", incident: "cart", due: "2026-03-14", status: "IN_PROGRESS", priority: "P1" },
  // Open items by age at the bucket edges (calendar days to 11 March), due long after the window
  { id: "age-14", incident: "search", due: "2026-06-01", priority: "P1", createdAt: "2026-02-25T23:59:00Z" },
  { id: "age-15", incident: "search", due: "2026-06-01", priority: "P1", createdAt: "2026-02-24T00:00:00Z" },
  { id: "age-30", incident: "search", due: "2026-06-01", priority: "P3", createdAt: "2026-02-09T12:00:00Z" },
  { id: "age-31", incident: "search", due: "2026-06-01", priority: "P3", status: "IN_PROGRESS", createdAt: "2026-02-08T12:00:00Z" },
  { id: "age-90", incident: "search", due: "2026-06-01", priority: "P2", createdAt: "2025-12-11T12:00:00Z" },
  { id: "age-91", incident: "search", due: "2026-06-01", priority: "P1", createdAt: "2025-12-10T12:00:00Z" },
  { id: "old-but-done", incident: "search", due: "2026-06-01", status: "DONE", completedAt: "2026-01-01T00:00:00Z", createdAt: "2025-01-01T00:00:00Z" },
  { id: "old-wont-do", incident: "search", due: "2026-06-01", status: "WONT_DO", createdAt: "2025-01-01T00:00:00Z" },
];

async function seed(db: Database) {
  const owner = await db.user.create({ data: { email: "owner@example.test", role: "ENGINEER" } });
  // The items' incidents (Unknown cause: never repeats); search's started before the window.
  const cart = await addIncident(db, { services: ["cart"], startedAt: "2026-03-02T08:00:00Z" });
  const search = await addIncident(db, { services: ["search"], startedAt: "2026-01-05T08:00:00Z" });
  const review = await db.review.create({ data: { isoWeek: "2026-W09", meetingDate: new Date("2026-03-04T00:00:00Z") } });
  await db.actionItem.createMany({
    data: ITEMS.map((item) => ({
      title: item.id,
      ownerId: owner.id,
      incidentId: item.incident === "cart" ? cart.id : item.incident === "search" ? search.id : null,
      reviewId: item.incident ? null : review.id,
      dueDate: new Date(`${item.due}T00:00:00Z`),
      priority: item.priority ?? "P2",
      type: "PREVENT" as const,
      status: item.status ?? "OPEN",
      completedAt: item.completedAt ? new Date(item.completedAt) : null,
      createdAt: new Date(item.createdAt ?? TODAY),
    })),
  });
  // Repeats: on cart, a code change in W07 then again twice in W10 and once in W11; on search a
  // config change in W08 and again in W10, the pair marked as not a repeat.
  const started = (services: string[], startedAt: string, rootCause: RootCauseCategory) => addIncident(db, { services, startedAt, rootCause });
  await started(["cart"], "2026-02-10T12:00:00Z", "CODE_CHANGE");
  await started(["cart", "checkout"], "2026-03-03T12:00:00Z", "CODE_CHANGE");
  await started(["cart"], "2026-03-05T12:00:00Z", "CODE_CHANGE");
  await started(["cart"], "2026-03-10T12:00:00Z", "CODE_CHANGE");
  const earlier = await started(["search"], "2026-02-20T12:00:00Z", "CONFIG_CHANGE");
  const marked = await started(["search"], "2026-03-06T12:00:00Z", "CONFIG_CHANGE");
  await db.notRepeatMark.create({ data: { incidentId: marked.id, earlierIncidentId: earlier.id, reason: "Different setting" } });
}

const { db, get } = useMetricsRoute("/api/v1/metrics/follow-through", () => import("@/app/api/v1/metrics/follow-through/route"), seed);

const figures = (scope: MetricsScope = {}, timeZone = "UTC") =>
  queryFollowThrough(db(), { from: parseIsoWeek("2026-W09"), to: parseIsoWeek("2026-W11"), timeZone, scope, now: NOW });
const due = (actionItemsDue: number, doneByDueDate: number, missed: number, notDueYet: number, shareDoneByDueDate: number | null) => ({
  actionItemsDue,
  doneByDueDate,
  missed,
  notDueYet,
  shareDoneByDueDate,
});

describe("action items due per week and the share done by their due date", () => {
  it("counts done on the due date and early as kept, the day after, won't do and still open as missed", async () => {
    const { weeks } = await figures();
    expect(weeks.map((w) => w.week)).toEqual(["2026-W09", "2026-W10", "2026-W11"]);
    // W10: kept done-on-due-date, done-early, sunday-late-evening; missed done-day-after, still-open, wont-do.
    expect(weeks[1]).toMatchObject(due(6, 3, 3, 0, 0.5));
  });

  it("gives a week with nothing due no share, never 0 %", async () => {
    const [w09] = (await figures()).weeks;
    expect(w09).toMatchObject({ week: "2026-W09", start: "2026-02-23", ...due(0, 0, 0, 0, null) });
    const spec = dueAndDoneChart((await figures()).weeks, { fileSuffix: "x", timeZone: "UTC", sloTarget: 0.999, sloOf: "", runningWeek: "2026-W11" });
    expect(spec.rows[0]).toMatchObject({ week: "2026-W09", due: 0, share: null });
    expect(spec.series.find((s) => s.key === "share")?.missing).toBe("no items due yet");
    expect(spec.soFar).toBe("2026-W11");
  });

  it("in the running week, does not count items due later or today as late yet", async () => {
    const w11 = (await figures()).weeks[2];
    // due-monday-open missed; due-friday-done kept (early); due-today-open and due-saturday-in-progress not due yet.
    expect(w11).toMatchObject(due(4, 1, 1, 2, 0.5));
  });

  it("ends a due date at midnight in the organisation's zone: a Sunday 23:30 UTC completion is Monday in Berlin", async () => {
    const berlin = await figures({}, "Europe/Berlin");
    // The due date's week is the same in both zones (a date); sunday-late-evening turns from kept to missed.
    expect(berlin.weeks[1]).toMatchObject({ week: "2026-W10", ...due(6, 2, 4, 0, 2 / 6) });
  });

  it("adds the weeks up in the total", async () => {
    expect((await figures()).total).toEqual({ ...due(10, 4, 4, 2, 0.5), repeats: 3 });
  });

  it("in a team's or service's view, counts only the action items of its incidents", async () => {
    const cart = await figures({ service: "cart" });
    expect(cart.weeks[1]).toMatchObject(due(5, 3, 2, 0, 0.6)); // wont-do has no incident
    const platform = await figures({ team: "platform" });
    expect(platform.total).toMatchObject({ ...due(0, 0, 0, 0, null), repeats: 0 });
  });
});

describe("open action items by age and priority", () => {
  it("sorts open and in-progress items into 0-14, 15-30, 31-90 and over 90 calendar days at the edges, by priority", async () => {
    const { openByAge, asOf } = await figures();
    expect(asOf).toBe(NOW.toISOString());
    expect(openByAge).toEqual([
      // still-open, due-monday-open, due-today-open (P2), due-saturday-in-progress (P1), age-14 (P1)
      { age: "0-14", total: 5, P1: 2, P2: 3, P3: 0 },
      { age: "15-30", total: 2, P1: 1, P2: 0, P3: 1 },
      { age: "31-90", total: 2, P1: 0, P2: 1, P3: 1 },
      { age: "over-90", total: 1, P1: 1, P2: 0, P3: 0 },
    ]);
    const platform = await figures({ team: "platform" });
    expect(platform.openByAge.map((b) => b.total)).toEqual([1, 2, 2, 1]);
  });

  it("draws an age bucket per column stacked by priority, and says so when nothing is open", async () => {
    const ctx: ChartContext = { fileSuffix: "x", timeZone: "UTC", sloTarget: 0.999, sloOf: "" };
    expect(openByAgeChart((await figures()).openByAge, ctx).rows.map((r) => r.age)).toEqual(["0–14 days", "15–30 days", "31–90 days", "Over 90 days"]);
    expect(openByAgeChart((await figures({ team: "empty-team" })).openByAge, ctx).rows).toEqual([]);
  });
});

describe("repeats per week", () => {
  it("counts the incidents started in the week with at least one repeat, not one whose only repeat was marked as not one", async () => {
    expect((await figures()).weeks.map((w) => w.repeats)).toEqual([0, 2, 1]);
    expect((await figures({ team: "platform" })).weeks.map((w) => w.repeats)).toEqual([0, 0, 0]);
  });
});

describe("the executive summary's sentences", () => {
  it("say the period's share, what is due later, how much is open and old, and the repeats; no share where nothing came due", async () => {
    expect(followThroughSentences(await figures())).toEqual([
      "4 of 8 action items that came due were done by their due date (50 %).",
      "2 more are due later this week.",
      "10 action items are open now, 1 of them older than 90 days.",
      "3 incidents in these weeks repeated an earlier one.",
    ]);
    expect(followThroughSentences(await figures({ team: "empty-team" }))).toEqual([
      "No action item came due in these weeks.",
      "0 action items are open now.",
      "0 incidents in these weeks repeated an earlier one.",
    ]);
  });
});

describe("GET /api/v1/metrics/follow-through", () => {
  it("answers the documented shape, with the same numbers as the cards' query", async () => {
    const response = await get("?from=2026-03-02&to=2026-03-08&service=cart");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { weeks: Record<string, unknown>[]; total: Record<string, unknown>; openByAge: unknown[] };
    expect(Object.keys(body)).toEqual(followThroughSchema.required);
    expect(Object.keys(body.weeks[0]!)).toEqual(followThroughSchema.properties.weeks.items.required);
    expect(Object.keys(body.total)).toEqual(followThroughSchema.properties.total.required);
    expect(body.weeks[0]).toMatchObject({ week: "2026-W10", start: "2026-03-02", actionItemsDue: 5, doneByDueDate: 3, repeats: 2 });
    expect(body.openByAge).toHaveLength(4);
  });

  it("parses strictly: bad dates and unknown parameters are a 400 naming them, an unknown slug a 404, and it wants a token", async () => {
    await expectBadDatesNamed(get);
    expect(await badRequestFields(get("?from=2026-03-01&to=2026-03-08&priority=P1"))).toEqual(["priority"]);
    expect((await get("?from=2026-03-01&to=2026-03-08&team=nope")).status).toBe(404);
    await expectTokenRequired(get);
  });
});
