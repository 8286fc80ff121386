import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openRouteTestDatabase } from "@/test/route-handlers";
import { loadReviewView } from "../reads/review";
import { createReviewWeek } from "../test-week";

// The start-meeting action as the form posts it, on a real database, with the clock set
// (Date only) inside and after week 2026-W10 (Monday 2 to Monday 9 March 2026, UTC).
vi.mock("@/lib/auth/current-actor", () => import("../test-signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let database: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let startReviewMeetingAction: typeof import("./start-review-meeting").startReviewMeetingAction;

beforeAll(async () => {
  database = await openRouteTestDatabase();
  await createReviewWeek(database.db);
  ({ startReviewMeetingAction } = await import("./start-review-meeting"));
});
afterAll(() => database.close());
afterEach(() => vi.useRealTimers());

const at = (instant: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(instant));
};

const start = (week: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries({ week, version: "0", ...fields })) form.set(name, value);
  return startReviewMeetingAction(undefined, form);
};

describe("starting a meeting before its week has ended", () => {
  it("is refused without the confirmation, saying what it would do, and nothing starts", async () => {
    at("2026-03-04T12:00:00Z");
    const state = await start("2026-W10");
    expect(state.ok).toBeUndefined();
    expect(state.error).toBe(
      "The meeting did not start. Early start: Week 2026-W10 has not ended: starting now freezes the agenda with partial figures. Confirm to start anyway.",
    );
    // A form that says anything but "true" is no confirmation either.
    expect((await start("2026-W10", { startBeforeWeekEnds: "" })).error).toContain("has not ended");
    const view = await loadReviewView(database.db, "2026-W10", new Date());
    expect(view).toMatchObject({ status: "NOT_PREPARED", frozen: false, review: null, weekEnded: false });
  });

  it("starts with the confirmation, the figures frozen as the week so far", async () => {
    at("2026-03-04T12:00:00Z");
    const state = await start("2026-W10", { startBeforeWeekEnds: "true" });
    expect(state).toMatchObject({ ok: "The meeting has started: the agenda and its figures are frozen." });
    expect(await loadReviewView(database.db, "2026-W10", new Date())).toMatchObject({ status: "IN_PROGRESS", frozen: true });
  });

  it("needs no confirmation once the week has ended", async () => {
    // 2026-W11 ended on Monday 16 March 00:00; its meeting is on Wednesday 18 March.
    at("2026-03-16T00:00:00Z");
    expect(await start("2026-W11")).toMatchObject({ ok: "The meeting has started: the agenda and its figures are frozen." });
    expect((await loadReviewView(database.db, "2026-W11", new Date())).status).toBe("IN_PROGRESS");
  });
});
