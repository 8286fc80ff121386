// Each event's data worked out on a seeded week, made through the app's own mutations.
import { beforeAll, describe, expect, it } from "vitest";
import { createActionItem, changeActionItemStatus } from "@/features/action-items/mutations";
import { findIncident } from "@/features/incidents/reads";
import { savePostmortemSections } from "@/features/postmortems/mutations/sections";
import { publishPostmortem, submitPostmortem } from "@/features/postmortems/mutations/transitions";
import { addCustomItem } from "@/features/reviews/mutations/agenda-edits";
import { recordItemNotes } from "@/features/reviews/mutations/item-edits";
import { finishReviewMeeting, markReviewPrepared, startReviewMeeting } from "@/features/reviews/mutations/meeting";
import { createMeetingActionItem } from "@/features/reviews/mutations/meeting-action-item";
import { loadReviewView } from "@/features/reviews/reads/review";
import { createReviewWeek, fileTestIncident, leadActor, NOW, WEEK } from "@/features/reviews/test-week";
import { emptySections } from "@/lib/domain/postmortem-enums";
import { useTestDatabase } from "@/test/database";
import { DEFAULT_WEBHOOK_POLICY, type WebhookRuntime } from "../runtime";
import { buildEventData, type ActionItemsDueData, type ReviewDigestData } from "./event-data";
import { renderSlackMessage } from "./slack";
import { BASE, limitBreaches } from "./test-slack-limits";

const { db } = useTestDatabase();
const runtime = (now = NOW): WebhookRuntime => ({ db, baseUrl: BASE, ...DEFAULT_WEBHOOK_POLICY, allowPrivateNetworks: false, now: () => now });
/** The event's data; every one built is also checked as a Slack message against Block Kit's limits. */
async function build(type: string, subject: unknown, now = NOW) {
  const event = { id: "e", type, subject, occurredAt: NOW };
  const data = await buildEventData(runtime(now), event);
  if (data) expect(limitBreaches(renderSlackMessage(event, data))).toEqual([]);
  return data;
}
const MISSING = "00000000-0000-4000-8000-000000000000";

let week: Awaited<ReturnType<typeof createReviewWeek>>;
let lead: ReturnType<typeof leadActor>;
let reviewId: string;

beforeAll(async () => {
  week = await createReviewWeek(db);
  lead = leadActor(week.lead.id);
  await addCustomItem(db, { week: WEEK, version: 0, title: "Sale <!channel> readiness", minutes: 5 }, lead);
  const stored = await loadReviewView(db, WEEK, NOW);
  reviewId = stored.review!.id;
  await markReviewPrepared(db, { week: WEEK, version: stored.review!.version }, lead, NOW);
});

describe("incident events", () => {
  it("carry the incident as GET /api/v1/incidents/{ref} returns it, and its page", async () => {
    const data = await build("incident.sev1_filed", { incidentId: week.longSev1.id });
    const api = await findIncident(db, week.longSev1.reference, NOW);
    expect(data).toEqual({ incident: { ...api, url: `${BASE}/incidents/${week.longSev1.reference}` } });
    expect(await build("incident.mitigated", { incidentId: week.shortSev1.id })).toMatchObject({
      incident: { reference: week.shortSev1.reference, mitigatedAt: "2026-03-02T11:00:00.000Z" },
    });
  });

  it("are nothing once the incident is gone", async () => {
    expect(await build("incident.sev1_filed", { incidentId: MISSING })).toBeNull();
    expect(await build("postmortem.published", { incidentId: MISSING })).toBeNull();
  });
});

describe("postmortem.published", () => {
  it("names the incident and carries the postmortem as the API shows it", async () => {
    const incidentId = week.sev2.id;
    await savePostmortemSections(db, { incidentId, version: 0, sections: { ...emptySections(), impactStatement: "Search slow for 30 min." } }, lead);
    await submitPostmortem(db, { incidentId, version: 1 }, lead, NOW);
    await publishPostmortem(db, { incidentId, version: 2, noActionNeededReason: "Already fixed upstream." }, lead, NOW);
    const data = await build("postmortem.published", { incidentId });
    expect(data).toMatchObject({
      incident: { reference: week.sev2.reference, title: "Search slow", url: `${BASE}/incidents/${week.sev2.reference}` },
      postmortem: { state: "PUBLISHED", sections: { impactStatement: "Search slow for 30 min." }, url: `${BASE}/incidents/${week.sev2.reference}/postmortem` },
    });
  });
});

describe("review.prepared", () => {
  it("lists the agenda with each kind in words, and links the review", async () => {
    const data = await build("review.prepared", { reviewId, week: WEEK });
    expect(data).toMatchObject({ week: WEEK, meetingDate: "2026-03-11", url: `${BASE}/reviews/${WEEK}` });
    const items = (data as { items: { kind: string; kindLabel: string; title: string }[] }).items;
    expect(items.map((i) => i.kindLabel)).toContain("Sev1 deep dive");
    expect(items.find((i) => i.kind === "CUSTOM")).toMatchObject({ kindLabel: "Added by a lead", title: "Sale <!channel> readiness" });
    expect(await build("review.prepared", { reviewId: MISSING, week: WEEK })).toBeNull();
  });
});

describe("review.digest", () => {
  it("before the meeting: the week's figures, the deep dives, no decisions; held against weeks before only once those hold data", async () => {
    const data = (await build("review.digest", { week: WEEK })) as ReviewDigestData;
    expect(data.figures).toMatchObject({
      sev1: 2,
      sev2: 1,
      impactMinutes: 450,
      weekRunning: false,
      until: null,
      baseline: null,
      changes: { changes: 0, weekRunning: false },
    });
    expect(data.deepDives.map((d) => [d.reference, d.url])).toEqual(
      expect.arrayContaining([
        [week.longSev1.reference, `${BASE}/incidents/${week.longSev1.reference}`],
        [week.shortSev1.reference, `${BASE}/incidents/${week.shortSev1.reference}`],
      ]),
    );
    expect(data).toMatchObject({ meeting: null, decisions: [], actionItems: [], url: `${BASE}/reviews/${WEEK}` });
    // An incident of January: the four weeks before W10 now lie after the first one recorded.
    await fileTestIncident(db, {
      title: "Old outage",
      severity: "SEV2",
      startedAt: "2026-01-20T10:00:00Z",
      mitigatedAt: "2026-01-20T10:30:00Z",
      resolvedAt: "2026-01-20T11:00:00Z",
    });
    const compared = (await build("review.digest", { week: WEEK })) as ReviewDigestData;
    expect(compared.figures.baseline).toEqual({ kind: "whole-weeks", figures: { sev1: 0, sev2: 0, impactMinutes: 0, availability: 1 } });
  });

  it("a running week says so and is held only against the same elapsed part of the weeks before", async () => {
    const data = (await build("review.digest", { week: "2026-W11" })) as ReviewDigestData;
    expect(data.weekEnded).toBe(false);
    expect(data.figures.weekRunning).toBe(true);
    expect(data.figures.until).toBe(NOW.toISOString());
    expect(data.figures.baseline?.kind).toBe("same-elapsed");
  });

  it("after the meeting: the decisions recorded and the action items agreed, with owners, due dates and links", async () => {
    const prepared = await loadReviewView(db, WEEK, NOW);
    await startReviewMeeting(db, { week: WEEK, version: prepared.review!.version }, lead, new Date("2026-03-11T09:00:00Z"));
    const view = await loadReviewView(db, WEEK, NOW);
    const metrics = view.items.find((i) => i.kind === "METRICS")!;
    const deepDive = view.items.find((i) => i.kind === "SEV1_DEEP_DIVE")!;
    await recordItemNotes(db, { week: WEEK, handle: metrics.handle, itemVersion: metrics.version, notes: "", decision: "Freeze deploys on Fridays." }, lead);
    const fields = { week: WEEK, ownerId: week.lead.id, priority: "P1", type: "PREVENT" };
    await createMeetingActionItem(db, { ...fields, handle: metrics.handle, title: "Write the deploy freeze policy", dueDate: "2026-03-20" }, lead);
    await createMeetingActionItem(
      db,
      { ...fields, handle: deepDive.handle, title: "Add a circuit breaker", dueDate: "2026-03-25", incidentReference: deepDive.incidentReferences[0] },
      lead,
    );
    const started = await loadReviewView(db, WEEK, NOW);
    await finishReviewMeeting(db, { week: WEEK, version: started.review!.version }, lead, new Date("2026-03-11T10:00:00Z"));
    const data = (await build("review.digest", { reviewId, week: WEEK })) as ReviewDigestData;
    expect(data.meeting).toEqual({ startedAt: "2026-03-11T09:00:00.000Z", finishedAt: "2026-03-11T10:00:00.000Z" });
    expect(data.decisions).toEqual([{ item: metrics.title, decision: "Freeze deploys on Fridays." }]);
    expect(data.actionItems).toEqual([
      {
        title: "Write the deploy freeze policy",
        owner: "Lena Lead",
        dueDate: "2026-03-20",
        priority: "P1",
        status: "OPEN",
        incidentReference: null,
        url: `${BASE}/reviews/${WEEK}`,
      },
      {
        title: "Add a circuit breaker",
        owner: "Lena Lead",
        dueDate: "2026-03-25",
        priority: "P1",
        status: "OPEN",
        incidentReference: deepDive.incidentReferences[0],
        url: `${BASE}/incidents/${deepDive.incidentReferences[0]}`,
      },
    ]);
  });

  it("the week after: the Follow-ups item's decisions and action items, each with its status, and in the Slack message", async () => {
    const next = "2026-W11";
    const data = (await build("review.digest", { week: next })) as ReviewDigestData;
    expect(data.followUps).toMatchObject({
      week: WEEK,
      url: `${BASE}/reviews/${WEEK}`,
      decisions: [{ decision: "Freeze deploys on Fridays." }],
      actionItems: [
        { title: "Write the deploy freeze policy", status: "OPEN", url: `${BASE}/reviews/${WEEK}` },
        { title: "Add a circuit breaker", status: "OPEN" },
      ],
    });
    const message = JSON.stringify(renderSlackMessage({ id: "e", type: "review.digest", subject: { week: next }, occurredAt: NOW }, data));
    expect(message).toContain(`Follow-ups from the ${WEEK} review`);
    expect(message).toContain("now *Open*");
    // The week whose meeting it was looks back at nothing: none was held before it.
    expect(((await build("review.digest", { reviewId, week: WEEK })) as ReviewDigestData).followUps).toBeNull();
  });
});

describe("action_items.due", () => {
  it("groups unfinished items overdue or due by the week's end per owner; done items and later ones are left out", async () => {
    const other = await db.user.create({ data: { email: "ann@example.test", name: "Ann Owner", role: "ENGINEER" } });
    const add = (title: string, ownerId: string, dueDate: string) =>
      createActionItem(db, { incidentId: week.longSev1.id, title, ownerId, dueDate, priority: "P2", type: "DETECT" }, lead);
    await add("Overdue alerting", other.id, "2026-03-10");
    await add("Due Sunday", other.id, "2026-03-15");
    await add("Due next Monday", other.id, "2026-03-16");
    await add("Lead's overdue item", week.lead.id, "2026-03-05");
    const done = await add("Done already", other.id, "2026-03-09");
    await changeActionItemStatus(db, { actionItemId: done.id, version: done.version, status: "DONE" }, lead, NOW);
    // Thursday 12 March: its ISO week ends on Sunday 15 March.
    const data = (await build("action_items.due", { date: "2026-03-12" })) as ActionItemsDueData;
    expect(data).toMatchObject({ date: "2026-03-12", weekEndsOn: "2026-03-15", url: `${BASE}/action-items` });
    const titles = (items: { title: string }[]) => items.map((i) => i.title);
    expect(data.owners.map((o) => [o.name, o.email, titles(o.overdue), titles(o.dueThisWeek)])).toEqual([
      ["Ann Owner", "ann@example.test", ["Overdue alerting"], ["Due Sunday"]],
      ["Lena Lead", "lead@example.test", ["Lead's overdue item"], []],
    ]);
    expect(data.owners[0]!.overdue[0]).toMatchObject({
      dueDate: "2026-03-10",
      overdue: true,
      incidentReference: week.longSev1.reference,
      url: `${BASE}/incidents/${week.longSev1.reference}`,
    });
    expect(await build("action_items.due", { date: "2026-01-05" })).toBeNull();
  });
});

describe("webhook.test", () => {
  it("is a short test message, or nothing once the webhook is gone", async () => {
    const hook = await db.webhook.create({ data: { url: "https://hooks.example.test/x", events: [], format: "slack", secret: "s" } });
    expect(await build("webhook.test", { webhookId: hook.id })).toEqual({ message: "This is a test from Ops Review", url: BASE });
    expect(await build("webhook.test", { webhookId: MISSING })).toBeNull();
    expect(await build("webhook.test", { webhookId: "not-an-id" })).toBeNull();
  });
});
