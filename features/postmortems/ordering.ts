import { NotFoundError, RuleViolationError } from "@/lib/errors";

type Positioned = { id: string; position: number };

/**
 * The item to swap places with when moving `id` one step up or down a list kept in
 * `position` order. Positions may have gaps (deleting never renumbers), so the neighbour is
 * found by rank, not by position ± 1.
 */
export function swapPartner<T extends Positioned>(items: readonly T[], id: string, direction: "up" | "down"): { item: T; partner: T } {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((item) => item.id === id);
  const item = ordered[index];
  if (!item) throw new NotFoundError("This entry no longer exists; reload the page.");
  const partner = ordered[direction === "up" ? index - 1 : index + 1];
  if (!partner) throw new RuleViolationError({ direction: [direction === "up" ? "is already the first entry" : "is already the last entry"] });
  return { item, partner };
}

/** The position for an entry added at the end. */
export const nextPosition = (items: readonly Positioned[]) => items.reduce((max, item) => Math.max(max, item.position + 1), 0);

/**
 * Swaps two entries' positions. (postmortem, position) is unique and checked row by row, so one
 * of the two parks at -1 first.
 */
export async function swapPositions(setPosition: (id: string, position: number) => Promise<unknown>, item: Positioned, partner: Positioned) {
  await setPosition(item.id, -1);
  await setPosition(partner.id, item.position);
  await setPosition(item.id, partner.position);
}
