import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { addCustomItem, addSuggestedItem, removeAgendaItem, reorderAgenda } from "./mutations/agenda-edits";
import { updateAgendaItem } from "./mutations/item-edits";
import { loadReviewView } from "./reads/review";
import { createReviewWeek, engineer, leadActor, NOW, WEEK } from "./test-week";

const { db } = useTestDatabase();
let lead: Actor;
let leadId: string;
const view = () => loadReviewView(db, WEEK, NOW);
const keys = async () => (await view()).items.map((i) => i.key ?? i.title);
const auditCount = () => db.auditEvent.count({ where: { entityType: { in: ["Review", "AgendaItem"] } } });

beforeAll(async () => {
  const week = await createReviewWeek(db);
  leadId = week.lead.id;
  lead = leadActor(leadId);
});

describe("preparing the agenda", () => {
  it("proposes the agenda from the data before anyone edits it", async () => {
    const proposal = await view();
    expect(proposal.status).toBe("NOT_PREPARED");
    expect(proposal.review).toBeNull();
    expect(proposal.meetingDate).toBe("2026-03-11");
    expect(proposal.items.map((i) => i.kind)).toEqual(["METRICS", "SEV1_DEEP_DIVE", "SEV1_DEEP_DIVE", "AI_CHANGE_REVIEW", "SEV2_ROUNDUP", "WHEEL"]);
    expect(proposal.items[1]?.title).toMatch(/Checkout down$/);
    expect(proposal.items.every((i) => i.id === null && i.handle === i.key)).toBe(true);
  });

  it("refuses anyone below LEAD and stores nothing", async () => {
    const handles = (await view()).items.map((i) => i.handle).reverse();
    await expect(reorderAgenda(db, { week: WEEK, version: 0, handles }, engineer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.review.count()).toBe(0);
  });

  it("stores nothing when a first edit is refused", async () => {
    const first = (await view()).items[0];
    const refused = updateAgendaItem(
      db,
      { week: WEEK, handle: first?.handle, itemVersion: 1, minutes: 5, presenterId: "00000000-0000-4000-8000-000000000000" },
      lead,
    );
    await expect(refused).rejects.toMatchObject({ fieldErrors: { presenterId: ["is not an active user; pick someone from the list"] } });
    expect(await db.review.count()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("stores the proposal on the first edit and applies the edit", async () => {
    const before = await view();
    const handles = before.items.map((i) => i.handle);
    const reordered = [handles[0], handles[2], handles[1], ...handles.slice(3)] as string[];
    const result = await reorderAgenda(db, { week: WEEK, version: 0, handles: reordered }, lead);
    expect(result.version).toBe(2);
    const after = await view();
    expect(after.items.map((i) => i.key)).toEqual(reordered);
    expect(after.items.every((i) => i.id !== null && i.handle === i.id)).toBe(true);
  });

  it("refuses an edit based on an old version, names who changed it, and writes nothing", async () => {
    const audits = await auditCount();
    const order = await keys();
    const stale = reorderAgenda(db, { week: WEEK, version: 1, handles: [...order].reverse() }, lead);
    await expect(stale).rejects.toThrow(/changed by lead@example.test since you loaded it/);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await keys()).toEqual(order);
    expect(await auditCount()).toBe(audits);
  });

  it("lets exactly one of two concurrent edits on the same version through", async () => {
    const { review, items } = await view();
    const handles = items.map((i) => i.handle);
    const results = await Promise.allSettled([
      reorderAgenda(db, { week: WEEK, version: review?.version, handles: [...handles].reverse() }, lead),
      addCustomItem(db, { week: WEEK, version: review?.version, title: "Game day next week", minutes: 5 }, lead),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(1);
  });

  it("adds a custom item at the end and validates its fields by name", async () => {
    const { review } = await view();
    await expect(addCustomItem(db, { week: WEEK, version: review?.version, title: "x", minutes: 0 }, lead)).rejects.toMatchObject({
      fieldErrors: { title: ["must be at least 3 characters"], minutes: ["must be at least 1 minute"] },
    });
    await addCustomItem(db, { week: WEEK, version: review?.version, title: "Capacity plan for the sale", minutes: "7", presenterId: leadId }, lead);
    const last = (await view()).items.at(-1);
    expect(last).toMatchObject({ kind: "CUSTOM", title: "Capacity plan for the sale", minutes: 7, presenter: { id: leadId, name: "Lena Lead" } });
  });

  it("removes an item, offers it back as a suggestion, and puts it back where the proposal has it", async () => {
    let current = await view();
    const roundup = current.items.find((i) => i.kind === "SEV2_ROUNDUP");
    await removeAgendaItem(db, { week: WEEK, version: current.review?.version, handle: roundup?.handle }, lead);
    current = await view();
    expect(current.items.map((i) => i.kind)).not.toContain("SEV2_ROUNDUP");
    expect(current.suggestions.map((s) => s.key)).toEqual(["SEV2_ROUNDUP"]);
    await addSuggestedItem(db, { week: WEEK, version: current.review?.version, key: "SEV2_ROUNDUP" }, lead, NOW);
    current = await view();
    const kinds = current.items.map((i) => i.kind);
    expect(kinds.indexOf("SEV2_ROUNDUP")).toBe(kinds.indexOf("WHEEL") - 1);
    expect(current.suggestions).toEqual([]);
  });

  it("sets presenter and time box with the item's version, refusing a stale one", async () => {
    const item = (await view()).items[0];
    if (!item) throw new Error("no items");
    await updateAgendaItem(db, { week: WEEK, handle: item.handle, itemVersion: item.version, minutes: 8, presenterId: leadId }, lead);
    const stale = updateAgendaItem(db, { week: WEEK, handle: item.handle, itemVersion: item.version, minutes: 3, presenterId: "" }, lead);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect((await view()).items[0]).toMatchObject({ minutes: 8, presenter: { id: leadId }, version: item.version + 1 });
    await expect(updateAgendaItem(db, { week: WEEK, handle: item.handle, itemVersion: 2, minutes: 5, presenterId: "not-a-user" }, lead)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("shows the total of the time boxes against the meeting length", async () => {
    const current = await view();
    expect(current.totalMinutes).toBe(current.items.reduce((sum, i) => sum + i.minutes, 0));
    expect(current.meetingLengthMinutes).toBe(60);
  });
});
