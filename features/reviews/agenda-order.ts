/** The order after moving one item by `offset` places; the same array when it cannot move. */
export function moveHandle(order: string[], handle: string, offset: number): string[] {
  const from = order.indexOf(handle);
  const to = from + offset;
  if (from === -1 || to < 0 || to >= order.length) return order;
  const next = order.filter((h) => h !== handle);
  next.splice(to, 0, handle);
  return next;
}

/** The order after dropping `source` on `target`: it takes the target's place, pushing the target away from where it came. */
export function moveHandleTo(order: string[], source: string, target: string): string[] {
  const to = order.indexOf(target);
  if (order.indexOf(source) === -1 || to === -1 || source === target) return order;
  const next = order.filter((h) => h !== source);
  next.splice(to, 0, source);
  return next;
}
