// The learning loop in the weekly review, on a real database: the FOLLOW_UPS item (what the
// previous held meeting decided and agreed, each action item's status now, frozen with the
// meeting) and the repeats shown in the deep dives and the AI change review.
import { beforeAll, describe, expect, it } from "vitest";
import { changeActionItemStatus } from "@/features/action-items/mutations";
import type { Actor } from "@/lib/auth/actor";
import { useTestDatabase } from "@/test/database";
import { reviewToMarkdown } from "./markdown";
import { recordItemNotes } from "./mutations/item-edits";
import { finishReviewMeeting, markReviewPrepared, startReviewMeeting } from "./mutations/meeting";
import { createMeetingActionItem } from "./mutations/meeting-action-item";
import { toAgendaResponse } from "./reads/agenda-response";
import { loadReviewView } from "./reads/review";
import { createReviewWeek, fileTestIncident, leadActor, NOW, WEEK } from "./test-week";

const { db } = useTestDatabase();
let lead: Actor;
let leadId: string;
let week: Awaited<ReturnType<typeof createReviewWeek>>;

// W07 (9 to 15 February 2026) is reviewed on Wednesday 18 February, W08 on the 25th.
const W07 = "2026-W07";
const W08 = "2026-W08";
const W09 = "2026-W09";
const view = (w: string, now = NOW) => loadReviewView(db, w, now);
const version = async (w: string) => (await view(w)).review?.version ?? 0;
const followUps = async (w: string) => (await view(w)).items.find((item) => item.kind === "FOLLOW_UPS");
const kinds = async (w: string) => (await view(w)).items.map((item) => item.kind);
const statusOf = async (title: string) => {
  const detail = (await followUps(W08))?.detail;
  if (detail?.kind !== "FOLLOW_UPS") throw new Error("no follow-ups");
  return detail.previousMeeting.actionItems.find((a) => a.title === title)?.status;
};

/** Sets an action item's status as its owner would on the action items page. */
async function setStatus(title: string, status: string, at: string) {
  const item = await db.actionItem.findFirstOrThrow({ where: { title } });
  await changeActionItemStatus(db, { actionItemId: item.id, version: item.version, status }, lead, new Date(at));
}

beforeAll(async () => {
  week = await createReviewWeek(db);
  leadId = week.lead.id;
  lead = leadActor(leadId);
});

describe("the FOLLOW_UPS item", () => {
  it("is absent when no earlier meeting was held, and a meeting started but never finished does not count", async () => {
    expect(await kinds(W08)).not.toContain("FOLLOW_UPS");
    await markReviewPrepared(db, { week: W07, version: 0 }, lead, new Date("2026-02-17T09:00:00Z"));
    expect(await kinds(W08)).not.toContain("FOLLOW_UPS");

    await startReviewMeeting(db, { week: W07, version: await version(W07) }, lead, new Date("2026-02-18T09:00:00Z"));
    const metrics = (await view(W07)).items.find((item) => item.kind === "METRICS");
    if (!metrics) throw new Error("no metrics item");
    await recordItemNotes(db, { week: W07, handle: metrics.handle, itemVersion: metrics.version, notes: "", decision: "Report availability per region" }, lead);
    const agree = (title: string, dueDate: string) =>
      createMeetingActionItem(db, { week: W07, handle: metrics.handle, title, ownerId: leadId, dueDate, priority: "P1", type: "PROCESS" }, lead);
    await agree("Add regions to the dashboard", "2026-02-24");
    await agree("Write the availability runbook", "2026-03-20");
    expect(await kinds(W08)).not.toContain("FOLLOW_UPS");
  });

  it("holds the previous held meeting's decisions and agreed action items, right after METRICS", async () => {
    await finishReviewMeeting(db, { week: W07, version: await version(W07) }, lead, new Date("2026-02-18T10:00:00Z"));
    const proposed = await view(W08);
    expect(proposed.items.slice(0, 2).map((item) => item.kind)).toEqual(["METRICS", "FOLLOW_UPS"]);
    const item = proposed.items[1];
    expect(item?.title).toBe("Follow-ups from the 2026-W07 review: 1 decision, 0 of 2 action items done");
    expect(item?.detail).toMatchObject({
      kind: "FOLLOW_UPS",
      previousMeeting: {
        week: W07,
        finishedAt: "2026-02-18T10:00:00.000Z",
        decisions: [{ itemTitle: "The week at a glance", decision: "Report availability per region" }],
        actionItems: [
          { title: "Add regions to the dashboard", owner: "Lena Lead", dueDate: "2026-02-24", status: "OPEN", agreedInWeek: W07 },
          { title: "Write the availability runbook", status: "OPEN" },
        ],
      },
    });
    // The API names the action items, as it does for OVERDUE_ACTION_ITEMS.
    const ids = (await db.actionItem.findMany({ orderBy: { createdAt: "asc" }, select: { id: true } })).map((a) => a.id);
    expect(toAgendaResponse(proposed).items[1]).toMatchObject({ kind: "FOLLOW_UPS", actionItemIds: ids, incidentReferences: [], order: 2, minutes: 5 });
    // The export renders it, the overdue one marked (judged at W08's meeting, 25 February).
    const markdown = reviewToMarkdown(proposed, []);
    expect(markdown).toContain("From the 2026-W07 review (meeting finished 2026-02-18 10:00 UTC).");
    expect(markdown).toContain("- Decision on The week at a glance: Report availability per region");
    expect(markdown).toContain("- Add regions to the dashboard (agreed in review 2026-W07), owner Lena Lead, due 2026-02-24, now Open, **overdue**");
    expect(markdown).toContain("- Write the availability runbook (agreed in review 2026-W07), owner Lena Lead, due 2026-03-20, now Open\n");
  });

  it("shows each action item's status now until the meeting starts, then keeps it as it stood", async () => {
    await setStatus("Add regions to the dashboard", "DONE", "2026-02-23T12:00:00Z");
    expect(await statusOf("Add regions to the dashboard")).toBe("DONE");
    expect((await followUps(W08))?.title).toBe("Follow-ups from the 2026-W07 review: 1 decision, 1 of 2 action items done");

    await startReviewMeeting(db, { week: W08, version: 0 }, lead, new Date("2026-02-25T09:00:00Z"));
    const frozen = await followUps(W08);
    await setStatus("Write the availability runbook", "IN_PROGRESS", "2026-02-25T09:30:00Z");
    await setStatus("Add regions to the dashboard", "OPEN", "2026-02-25T09:40:00Z");
    const after = await followUps(W08);
    expect(after).toEqual(frozen);
    expect(await statusOf("Add regions to the dashboard")).toBe("DONE");
    expect(await statusOf("Write the availability runbook")).toBe("OPEN");
  });

  it("is absent when the previous held meeting recorded no decision and agreed no action item", async () => {
    // While W08's meeting runs, the latest held one is still W07's.
    expect((await followUps(W09))?.title).toMatch(/^Follow-ups from the 2026-W07 review/);
    await finishReviewMeeting(db, { week: W08, version: await version(W08) }, lead, new Date("2026-02-25T10:00:00Z"));
    expect(await kinds(W09)).not.toContain("FOLLOW_UPS");
    // W09's agenda prepared but its meeting never held: W10 looks back to W08, which recorded nothing.
    await markReviewPrepared(db, { week: W09, version: 0 }, lead, new Date("2026-03-03T09:00:00Z"));
    expect(await kinds(WEEK)).not.toContain("FOLLOW_UPS");
  });
});

describe("repeats in the review", () => {
  it("shows each Sev1's and AI-involved incident's earlier repeats, with the action items done before it started", async () => {
    // A checkout-api code change in January: both Sev1s of W10 repeat it; the Sev2 on search does not.
    const earlier = await fileTestIncident(db, {
      title: "Checkout errors after a deploy",
      severity: "SEV2",
      startedAt: "2026-01-28T10:00:00Z",
      mitigatedAt: "2026-01-28T11:00:00Z",
      resolvedAt: "2026-01-28T12:00:00Z",
    });
    const actionItem = (title: string, status: "OPEN" | "DONE", completedAt: string | null) =>
      db.actionItem.create({
        data: {
          incidentId: earlier.id,
          title,
          ownerId: leadId,
          dueDate: new Date("2026-04-30T00:00:00Z"),
          type: "PREVENT",
          status,
          completedAt: completedAt ? new Date(completedAt) : null,
        },
      });
    // Done before the first Sev1 (2 March); done between the two (before 4 March); still open.
    await actionItem("Roll back on error rate", "DONE", "2026-02-20T00:00:00Z");
    await actionItem("Canary checkout deploys", "DONE", "2026-03-03T00:00:00Z");
    await actionItem("Contract tests for payments", "OPEN", null);

    const items = (await view(WEEK)).items;
    const deepDive = (reference: string) => items.find((item) => item.key === `SEV1_DEEP_DIVE:${reference}`)?.detail;
    const earlierRepeat = { reference: earlier.reference, title: "Checkout errors after a deploy", startedAt: "2026-01-28T10:00:00.000Z" };
    expect(deepDive(week.shortSev1.reference)).toMatchObject({
      incident: { repeats: [{ ...earlierRepeat, sharedServices: ["checkout-api"], actionItems: { total: 3, doneBeforeRepeat: 1 } }] },
    });
    // The longer Sev1 of 4 March repeats the one of 2 March too, newest first.
    expect(deepDive(week.longSev1.reference)).toMatchObject({
      incident: {
        repeats: [
          { reference: week.shortSev1.reference, actionItems: { total: 0, doneBeforeRepeat: 0 } },
          { ...earlierRepeat, actionItems: { total: 3, doneBeforeRepeat: 2 } },
        ],
      },
    });
    const aiReview = items.find((item) => item.kind === "AI_CHANGE_REVIEW")?.detail;
    if (aiReview?.kind !== "AI_CHANGE_REVIEW") throw new Error("no AI change review");
    expect(aiReview.incidents.map((i) => [i.reference, i.repeats?.length])).toEqual([
      [week.shortSev1.reference, 1],
      [week.sev2.reference, 0],
    ]);
    const markdown = reviewToMarkdown(await view(WEEK), []);
    expect(markdown).toContain(
      `- Repeat of ${earlier.reference} Checkout errors after a deploy, started 2026-01-28 10:00 UTC: 2 of 3 action items done before this incident started`,
    );
    expect(markdown).toContain("  - No repeats in the 90 days before");
  });
});
