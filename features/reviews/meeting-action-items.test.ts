// Recording action items in the meeting, through the form's own server action, on a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listActionItems } from "@/features/action-items/reads";
import type { Database } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { openRouteTestDatabase } from "@/test/route-handlers";
import type { createMeetingActionItemAction as CreateAction } from "./actions/create-meeting-action-item";
import { overdueActionItemFacts } from "./reads/backlog-facts";
import { reviewToMarkdown } from "./markdown";
import { addCustomItem } from "./mutations/agenda-edits";
import { startReviewMeeting } from "./mutations/meeting";
import { createMeetingActionItem } from "./mutations/meeting-action-item";
import { loadMeetingActionItems, loadReviewView } from "./reads/review";
import { createReviewWeek, engineer, leadActor, NOW, WEEK } from "./test-week";
import { signedIn } from "./test-signed-in";

vi.mock("@/lib/auth/current-actor", () => import("./test-signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let fixture: Awaited<ReturnType<typeof openRouteTestDatabase>>;
let db: Database;
let week: Awaited<ReturnType<typeof createReviewWeek>>;
let createAction: typeof CreateAction;
const handles: Record<string, string> = {};

/** The form as the meeting page posts it, for the agenda item `handle`. */
function form(handle: string, fields: Record<string, string> = {}) {
  const data = new FormData();
  const values = {
    week: WEEK,
    handle,
    title: "Add a circuit breaker",
    ownerId: week.lead.id,
    dueDate: "2026-03-25",
    priority: "P1",
    type: "PREVENT",
    ...fields,
  };
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}
const record = (handle: string, fields: Record<string, string> = {}) => createAction(undefined, form(handle, fields));
const countActionItems = () => db.actionItem.count();

beforeAll(async () => {
  fixture = await openRouteTestDatabase();
  db = fixture.db;
  week = await createReviewWeek(db);
  signedIn.userId = week.lead.id;
  const lead = leadActor(week.lead.id);
  await addCustomItem(db, { week: WEEK, version: 0, title: "Sale readiness", minutes: 5 }, lead);
  const prepared = await loadReviewView(db, WEEK, NOW);
  await startReviewMeeting(db, { week: WEEK, version: prepared.review?.version }, lead, new Date("2026-03-11T09:00:00Z"));
  for (const item of (await loadReviewView(db, WEEK, NOW)).items) handles[item.kind] = item.handle;
  ({ createMeetingActionItemAction: createAction } = await import("./actions/create-meeting-action-item"));
});
afterAll(() => fixture.close());

describe("an action item agreed in the meeting", () => {
  it("names the item's incidents in the order the agenda shows them, two on the AI change review", async () => {
    const item = (await loadReviewView(db, WEEK, NOW)).items.find((i) => i.kind === "AI_CHANGE_REVIEW");
    expect(item?.incidentReferences).toEqual([week.shortSev1.reference, week.sev2.reference]);
  });

  it("is refused without a choice of incident on an item about several, naming the field, and writes nothing", async () => {
    const state = await record(handles.AI_CHANGE_REVIEW!);
    expect(state.ok).toBeUndefined();
    expect(state.error).toMatch(/^The action item was not created\. Incident: choose which of this item's incidents/);
    expect(state.fieldErrors).toEqual({ incidentReference: [expect.stringContaining("choose")] });
    expect(await countActionItems()).toBe(0);
  });

  it("is refused on an incident of the week that is not one of the item's, and writes nothing", async () => {
    const state = await record(handles.AI_CHANGE_REVIEW!, { incidentReference: week.longSev1.reference });
    expect(state.fieldErrors).toEqual({ incidentReference: [`${week.longSev1.reference} is not one of this item's incidents; choose one of them`] });
    expect(await countActionItems()).toBe(0);
  });

  it("names every wrong field at once, the incident among them", async () => {
    const state = await record(handles.AI_CHANGE_REVIEW!, { title: "", ownerId: "" });
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["incidentReference", "ownerId", "title"]);
    expect(await countActionItems()).toBe(0);
  });

  it("lands on the incident chosen, the second of the item's, and remembers the review and the agenda item", async () => {
    const state = await record(handles.AI_CHANGE_REVIEW!, { incidentReference: week.sev2.reference, title: "Gate agent deploys on a canary" });
    expect(state.ok).toBe(`Action item “Gate agent deploys on a canary” added to ${week.sev2.reference}.`);
    const review = await db.review.findUniqueOrThrow({ where: { isoWeek: WEEK } });
    const stored = await db.actionItem.findFirstOrThrow({ where: { title: "Gate agent deploys on a canary" } });
    expect(stored).toMatchObject({ incidentId: week.sev2.id, reviewId: review.id, agendaItemId: handles.AI_CHANGE_REVIEW });
  });

  it("is recorded from the metrics item as a follow-up of the review, with no incident", async () => {
    const state = await record(handles.METRICS!, { title: "Report availability per region", dueDate: "2026-03-01" });
    expect(state.ok).toBe(`Action item “Report availability per region” recorded as a follow-up of review ${WEEK}.`);
    const stored = await db.actionItem.findFirstOrThrow({ where: { title: "Report availability per region" } });
    expect(stored).toMatchObject({ incidentId: null, agendaItemId: handles.METRICS });
    expect(stored.reviewId).not.toBeNull();
  });

  it("is recorded from a custom item, and refuses an incident there", async () => {
    const refused = await record(handles.CUSTOM!, { incidentReference: week.longSev1.reference });
    expect(refused.fieldErrors).toEqual({ incidentReference: [expect.stringContaining("this agenda item is about no incident")] });
    const state = await record(handles.CUSTOM!, { title: "Freeze deploys for the sale" });
    expect(state.error).toBeUndefined();
    expect(await db.actionItem.findFirstOrThrow({ where: { title: "Freeze deploys for the sale" } })).toMatchObject({
      incidentId: null,
      agendaItemId: handles.CUSTOM,
    });
  });

  it("is refused to an ENGINEER, who does not run reviews, by the action and by the mutation", async () => {
    const before = await countActionItems();
    signedIn.role = "ENGINEER";
    await expect(record(handles.METRICS!, { title: "Not mine to agree" })).rejects.toBeInstanceOf(ForbiddenError);
    signedIn.role = "LEAD";
    await expect(createMeetingActionItem(db, Object.fromEntries(form(handles.METRICS!)), engineer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countActionItems()).toBe(before);
  });

  it("shows a follow-up without an incident as agreed in the review: on the lists, in the overdue item, in the export", async () => {
    const { items } = await listActionItems(db, {}, "2026-03-11");
    expect(items.find((a) => a.title === "Report availability per region")).toMatchObject({ incident: null, agreedInWeek: WEEK, overdue: true });
    expect(items.find((a) => a.title === "Gate agent deploys on a canary")).toMatchObject({ incident: { reference: week.sev2.reference }, agreedInWeek: WEEK });
    // OVERDUE_ACTION_ITEMS holds every overdue action item, those without an incident too.
    const overdue = await overdueActionItemFacts(db, "2026-03-11", 50);
    expect(overdue.rows).toEqual([expect.objectContaining({ title: "Report availability per region", incidentReference: null, agreedInWeek: WEEK })]);
    const view = await loadReviewView(db, WEEK, NOW);
    const agreed = await loadMeetingActionItems(db, view.review?.id ?? "");
    expect(agreed.map((a) => [a.title, a.agendaItemId])).toEqual([
      ["Gate agent deploys on a canary", handles.AI_CHANGE_REVIEW],
      ["Report availability per region", handles.METRICS],
      ["Freeze deploys for the sale", handles.CUSTOM],
    ]);
    const markdown = reviewToMarkdown(view, agreed);
    expect(markdown).toContain(`- [ ] Report availability per region (agreed in review ${WEEK}), Lena Lead, due 2026-03-01, P1 Prevent`);
    expect(markdown).toContain(`- [ ] Gate agent deploys on a canary (${week.sev2.reference}), Lena Lead`);
  });

  it("cannot be stored with neither an incident nor a review", async () => {
    await expect(
      db.actionItem.create({ data: { title: "Orphan", ownerId: week.lead.id, dueDate: new Date("2026-03-25T00:00:00Z"), type: "PROCESS" } }),
    ).rejects.toThrow(/action_items_incident_or_review_check/);
  });
});
