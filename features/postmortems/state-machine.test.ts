import { describe, expect, it } from "vitest";
import { createActionItem } from "@/features/action-items/mutations";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { problemFromError } from "@/lib/http/problem";
import { emptySections } from "@/lib/domain/postmortem-enums";
import { savePostmortemSections } from "./mutations/sections";
import { publishPostmortem, sendBackPostmortem, submitPostmortem } from "./mutations/transitions";
import { findPostmortemView } from "./reads";
import { rejectionOf, usePostmortemFixture } from "./test-fixtures";

const fx = usePostmortemFixture();

const submittedAt = new Date("2026-11-23T10:00:00Z");
const publishedAt = new Date("2026-11-24T15:30:00Z");

/** An action item on the incident, filed by the engineer who owns it, due mid-December. */
const addActionItem = (incidentId: string, title: string, priority: "P1" | "P2", type: "PREVENT" | "DETECT") =>
  createActionItem(fx.db, { incidentId, title, ownerId: fx.actors.ENGINEER.userId, dueDate: "2026-12-15", priority, type }, fx.actors.ENGINEER);

/** An incident whose postmortem has an impact statement and was submitted for review; its version. */
async function inReview(): Promise<{ incidentId: string; version: number }> {
  const incidentId = await fx.fileTestIncident();
  await savePostmortemSections(fx.db, { incidentId, version: 0, sections: { ...emptySections(), impactStatement: "Checkout down." } }, fx.actors.ENGINEER);
  const { version } = await submitPostmortem(fx.db, { incidentId, version: 1 }, fx.actors.ENGINEER, submittedAt);
  return { incidentId, version };
}

describe("postmortem states", () => {
  it("an engineer submits a draft for review, recorded with who and when; an empty one is refused", async () => {
    const empty = await fx.fileTestIncident();
    const refused = await rejectionOf(submitPostmortem(fx.db, { incidentId: empty, version: 0 }, fx.actors.ENGINEER));
    expect((refused as RuleViolationError).fieldErrors).toHaveProperty("impactStatement");
    expect(await fx.db.postmortem.count({ where: { incidentId: empty } })).toBe(0);

    const { incidentId } = await inReview();
    const view = await findPostmortemView(fx.db, incidentId);
    expect(view).toMatchObject({
      state: "IN_REVIEW",
      submittedAt: submittedAt.toISOString(),
      submittedBy: { email: "engineer@example.test" },
      publishedAt: null,
    });
    const audit = await fx.db.auditEvent.findFirstOrThrow({ where: { entityId: view.id!, action: "postmortem.submit" } });
    expect(audit.changes).toMatchObject({ state: { from: "DRAFT", to: "IN_REVIEW" } });
  });

  it("an engineer may not publish", async () => {
    const { incidentId, version } = await inReview();
    await addActionItem(incidentId, "Add a canary stage", "P1", "PREVENT");
    expect(await rejectionOf(publishPostmortem(fx.db, { incidentId, version }, fx.actors.ENGINEER))).toBeInstanceOf(ForbiddenError);
    expect((await findPostmortemView(fx.db, incidentId)).state).toBe("IN_REVIEW");
  });

  it("a lead may not publish without an action item or a reason: a 422 naming the field", async () => {
    const { incidentId, version } = await inReview();
    const error = await rejectionOf(publishPostmortem(fx.db, { incidentId, version, noActionNeededReason: "   " }, fx.actors.LEAD));
    expect(error).toBeInstanceOf(RuleViolationError);
    const response = problemFromError(error);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ field: "noActionNeededReason", messages: [expect.stringContaining("action item")] }] });
    expect((await findPostmortemView(fx.db, incidentId)).state).toBe("IN_REVIEW");
  });

  it("a lead publishes once the incident has an action item, recorded with who and when", async () => {
    const { incidentId, version } = await inReview();
    await addActionItem(incidentId, "Alarm on cache hit rate", "P2", "DETECT");
    const published = await publishPostmortem(fx.db, { incidentId, version }, fx.actors.LEAD, publishedAt);
    expect(published.version).toBe(version + 1);
    expect(await findPostmortemView(fx.db, incidentId)).toMatchObject({
      state: "PUBLISHED",
      publishedAt: publishedAt.toISOString(),
      publishedBy: { email: "lead@example.test" },
      submittedBy: { email: "engineer@example.test" },
    });
  });

  it("a lead publishes without action items when a reason is given, and the reason is kept", async () => {
    const { incidentId, version } = await inReview();
    await publishPostmortem(fx.db, { incidentId, version, noActionNeededReason: "Provider fault, fixed upstream." }, fx.actors.LEAD, publishedAt);
    expect(await findPostmortemView(fx.db, incidentId)).toMatchObject({ state: "PUBLISHED", noActionNeededReason: "Provider fault, fixed upstream." });
  });

  it("review can send a postmortem back to draft, which clears the submission, and it can be submitted again", async () => {
    const { incidentId, version } = await inReview();
    const back = await sendBackPostmortem(fx.db, { incidentId, version }, fx.actors.LEAD);
    expect(await findPostmortemView(fx.db, incidentId)).toMatchObject({ state: "DRAFT", submittedAt: null, submittedBy: null });
    expect(await rejectionOf(sendBackPostmortem(fx.db, { incidentId, version: back.version }, fx.actors.LEAD))).toBeInstanceOf(RuleViolationError);
    expect(await rejectionOf(publishPostmortem(fx.db, { incidentId, version: back.version, noActionNeededReason: "x" }, fx.actors.LEAD))).toBeInstanceOf(
      RuleViolationError,
    );
    await submitPostmortem(fx.db, { incidentId, version: back.version }, fx.actors.ENGINEER);
    expect((await findPostmortemView(fx.db, incidentId)).state).toBe("IN_REVIEW");
  });
});
