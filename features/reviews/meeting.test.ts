import { beforeAll, describe, expect, it } from "vitest";
import { fileIncident, updateIncident } from "@/features/incidents/mutations";
import type { Actor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { reviewToMarkdown } from "./markdown";
import { addCustomItem } from "./mutations/agenda-edits";
import { AgendaItemConflictError, recordItemNotes } from "./mutations/item-edits";
import { finishReviewMeeting, goToAgendaItem, markReviewPrepared, startReviewMeeting } from "./mutations/meeting";
import { createMeetingActionItem } from "./mutations/meeting-action-item";
import { loadMeetingActionItems, loadReviewView } from "./reads/review";
import { createReviewWeek, engineer, leadActor, NOW, WEEK } from "./test-week";

const { db } = useTestDatabase();
let lead: Actor;
let leadId: string;
let longSev1: string;
const view = (now = NOW) => loadReviewView(db, WEEK, now);
const version = async () => (await view()).review?.version ?? 0;
const STARTED = new Date("2026-03-11T09:00:00Z");

/** A resolved cart incident of unknown cause, filed by the on-call engineer; `times` are when it started, was mitigated and resolved. */
const fileCartIncident = (title: string, severity: string, [startedAt, mitigatedAt, resolvedAt]: string[], usersAffected: number) =>
  fileIncident(
    db,
    {
      title,
      severity,
      status: "RESOLVED",
      services: ["cart"],
      startedAt,
      mitigatedAt,
      resolvedAt,
      impact: { usersAffected },
      blastRadius: "SINGLE_SERVICE",
      rootCause: { category: "UNKNOWN" },
      change: { approval: "NONE" },
      ai: { involvement: "NONE" },
    },
    engineer,
    NOW,
  );

beforeAll(async () => {
  const week = await createReviewWeek(db);
  leadId = week.lead.id;
  longSev1 = week.longSev1.reference;
  lead = leadActor(leadId);
});

describe("running the meeting", () => {
  it("marks the agenda prepared, then starts the meeting on its first item", async () => {
    await markReviewPrepared(db, { week: WEEK, version: 0 }, lead, NOW);
    expect((await view()).status).toBe("PREPARED");
    await startReviewMeeting(db, { week: WEEK, version: await version() }, lead, STARTED);
    const running = await view();
    expect(running).toMatchObject({ status: "IN_PROGRESS", frozen: true, changedSinceMeeting: [] });
    expect(running.review?.currentItemId).toBe(running.items[0]?.id);
    expect(running.items[0]?.startedAt).toBe(STARTED.toISOString());
  });

  it("keeps the frozen figures when an incident is edited after the start, and flags the change", async () => {
    const deepDive = () => view().then((v) => v.items.find((i) => i.key === `SEV1_DEEP_DIVE:${longSev1}`));
    const frozen = await deepDive();
    const metricsBefore = (await view()).items.find((i) => i.kind === "METRICS")?.detail;
    // 360 + 60 + 30 impact minutes; the edit below would make it 480 + 60 + 30.
    expect(metricsBefore).toMatchObject({ week: { sev1: 2, sev2: 1, impactMinutes: 450 } });
    expect(frozen?.detail).toMatchObject({ incident: { impactMinutes: 360, usersAffected: 22816 } });
    // Later the mitigation is found to have come 2 hours later, and more users were hurt.
    await updateIncident(
      db,
      longSev1,
      { version: 1, mitigatedAt: "2026-03-04T16:00:00Z", resolvedAt: "2026-03-04T17:00:00Z", impact: { usersAffected: 30000 } },
      engineer,
      NOW,
    );
    const after = await view();
    expect(after.items.find((i) => i.key === `SEV1_DEEP_DIVE:${longSev1}`)?.detail).toMatchObject({ incident: { impactMinutes: 360, usersAffected: 22816 } });
    expect(after.items.find((i) => i.kind === "METRICS")?.detail).toEqual(metricsBefore);
    expect(after.changedSinceMeeting).toEqual([{ reference: longSev1, title: "Checkout down", reason: "edited", frozenVersion: 1, currentVersion: 2 }]);
  });

  it("flags an incident filed for the week after the meeting started", async () => {
    const late = await fileCartIncident("Late-filed cart outage", "SEV2", ["2026-03-07T10:00:00Z", "2026-03-07T10:20:00Z", "2026-03-07T11:00:00Z"], 5);
    const changed = (await view()).changedSinceMeeting;
    expect(changed).toContainEqual({
      reference: late.reference,
      title: "Late-filed cart outage",
      reason: "filed-after-start",
      frozenVersion: null,
      currentVersion: 1,
    });
    const roundup = (await view()).items.find((i) => i.kind === "SEV2_ROUNDUP");
    expect(roundup?.incidentReferences).not.toContain(late.reference);
  });

  it("refuses agenda changes once frozen, but takes notes and decisions", async () => {
    await expect(addCustomItem(db, { week: WEEK, version: await version(), title: "Too late", minutes: 5 }, lead)).rejects.toBeInstanceOf(RuleViolationError);
    const item = (await view()).items[1];
    if (!item) throw new Error("no second item");
    await recordItemNotes(
      db,
      {
        week: WEEK,
        handle: item.handle,
        itemVersion: item.version,
        notes: "Retry storm; no circuit breaker.",
        decision: "Add a circuit breaker before the sale.",
      },
      lead,
    );
    expect((await view()).items[1]).toMatchObject({ notes: "Retry storm; no circuit breaker.", decision: "Add a circuit breaker before the sale." });
    // A second LEAD saving on the old version is refused and told what is there now.
    const stale = recordItemNotes(db, { week: WEEK, handle: item.handle, itemVersion: item.version, notes: "Mine", decision: "" }, lead);
    await expect(stale).rejects.toBeInstanceOf(AgendaItemConflictError);
    await expect(stale).rejects.toMatchObject({ current: { notes: "Retry storm; no circuit breaker.", version: item.version + 1 } });
  });

  it("times each item from when the meeting reached it", async () => {
    const [first, second] = (await view()).items;
    const moved = new Date("2026-03-11T09:06:00Z");
    await goToAgendaItem(db, { week: WEEK, version: await version(), handle: second?.handle }, lead, moved);
    const current = await view();
    expect(current.review?.currentItemId).toBe(second?.id);
    expect(current.items[0]).toMatchObject({ startedAt: STARTED.toISOString(), finishedAt: moved.toISOString() });
    expect(current.items[1]).toMatchObject({ startedAt: moved.toISOString(), finishedAt: null });
    expect(first?.id).not.toBe(second?.id);
  });

  it("resumes an item's clock when the meeting returns to it", async () => {
    const [first, second] = (await view()).items;
    // First item: 09:00–09:06 (6 min); second: 09:06–09:10; back to the first 09:10–09:13; on to the second.
    await goToAgendaItem(db, { week: WEEK, version: await version(), handle: first?.handle }, lead, new Date("2026-03-11T09:10:00Z"));
    await goToAgendaItem(db, { week: WEEK, version: await version(), handle: second?.handle }, lead, new Date("2026-03-11T09:13:00Z"));
    const [firstAfter, secondAfter] = (await view()).items;
    const spent = (item: typeof firstAfter) => (Date.parse(item?.finishedAt ?? "") - Date.parse(item?.startedAt ?? "")) / 60_000;
    expect(spent(firstAfter)).toBe(6 + 3);
    // The second item's clock runs again from its 4 minutes: it started, in effect, at 09:09.
    expect(secondAfter).toMatchObject({ startedAt: "2026-03-11T09:09:00.000Z", finishedAt: null });
  });

  it("creates an action item on the spot that lands on the incident and remembers the review", async () => {
    const handle = (await view()).items.find((i) => i.key === `SEV1_DEEP_DIVE:${longSev1}`)?.handle;
    await expect(
      createMeetingActionItem(
        db,
        { week: WEEK, handle, incidentReference: "INC-2026-9999", title: "Nothing", ownerId: leadId, dueDate: "2026-03-25", priority: "P1", type: "PREVENT" },
        lead,
      ),
    ).rejects.toMatchObject({ fieldErrors: { incidentReference: ["INC-2026-9999 is not one of this item's incidents; choose one of them"] } });
    await createMeetingActionItem(
      db,
      {
        week: WEEK,
        handle,
        incidentReference: longSev1,
        title: "Circuit breaker on the card processor",
        ownerId: leadId,
        dueDate: "2026-03-25",
        priority: "P1",
        type: "PREVENT",
      },
      lead,
    );
    const incident = await db.incident.findUniqueOrThrow({ where: { reference: longSev1 }, include: { actionItems: true } });
    const review = await db.review.findUniqueOrThrow({ where: { isoWeek: WEEK } });
    expect(incident.actionItems).toMatchObject([{ title: "Circuit breaker on the card processor", reviewId: review.id }]);
  });

  it("finishes the meeting and exports the record as Markdown", async () => {
    await finishReviewMeeting(db, { week: WEEK, version: await version() }, lead, new Date("2026-03-11T10:00:00Z"));
    const done = await view();
    expect(done.status).toBe("DONE");
    expect(done.review?.currentItemId).toBeNull();
    await expect(goToAgendaItem(db, { week: WEEK, version: await version(), handle: done.items[0]?.handle }, lead)).rejects.toBeInstanceOf(RuleViolationError);
    const markdown = reviewToMarkdown(done, await loadMeetingActionItems(db, done.review?.id ?? ""));
    expect(markdown).toContain("# Weekly operations review 2026-W10");
    expect(markdown).toContain("**Decision:** Add a circuit breaker before the sale.");
    expect(markdown).toContain(`- [ ] Circuit breaker on the card processor (${longSev1}), Lena Lead, due 2026-03-25, P1 Prevent`);
    expect(markdown).toContain("| Sev1 | 2 |");
    expect(markdown).toContain(`- ${longSev1} Checkout down: edited since the meeting (version 1 → 2)`);
  });
});

describe("a week's incident left off the frozen agenda", () => {
  it("is flagged on the review as not on the agenda", async () => {
    const { removeAgendaItem } = await import("./mutations/agenda-edits");
    const week = "2026-W11";
    const sev1 = await fileCartIncident("Sign-in down", "SEV1", ["2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z", "2026-03-10T11:00:00Z"], 50);
    await removeAgendaItem(db, { week, version: 0, handle: `SEV1_DEEP_DIVE:${sev1.reference}` }, lead);
    const prepared = await loadReviewView(db, week, NOW);
    // Started after the incident was filed (filing stamps createdAt with the real clock).
    await startReviewMeeting(db, { week, version: prepared.review?.version }, lead, new Date());
    expect((await loadReviewView(db, week, NOW)).changedSinceMeeting).toEqual([
      { reference: sev1.reference, title: "Sign-in down", reason: "not-on-agenda", frozenVersion: null, currentVersion: 1 },
    ]);
  });
});
