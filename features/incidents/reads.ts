import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { incidentWithServices, toIncidentResponse } from "./response";

export const PAGE_SIZE = 25;

type Cursor = { startedAt: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.startedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  const [instant, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const startedAt = new Date(instant ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(startedAt.getTime())) return null;
  return { startedAt, id };
}

/** Rows strictly older (or newer) than the cursor in the (startedAt, id) order. */
function beyond(cursor: Cursor, direction: "older" | "newer"): Prisma.IncidentWhereInput {
  const op = direction === "older" ? "lt" : "gt";
  return {
    OR: [{ startedAt: { [op]: cursor.startedAt } }, { startedAt: cursor.startedAt, id: { [op]: cursor.id } }],
  };
}

export type IncidentPageRequest = { after?: string | null; before?: string | null; pageSize?: number };

/**
 * One page of incidents, newest first, by keyset on (startedAt, id): steady cost on any
 * page, and no row is skipped or repeated while incidents are being filed.
 */
export async function listIncidentPage(db: Database, request: IncidentPageRequest) {
  const pageSize = request.pageSize ?? PAGE_SIZE;
  const after = decodeCursor(request.after);
  const before = after ? null : decodeCursor(request.before);
  const direction = before ? "newer" : "older";
  const order = direction === "older" ? "desc" : "asc";
  const rows = await db.incident.findMany({
    where: after ? beyond(after, "older") : before ? beyond(before, "newer") : {},
    orderBy: [{ startedAt: order }, { id: order }],
    take: pageSize + 1,
    include: incidentWithServices,
  });
  const hasMore = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (direction === "newer") page.reverse();
  const now = new Date();
  const items = page.map((row) => toIncidentResponse(row, now));
  const first = page[0];
  const last = page.at(-1);
  const hasOlder = direction === "older" ? hasMore : true;
  const hasNewer = direction === "older" ? Boolean(after) : hasMore;
  return {
    items,
    total: await db.incident.count(),
    olderCursor: hasOlder && last ? encodeCursor(last) : null,
    newerCursor: hasNewer && first ? encodeCursor(first) : null,
  };
}

export async function findIncident(db: Database, idOrReference: string, now: Date) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrReference);
  const row = await db.incident.findFirst({
    where: isUuid ? { id: idOrReference } : { reference: idOrReference.toUpperCase() },
    include: incidentWithServices,
  });
  return row ? toIncidentResponse(row, now) : null;
}
