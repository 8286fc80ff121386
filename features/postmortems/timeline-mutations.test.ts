import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { addFiveWhy, deleteFiveWhy, editFiveWhy, moveFiveWhy } from "./mutations/five-whys";
import { addTimelineEvent, deleteTimelineEvent, editTimelineEvent, moveTimelineEvent } from "./mutations/timeline";
import { findPostmortemView } from "./reads";
import { rejectionOf, usePostmortemFixture } from "./test-fixtures";

const fx = usePostmortemFixture();

const now = new Date("2026-11-24T12:00:00Z");
const texts = async (incidentId: string) => (await findPostmortemView(fx.db, incidentId)).timeline.map((e) => e.text);

describe("timeline events", () => {
  it("adds at the end, reorders by moving up and down across gaps, edits and deletes, each a new version", async () => {
    const incidentId = await fx.fileTestIncident();
    const actor = fx.actors.ENGINEER;
    let version = 0;
    for (const [at, text] of [
      ["08:00", "Impact began"],
      ["08:05", "Alarm fired"],
      ["08:20", "Sev1 declared"],
    ] as const) {
      version = (await addTimelineEvent(fx.db, { incidentId, version, occurredAt: `2026-11-20T${at}:00Z`, kind: "OTHER", text }, actor, now)).version;
    }
    expect(await texts(incidentId)).toEqual(["Impact began", "Alarm fired", "Sev1 declared"]);
    const ids = (await findPostmortemView(fx.db, incidentId)).timeline.map((e) => e.id);

    version = (await moveTimelineEvent(fx.db, { incidentId, version, eventId: ids[2], direction: "up" }, actor)).version;
    expect(await texts(incidentId)).toEqual(["Impact began", "Sev1 declared", "Alarm fired"]);
    version = (await deleteTimelineEvent(fx.db, { incidentId, version, eventId: ids[0] }, actor)).version;
    // Deleting leaves a gap in the positions; moving still swaps neighbours.
    version = (await moveTimelineEvent(fx.db, { incidentId, version, eventId: ids[1], direction: "up" }, actor)).version;
    expect(await texts(incidentId)).toEqual(["Alarm fired", "Sev1 declared"]);
    version = (
      await editTimelineEvent(
        fx.db,
        { incidentId, version, eventId: ids[2], occurredAt: "2026-11-20T08:25:00Z", kind: "ESCALATION", text: "Sev1 declared, IC engaged" },
        actor,
        now,
      )
    ).version;
    expect(version).toBe(7);

    const view = await findPostmortemView(fx.db, incidentId);
    expect(view.timeline.map((e) => [e.text, e.kind, e.occurredAt])).toEqual([
      ["Alarm fired", "OTHER", "2026-11-20T08:05:00.000Z"],
      ["Sev1 declared, IC engaged", "ESCALATION", "2026-11-20T08:25:00.000Z"],
    ]);
    const actions = await fx.db.auditEvent.findMany({ where: { entityId: view.id! }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual([
      "postmortem.create",
      ...Array(3).fill("postmortem.timeline_event.add"),
      "postmortem.timeline_event.move",
      "postmortem.timeline_event.delete",
      "postmortem.timeline_event.move",
      "postmortem.timeline_event.edit",
    ]);
  });

  it("refuses moving past the ends, a future time, bad input, an unknown event and a stale version, writing nothing", async () => {
    const incidentId = await fx.fileTestIncident();
    const actor = fx.actors.ENGINEER;
    const added = await addTimelineEvent(fx.db, { incidentId, version: 0, occurredAt: "2026-11-20T08:00:00Z", kind: "DETECTION", text: "Paged" }, actor, now);
    const [event] = (await findPostmortemView(fx.db, incidentId)).timeline;
    const ref = { incidentId, version: added.version, eventId: event!.id };

    const up = await rejectionOf(moveTimelineEvent(fx.db, { ...ref, direction: "up" }, actor));
    expect((up as RuleViolationError).fieldErrors).toEqual({ direction: ["is already the first entry"] });
    const future = await rejectionOf(addTimelineEvent(fx.db, { ...ref, occurredAt: "2026-11-25T00:00:00Z", kind: "OTHER", text: "x" }, actor, now));
    expect((future as RuleViolationError).fieldErrors).toEqual({ occurredAt: ["cannot be in the future"] });
    const bad = await rejectionOf(addTimelineEvent(fx.db, { incidentId, version: 1, occurredAt: "yesterday", kind: "PANIC", text: "  " }, actor, now));
    expect((bad as ValidationError).fieldErrors).toEqual({
      occurredAt: ["must be a date and time"],
      kind: ["must be one of DETECTION, ESCALATION, MITIGATION, CHANGE, COMMUNICATION, OTHER"],
      text: ["is required"],
    });
    const unknown = { ...ref, eventId: "7d0f5e0e-4b7a-4a53-9a53-1f0a4c1f9b11" };
    expect(await rejectionOf(deleteTimelineEvent(fx.db, unknown, actor))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(deleteTimelineEvent(fx.db, { ...ref, version: 0 }, actor))).toBeInstanceOf(ConflictError);

    const view = await findPostmortemView(fx.db, incidentId);
    expect(view.version).toBe(added.version);
    expect(view.timeline.map((e) => e.text)).toEqual(["Paged"]);
  });
});

describe("five whys", () => {
  it("keeps an ordered chain that can be added to, edited, reordered and pruned", async () => {
    const incidentId = await fx.fileTestIncident();
    const actor = fx.actors.ENGINEER;
    let version = 0;
    for (const text of ["Why did checkout fail?", "Why did the cache empty?", "Why was there no alarm?"]) {
      version = (await addFiveWhy(fx.db, { incidentId, version, text }, actor)).version;
    }
    const ids = (await findPostmortemView(fx.db, incidentId)).fiveWhys.map((w) => w.id);
    version = (await moveFiveWhy(fx.db, { incidentId, version, whyId: ids[0], direction: "down" }, actor)).version;
    version = (await editFiveWhy(fx.db, { incidentId, version, whyId: ids[2], text: "Why was the alarm silent?" }, actor)).version;
    version = (await deleteFiveWhy(fx.db, { incidentId, version, whyId: ids[1] }, actor)).version;
    const view = await findPostmortemView(fx.db, incidentId);
    expect(view.fiveWhys.map((w) => w.text)).toEqual(["Why did checkout fail?", "Why was the alarm silent?"]);
    expect(view.version).toBe(version);
    const down = await rejectionOf(moveFiveWhy(fx.db, { incidentId, version, whyId: ids[2], direction: "down" }, actor));
    expect((down as RuleViolationError).fieldErrors).toEqual({ direction: ["is already the last entry"] });
  });
});
