// Spinning the wheel, through the page's own server action, on a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { openRouteTestDatabase } from "@/test/route-handlers";
import type { spinWheelAction as SpinAction } from "./actions/spin-wheel";
import { finishReviewMeeting, markReviewPrepared, startReviewMeeting } from "./mutations/meeting";
import { spinWheel } from "./mutations/wheel-spin";
import { loadReviewView } from "./reads/review";
import { createReviewWeek, engineer, leadActor, NOW, WEEK } from "./test-week";
import { signedIn } from "./test-signed-in";

vi.mock("@/lib/auth/current-actor", () => import("./test-signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let fixture: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let lead: Actor;
let spinAction: typeof SpinAction;
const viewer: Actor = { ...engineer, label: "exec@example.test", role: "VIEWER" };
const SPUN = new Date("2026-03-11T09:40:00Z");

const spinForm = () => {
  const form = new FormData();
  form.set("week", WEEK);
  return form;
};
const version = async () => (await loadReviewView(db, WEEK, NOW)).review?.version ?? 0;
const spunAt = async () => (await db.review.findUnique({ where: { isoWeek: WEEK }, select: { wheelSpunAt: true } }))?.wheelSpunAt ?? null;

beforeAll(async () => {
  fixture = await openRouteTestDatabase();
  db = fixture.db;
  lead = leadActor((await createReviewWeek(db)).lead.id);
  ({ spinWheelAction: spinAction } = await import("./actions/spin-wheel"));
});
afterAll(() => fixture.close());

describe("spinning the wheel", () => {
  it("before the meeting is a LEAD's rehearsal: allowed, and nothing is recorded", async () => {
    await markReviewPrepared(db, { week: WEEK, version: 0 }, lead, NOW);
    expect(await spinWheel(db, { week: WEEK }, lead, SPUN)).toMatchObject({ recorded: false });
    expect(await spunAt()).toBeNull();
  });

  it("is refused to a role below LEAD, by the action and by the mutation, and records nothing", async () => {
    await startReviewMeeting(db, { week: WEEK, version: await version() }, lead, new Date("2026-03-11T09:00:00Z"));
    for (const role of ["VIEWER", "ENGINEER"] as const) {
      signedIn.role = role;
      await expect(spinAction(undefined, spinForm())).rejects.toBeInstanceOf(ForbiddenError);
    }
    signedIn.role = "LEAD";
    await expect(spinWheel(db, { week: WEEK }, viewer, SPUN)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(spinWheel(db, { week: WEEK }, engineer, SPUN)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await spunAt()).toBeNull();
  });

  it("in the meeting is recorded, so that screens following along show where it landed, without a new review version", async () => {
    const before = await version();
    expect(await spinWheel(db, { week: WEEK }, lead, SPUN)).toEqual({ version: before, recorded: true });
    expect((await loadReviewView(db, WEEK, NOW)).review).toMatchObject({ wheelSpunAt: SPUN.toISOString(), version: before });
    const state = await spinAction(undefined, spinForm());
    expect(state).toMatchObject({ ok: "The wheel is spinning." });
    expect((await spunAt())?.getTime()).toBeGreaterThan(SPUN.getTime());
  });

  it("is refused once the meeting is over, by the action and by the mutation, and the recorded spin stays", async () => {
    await finishReviewMeeting(db, { week: WEEK, version: await version() }, lead, new Date("2026-03-11T10:00:00Z"));
    const landed = await spunAt();
    await expect(spinWheel(db, { week: WEEK }, lead)).rejects.toBeInstanceOf(RuleViolationError);
    const state = await spinAction(undefined, spinForm());
    expect(state.ok).toBeUndefined();
    expect(state.error).toMatch(/^The wheel did not spin.*the meeting is over/);
    expect(await spunAt()).toEqual(landed);
  });
});
