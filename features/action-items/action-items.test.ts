import { describe, expect, it } from "vitest";
import { rejectionOf, usePostmortemFixture } from "@/features/postmortems/test-fixtures";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { changeActionItemStatus, createActionItem } from "./mutations";
import { listActionItems } from "./reads";

const fx = usePostmortemFixture();

const today = "2026-11-24";
const item = (incidentId: string, title: string, dueDate: string, ownerId = fx.actors.ENGINEER.userId) => ({
  incidentId,
  title,
  ownerId,
  dueDate,
  priority: "P2",
  type: "PREVENT",
});

async function withStatus(incidentId: string, title: string, dueDate: string, status: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO", ownerId?: string | null) {
  const created = await createActionItem(fx.db, item(incidentId, title, dueDate, ownerId ?? fx.actors.ENGINEER.userId), fx.actors.ENGINEER);
  if (status !== "OPEN") await changeActionItemStatus(fx.db, { actionItemId: created.id, version: 1, status }, fx.actors.ENGINEER);
  return created.id;
}

describe("listActionItems", () => {
  it("puts overdue items first, then the other unfinished ones by due date, then the finished ones", async () => {
    const incidentId = await fx.fileTestIncident();
    await withStatus(incidentId, "due in a week", "2026-12-01", "OPEN");
    await withStatus(incidentId, "done long ago", "2026-10-01", "DONE");
    await withStatus(incidentId, "due today", today, "IN_PROGRESS");
    await withStatus(incidentId, "overdue by a day", "2026-11-23", "IN_PROGRESS");
    await withStatus(incidentId, "dropped last week", "2026-11-17", "WONT_DO");
    await withStatus(incidentId, "overdue by a month", "2026-10-24", "OPEN");
    await withStatus(incidentId, "done, due tomorrow", "2026-11-25", "DONE");

    const list = await listActionItems(fx.db, { incidentId }, today);
    expect(list.items.map((i) => [i.title, i.overdue])).toEqual([
      ["overdue by a month", true],
      ["overdue by a day", true],
      ["due today", false],
      ["due in a week", false],
      ["done, due tomorrow", false],
      ["dropped last week", false],
      ["done long ago", false],
    ]);
    expect(list).toMatchObject({ total: 7, overdue: 2 });
    // The limit cuts across the groups in the same order.
    expect((await listActionItems(fx.db, { incidentId }, today, 3)).items.map((i) => i.title)).toEqual(["overdue by a month", "overdue by a day", "due today"]);
  });

  it("filters by status and by owner", async () => {
    const incidentId = await fx.fileTestIncident();
    await withStatus(incidentId, "lead's open item", "2026-11-01", "OPEN", fx.actors.LEAD.userId);
    await withStatus(incidentId, "engineer's open item", "2026-11-02", "OPEN");
    await withStatus(incidentId, "engineer's done item", "2026-11-03", "DONE");
    const open = await listActionItems(fx.db, { incidentId, status: "OPEN" }, today);
    expect(open.items.map((i) => i.title)).toEqual(["lead's open item", "engineer's open item"]);
    const leads = await listActionItems(fx.db, { incidentId, ownerId: fx.actors.LEAD.userId! }, today);
    expect(leads.items.map((i) => [i.title, i.owner.email])).toEqual([["lead's open item", "lead@example.test"]]);
  });
});

describe("createActionItem", () => {
  it("writes the item and its audit event; refuses bad input, an unknown owner and a viewer, writing nothing", async () => {
    const incidentId = await fx.fileTestIncident();
    const created = await createActionItem(fx.db, { ...item(incidentId, "Canary stage for checkout", "2026-12-15"), priority: "P1" }, fx.actors.ENGINEER);
    expect(await fx.db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } })).toMatchObject({
      action: "actionItem.create",
      entityType: "ActionItem",
    });
    const count = () => fx.db.actionItem.count({ where: { incidentId } });
    expect(await count()).toBe(1);

    const bad = await rejectionOf(
      createActionItem(fx.db, { incidentId, title: "x", ownerId: "", dueDate: "2026-02-30", priority: "P4", type: "FIX" }, fx.actors.ENGINEER),
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      title: ["must be at least 3 characters"],
      ownerId: ["pick an owner"],
      dueDate: ["is not a real calendar date"],
      priority: ["must be one of P1, P2, P3"],
      type: ["must be one of PREVENT, DETECT, MITIGATE, PROCESS"],
    });
    await fx.db.user.update({ where: { id: fx.actors.ADMIN.userId! }, data: { active: false } });
    const inactive = await rejectionOf(
      createActionItem(fx.db, item(incidentId, "Owned by someone who left", "2026-12-15", fx.actors.ADMIN.userId), fx.actors.ENGINEER),
    );
    expect((inactive as ValidationError).fieldErrors).toEqual({ ownerId: ["is not an active user; pick someone from the list"] });
    expect(await rejectionOf(createActionItem(fx.db, item(incidentId, "By a viewer", "2026-12-15"), fx.actors.VIEWER))).toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(1);
  });

  it("never takes the weekly review it came from from the input: only the review's own path sets it", async () => {
    const incidentId = await fx.fileTestIncident();
    const review = await fx.db.review.create({ data: { isoWeek: "2026-W40", meetingDate: new Date("2026-10-07T00:00:00Z") } });
    const posted = await createActionItem(fx.db, { ...item(incidentId, "Posted with a review id", "2026-12-15"), reviewId: review.id }, fx.actors.ENGINEER);
    expect((await fx.db.actionItem.findUniqueOrThrow({ where: { id: posted.id } })).reviewId).toBeNull();
  });
});

describe("changeActionItemStatus", () => {
  it("sets completedAt when DONE and clears it when reopened, one version at a time", async () => {
    const incidentId = await fx.fileTestIncident();
    const { id } = await createActionItem(fx.db, item(incidentId, "Runbook for cache warm-up", "2026-12-01"), fx.actors.ENGINEER);
    const doneAt = new Date("2026-11-24T16:00:00Z");
    const done = await changeActionItemStatus(fx.db, { actionItemId: id, version: "1", status: "DONE" }, fx.actors.ENGINEER, doneAt);
    expect(done).toMatchObject({ version: 2, status: "DONE", changed: true });
    expect(await fx.db.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", completedAt: doneAt, version: 2 });
    const audit = await fx.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "actionItem.update" } });
    expect(audit.changes).toMatchObject({ status: { from: "OPEN", to: "DONE" } });

    await changeActionItemStatus(fx.db, { actionItemId: id, version: 2, status: "IN_PROGRESS" }, fx.actors.ENGINEER);
    expect(await fx.db.actionItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "IN_PROGRESS", completedAt: null, version: 3 });
  });

  it("refuses a stale version, an unknown item and a viewer; of concurrent changes of one version exactly one wins", async () => {
    const incidentId = await fx.fileTestIncident();
    const { id } = await createActionItem(fx.db, item(incidentId, "Load test before campaigns", "2026-12-01"), fx.actors.ENGINEER);
    const outcomes = await Promise.allSettled(
      (["IN_PROGRESS", "DONE", "WONT_DO", "IN_PROGRESS", "DONE"] as const).map((status) =>
        changeActionItemStatus(fx.db, { actionItemId: id, version: 1, status }, fx.actors.ENGINEER),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(4);
    expect((await fx.db.actionItem.findUniqueOrThrow({ where: { id } })).version).toBe(2);

    expect(await rejectionOf(changeActionItemStatus(fx.db, { actionItemId: id, version: 1, status: "OPEN" }, fx.actors.ENGINEER))).toBeInstanceOf(
      ConflictError,
    );
    expect(
      await rejectionOf(
        changeActionItemStatus(fx.db, { actionItemId: "7d0f5e0e-4b7a-4a53-9a53-1f0a4c1f9b11", version: 1, status: "OPEN" }, fx.actors.ENGINEER),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(changeActionItemStatus(fx.db, { actionItemId: id, version: 2, status: "OPEN" }, fx.actors.VIEWER))).toBeInstanceOf(ForbiddenError);
  });
});
