import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { CLOCK_SKEW_MS } from "@/features/incidents/rules";
import { changePostmortem, parseInput, type PostmortemChangeResult, type Tx } from "./postmortem-change";
import { nextPosition } from "../ordering";
import { moveEntry, type OrderedEntries } from "./move-entry";
import { addTimelineEventSchema, editTimelineEventSchema, moveTimelineEventSchema, timelineEventRefSchema } from "../schemas";

const eventAudit = (event: { occurredAt: Date; kind: string; text: string }) => ({
  occurredAt: event.occurredAt.toISOString(),
  kind: event.kind,
  text: event.text,
});

// A timeline records what happened; a time ahead of now is a typing mistake.
function assertNotFuture(occurredAt: Date, now: Date) {
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new RuleViolationError({ occurredAt: ["cannot be in the future"] });
}

async function findEvent(tx: Tx, postmortemId: string, eventId: string) {
  const event = await tx.timelineEvent.findFirst({ where: { id: eventId, postmortemId } });
  if (!event) throw new NotFoundError("This timeline event no longer exists; reload the page.");
  return event;
}

/** Adds an event at the end of the timeline. */
export async function addTimelineEvent(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(addTimelineEventSchema, rawInput);
  assertNotFuture(input.occurredAt, now);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const existing = await tx.timelineEvent.findMany({ where: { postmortemId: row.id }, select: { id: true, position: true } });
    const event = await tx.timelineEvent.create({
      data: { postmortemId: row.id, position: nextPosition(existing), occurredAt: input.occurredAt, kind: input.kind, text: input.text },
    });
    return { audit: { action: "postmortem.timeline_event.add", changes: { eventId: event.id, event: eventAudit(event) } } };
  });
}

export async function editTimelineEvent(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(editTimelineEventSchema, rawInput);
  assertNotFuture(input.occurredAt, now);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const before = await findEvent(tx, row.id, input.eventId);
    const after = await tx.timelineEvent.update({ where: { id: before.id }, data: { occurredAt: input.occurredAt, kind: input.kind, text: input.text } });
    return { audit: { action: "postmortem.timeline_event.edit", changes: { eventId: before.id, from: eventAudit(before), to: eventAudit(after) } } };
  });
}

export async function deleteTimelineEvent(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(timelineEventRefSchema, rawInput);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const event = await findEvent(tx, row.id, input.eventId);
    await tx.timelineEvent.delete({ where: { id: event.id } });
    return { audit: { action: "postmortem.timeline_event.delete", changes: { eventId: event.id, event: eventAudit(event) } } };
  });
}

const TIMELINE: OrderedEntries = {
  idField: "eventId",
  action: "postmortem.timeline_event.move",
  positions: (tx, postmortemId) => tx.timelineEvent.findMany({ where: { postmortemId }, select: { id: true, position: true } }),
  setPosition: (tx, id, position) => tx.timelineEvent.update({ where: { id }, data: { position } }),
};

/** Swaps an event with its neighbour above or below. */
export async function moveTimelineEvent(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const { eventId, ...input } = parseInput(moveTimelineEventSchema, rawInput);
  return moveEntry(db, { ...input, id: eventId }, actor, TIMELINE);
}
