import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { swapPartner, swapPositions } from "../ordering";
import { changePostmortem, type PostmortemChangeResult, type Tx } from "./postmortem-change";

/** A list of a postmortem kept in position order (the five whys, the timeline), as a move sees it. */
export type OrderedEntries = {
  /** The entry's id field, as the audit event names it. */
  idField: string;
  action: string;
  positions: (tx: Tx, postmortemId: string) => Promise<{ id: string; position: number }[]>;
  setPosition: (tx: Tx, id: string, position: number) => Promise<unknown>;
};

/** Swaps an entry with its neighbour above or below. */
export async function moveEntry(
  db: Database,
  input: { incidentId: string; version: number; id: string; direction: "up" | "down" },
  actor: Actor,
  entries: OrderedEntries,
): Promise<PostmortemChangeResult> {
  assertMay(actor, "postmortem:edit", "edit postmortems");
  return changePostmortem(db, input, actor, { content: true }, async (tx, row) => {
    const { item, partner } = swapPartner(await entries.positions(tx, row.id), input.id, input.direction);
    await swapPositions((id, position) => entries.setPosition(tx, id, position), item, partner);
    const changes = { [entries.idField]: item.id, direction: input.direction, position: { from: item.position, to: partner.position } };
    return { audit: { action: entries.action, changes } };
  });
}
