import { describe, expect, it } from "vitest";
import { ConflictError, RuleViolationError, ValidationError } from "@/lib/errors";
import { emptySections, type PostmortemSections } from "@/lib/domain/postmortem-enums";
import { PostmortemConflictError } from "./mutations/postmortem-change";
import { savePostmortemSections } from "./mutations/sections";
import { addTimelineEvent } from "./mutations/timeline";
import { publishPostmortem } from "./mutations/transitions";
import { findPostmortemView } from "./reads";
import { rejectionOf, usePostmortemFixture } from "./test-fixtures";

const fx = usePostmortemFixture();

const sections = (impactStatement: string): PostmortemSections => ({ ...emptySections(), impactStatement, lessonsLearned: "Roll out in stages." });
const writes = async () => ({ postmortems: await fx.db.postmortem.count(), audit: await fx.db.auditEvent.count({ where: { entityType: "Postmortem" } }) });

describe("savePostmortemSections", () => {
  it("creates the postmortem on the first save, then moves the version on by one per save, with audit events", async () => {
    const incidentId = await fx.fileTestIncident();
    expect((await findPostmortemView(fx.db, incidentId)).version).toBe(0);
    const first = await savePostmortemSections(fx.db, { incidentId, version: 0, sections: sections("Checkout down 40 min.") }, fx.actors.ENGINEER);
    expect(first.version).toBe(1);
    const second = await savePostmortemSections(fx.db, { incidentId, version: 1, sections: sections("Checkout down 42 min.") }, fx.actors.ENGINEER);
    expect(second.version).toBe(2);

    const view = await findPostmortemView(fx.db, incidentId);
    expect(view).toMatchObject({ state: "DRAFT", version: 2, sections: { impactStatement: "Checkout down 42 min.", lessonsLearned: "Roll out in stages." } });
    const audit = await fx.db.auditEvent.findMany({ where: { entityId: first.postmortemId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["postmortem.create", "postmortem.update", "postmortem.update"]);
    expect(audit[2]?.changes).toMatchObject({ impactStatement: { from: "Checkout down 40 min.", to: "Checkout down 42 min." } });
    expect(audit[2]?.changes).not.toHaveProperty("lessonsLearned");
  });

  it("refuses a save based on an old version with the current text, and writes nothing", async () => {
    const incidentId = await fx.fileTestIncident();
    await savePostmortemSections(fx.db, { incidentId, version: 0, sections: sections("Alice's words") }, fx.actors.ENGINEER);
    await savePostmortemSections(fx.db, { incidentId, version: 1, sections: sections("Alice's better words") }, fx.actors.ENGINEER);
    const before = await writes();
    const error = await rejectionOf(savePostmortemSections(fx.db, { incidentId, version: 1, sections: sections("Bob's words") }, fx.actors.LEAD));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as PostmortemConflictError).current).toMatchObject({ version: 2, sections: { impactStatement: "Alice's better words" } });
    expect(await writes()).toEqual(before);
    expect((await findPostmortemView(fx.db, incidentId)).sections.impactStatement).toBe("Alice's better words");
  });

  it("lets exactly one of many concurrent saves of the same version through", async () => {
    const incidentId = await fx.fileTestIncident();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) => savePostmortemSections(fx.db, { incidentId, version: 0, sections: sections(`writer ${n}`) }, fx.actors.ENGINEER)),
    );
    const saved = outcomes.filter((o) => o.status === "fulfilled");
    expect(saved).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(9);
    const view = await findPostmortemView(fx.db, incidentId);
    expect(view.version).toBe(1);
    expect(await fx.db.postmortem.count({ where: { incidentId } })).toBe(1);
  });

  it("forgives a version moved on by the timeline when the sections are still the ones the editor started from", async () => {
    const incidentId = await fx.fileTestIncident();
    const base = sections("Started here");
    await savePostmortemSections(fx.db, { incidentId, version: 0, sections: base }, fx.actors.ENGINEER);
    await addTimelineEvent(fx.db, { incidentId, version: 1, occurredAt: "2026-11-20T08:05:00Z", kind: "DETECTION", text: "Alarm fired." }, fx.actors.LEAD);
    const saved = await savePostmortemSections(
      fx.db,
      { incidentId, version: 1, base, sections: sections("Edited while the lead added an event") },
      fx.actors.ENGINEER,
    );
    expect(saved.version).toBe(3);
    // But not when the sections themselves changed since: that is someone's text.
    const error = await rejectionOf(savePostmortemSections(fx.db, { incidentId, version: 3, base, sections: sections("Stale base") }, fx.actors.LEAD));
    expect(error).toBeInstanceOf(PostmortemConflictError);
  });

  it("stores line breaks as LF, whichever way the form sent them, and compares the base the same way", async () => {
    const incidentId = await fx.fileTestIncident();
    const crlf = sections("Line one\r\nLine two");
    await savePostmortemSections(fx.db, { incidentId, version: 0, sections: crlf }, fx.actors.ENGINEER);
    expect((await findPostmortemView(fx.db, incidentId)).sections.impactStatement).toBe("Line one\nLine two");
    await addTimelineEvent(fx.db, { incidentId, version: 1, occurredAt: "2026-11-20T08:05:00Z", kind: "OTHER", text: "a\r\nb" }, fx.actors.ENGINEER);
    expect((await findPostmortemView(fx.db, incidentId)).timeline[0]?.text).toBe("a\nb");
    // The editor's base comes back as CRLF too: still the stored text, so no conflict.
    const saved = await savePostmortemSections(fx.db, { incidentId, version: 1, base: crlf, sections: sections("Line one") }, fx.actors.ENGINEER);
    expect(saved.version).toBe(3);
  });

  it("refuses input of the wrong shape field by field, and writes nothing", async () => {
    const incidentId = await fx.fileTestIncident();
    const before = await writes();
    const error = await rejectionOf(
      savePostmortemSections(fx.db, { incidentId, version: "", sections: { ...sections("x"), whatWentWell: "y".repeat(20_001) } }, fx.actors.ENGINEER),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ version: ["is required"], "sections.whatWentWell": ["must be at most 20,000 characters"] });
    expect(await writes()).toEqual(before);
  });

  it("freezes the sections once published", async () => {
    const incidentId = await fx.fileTestIncident();
    await savePostmortemSections(fx.db, { incidentId, version: 0, sections: sections("Done") }, fx.actors.ENGINEER);
    await fx.db.postmortem.update({ where: { incidentId }, data: { state: "PUBLISHED" } });
    const error = await rejectionOf(savePostmortemSections(fx.db, { incidentId, version: 1, sections: sections("Rewritten") }, fx.actors.LEAD));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).fieldErrors).toHaveProperty("state");
    // Publishing it again is no move either.
    expect(await rejectionOf(publishPostmortem(fx.db, { incidentId, version: 1, noActionNeededReason: "n/a" }, fx.actors.LEAD))).toBeInstanceOf(
      RuleViolationError,
    );
  });
});
