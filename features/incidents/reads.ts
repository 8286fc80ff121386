import type { Database } from "@/lib/db/client";
import { DEFAULT_PAGE_SIZE, EMPTY_FILTERS, type IncidentListFilters, type IncidentListParams } from "./list/params";
import { DEFAULT_SORT, decodeCursor, encodeCursor, type ListPosition } from "./list/sort";
import { pageQuery, SPARSE_MATCHES } from "./list/keyset";
import { countQuery, filterConditions, matchingIdsQuery, TRUE_CONDITION } from "./list/sql";
import { incidentRowQuery, pageRowsQuery, type IncidentPageRow, type PostmortemState } from "./list/rows";
import { toIncidentResponse, type IncidentRecord } from "./response";
import { Prisma } from "@/lib/generated/prisma/client";

export type IncidentPageRequest = Partial<Pick<IncidentListParams, "sort" | "pageSize">> & {
  filters?: Partial<IncidentListFilters>;
  after?: string | null;
  before?: string | null;
  /** The organisation's time zone, in which date-only bounds (from, to) are whole days. */
  timeZone?: string;
  now?: Date;
  /** Count the rows that match the filters too (one more query), up to `countCap`. */
  withTotal?: boolean;
  countCap?: number;
};

export const COUNT_CAP = 10_000;

export type IncidentListItem = ReturnType<typeof toIncidentResponse> & { postmortemState: PostmortemState | null };

type PositionRow = { startedAt: Date; id: string; severity: string };
const positionOf = (row: PositionRow): ListPosition => ({ id: row.id, startedAt: row.startedAt, severity: row.severity });

/** What reading a page needs: the app's client, or a transaction's (the CSV export reads in one). */
export type IncidentListReader = Pick<Database, "$queryRaw">;

/**
 * The ids of every match when there are at most SPARSE_MATCHES of them, else null. The page
 * of a sparse view is then read by these ids, so a rare text search runs once, not twice.
 */
async function sparseMatches(db: IncidentListReader, where: Prisma.Sql): Promise<string[] | null> {
  const [probe] = await db.$queryRaw<{ ids: string[] | null }[]>(matchingIdsQuery(where, SPARSE_MATCHES + 1));
  const ids = probe?.ids ?? [];
  return ids.length <= SPARSE_MATCHES ? ids : null;
}

/**
 * One page of incidents matching the filters, in the sort's order, by keyset on the sort key
 * and (startedAt, id): steady cost on any page, and no row skipped or repeated while
 * incidents are being filed. The page list, the CSV export and GET /api/v1/incidents all
 * read through here. An unreadable cursor starts from the first page. At most three
 * statements: the sparse probe (filtered views only), the page with its rows, and the count.
 */
export async function listIncidentPage(db: IncidentListReader, request: IncidentPageRequest = {}) {
  const filters: IncidentListFilters = { ...EMPTY_FILTERS, ...request.filters };
  const sort = request.sort ?? DEFAULT_SORT;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const now = request.now ?? new Date();
  const after = decodeCursor(request.after, sort.column);
  const before = after ? null : decodeCursor(request.before, sort.column);
  const reading = before ? "backwards" : "forwards";
  const where = filterConditions(filters, request.timeZone ?? "UTC");
  const cap = request.countCap ?? COUNT_CAP;
  // A cheap probe (it stops at SPARSE_MATCHES + 1) decides how the page query reads; unfiltered, matches are never sparse.
  const sparse = where === TRUE_CONDITION ? null : await sparseMatches(db, where);
  const pageWhere = sparse ? Prisma.sql`i.id = ANY(${sparse}::uuid[])` : where;
  const [rows, matching] = await Promise.all([
    db.$queryRaw<IncidentPageRow[]>(pageRowsQuery(pageQuery(pageWhere, sort, after ?? before, reading, pageSize + 1, sparse !== null))),
    !request.withTotal ? null : sparse ? sparse.length : db.$queryRaw<{ n: number }[]>(countQuery(where, cap)).then((r) => r[0]?.n ?? 0),
  ]);
  const hasMore = rows.length > pageSize;
  const onPage = rows.slice(0, pageSize);
  if (reading === "backwards") onPage.reverse();
  const items: IncidentListItem[] = onPage.map((row) => ({ ...toIncidentResponse(row, now), postmortemState: row.postmortemState }));
  const first = onPage[0];
  const last = onPage.at(-1);
  const hasNext = reading === "forwards" ? hasMore : true;
  const hasPrevious = reading === "forwards" ? Boolean(after) : hasMore;
  return {
    items,
    /** Rows matching in all; `more` when there are more than `count` (the cap). */
    total: matching === null ? null : { count: Math.min(matching, cap), more: matching > cap },
    nextCursor: hasNext && last ? encodeCursor(sort.column, positionOf(last)) : null,
    previousCursor: hasPrevious && first ? encodeCursor(sort.column, positionOf(first)) : null,
  };
}

export type IncidentPage = Awaited<ReturnType<typeof listIncidentPage>>;

export async function findIncident(db: IncidentListReader, idOrReference: string, now: Date) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrReference);
  const where = isUuid ? Prisma.sql`i.id = ${idOrReference}::uuid` : Prisma.sql`i.reference = ${idOrReference.toUpperCase()}`;
  const [row] = await db.$queryRaw<IncidentRecord[]>(incidentRowQuery(where));
  return row ? toIncidentResponse(row, now) : null;
}
