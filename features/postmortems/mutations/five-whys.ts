import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { changePostmortem, parseInput, type PostmortemChangeResult, type Tx } from "./postmortem-change";
import { nextPosition } from "../ordering";
import { moveEntry, type OrderedEntries } from "./move-entry";
import { addFiveWhySchema, editFiveWhySchema, fiveWhyRefSchema, moveFiveWhySchema } from "../schemas";

async function findWhy(tx: Tx, postmortemId: string, whyId: string) {
  const why = await tx.fiveWhy.findFirst({ where: { id: whyId, postmortemId } });
  if (!why) throw new NotFoundError("This entry of the five whys no longer exists; reload the page.");
  return why;
}

/** Adds the next "why" at the end of the chain. */
export async function addFiveWhy(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(addFiveWhySchema, rawInput);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const existing = await tx.fiveWhy.findMany({ where: { postmortemId: row.id }, select: { id: true, position: true } });
    const why = await tx.fiveWhy.create({ data: { postmortemId: row.id, position: nextPosition(existing), text: input.text } });
    return { audit: { action: "postmortem.five_why.add", changes: { whyId: why.id, text: why.text } } };
  });
}

export async function editFiveWhy(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(editFiveWhySchema, rawInput);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const before = await findWhy(tx, row.id, input.whyId);
    if (before.text === input.text) return { audit: null };
    await tx.fiveWhy.update({ where: { id: before.id }, data: { text: input.text } });
    return { audit: { action: "postmortem.five_why.edit", changes: { whyId: before.id, text: { from: before.text, to: input.text } } } };
  });
}

export async function deleteFiveWhy(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const input = parseInput(fiveWhyRefSchema, rawInput);
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const why = await findWhy(tx, row.id, input.whyId);
    await tx.fiveWhy.delete({ where: { id: why.id } });
    return { audit: { action: "postmortem.five_why.delete", changes: { whyId: why.id, text: why.text } } };
  });
}

const FIVE_WHYS: OrderedEntries = {
  idField: "whyId",
  action: "postmortem.five_why.move",
  positions: (tx, postmortemId) => tx.fiveWhy.findMany({ where: { postmortemId }, select: { id: true, position: true } }),
  setPosition: (tx, id, position) => tx.fiveWhy.update({ where: { id }, data: { position } }),
};

/** Swaps an entry with its neighbour above or below. */
export async function moveFiveWhy(db: Database, rawInput: unknown, actor: Actor): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  const { whyId, ...input } = parseInput(moveFiveWhySchema, rawInput);
  return moveEntry(db, { ...input, id: whyId }, actor, FIVE_WHYS);
}
