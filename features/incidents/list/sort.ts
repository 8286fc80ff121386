// The orders the incident list can be read in, and the opaque cursors that keyset-page them.
// A column is sortable only when its keyset is stable and an index serves it: impact minutes
// of an open incident grow with the clock (no stable keyset); users affected has no index, so
// its first page would sort the whole table on every view.

export const SORT_COLUMNS = ["startedAt", "severity"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = "asc" | "desc";
export type IncidentListSort = { column: SortColumn; direction: SortDirection };

export const DEFAULT_SORT: IncidentListSort = { column: "startedAt", direction: "desc" };

/** The direction a column sorts in first: newest first, Sev1 first. */
export const FIRST_DIRECTION: Record<SortColumn, SortDirection> = { startedAt: "desc", severity: "asc" };

/**
 * The position of a row in the list: its sort key. Ties on the sorted column are broken by
 * (startedAt, id), newest first, so every row has exactly one place in every order.
 */
export type ListPosition = { startedAt: Date; id: string; severity: string };

type CursorBody = { c: SortColumn; t: string; i: string; v?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(column: SortColumn, position: ListPosition): string {
  const body: CursorBody = { c: column, t: position.startedAt.toISOString(), i: position.id };
  if (column === "severity") body.v = position.severity;
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

/** The position a cursor points at, or null when it is not a cursor of a list in this order. */
export function decodeCursor(value: string | null | undefined, column: SortColumn): ListPosition | null {
  if (!value) return null;
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<CursorBody>;
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || body.c !== column) return null;
  const startedAt = new Date(typeof body.t === "string" ? body.t : "");
  if (Number.isNaN(startedAt.getTime()) || typeof body.i !== "string" || !UUID.test(body.i)) return null;
  if (column === "severity" && body.v !== "SEV1" && body.v !== "SEV2") return null;
  // A startedAt cursor needs no severity; the placeholder is never compared.
  return { startedAt, id: body.i, severity: body.v ?? "" };
}
