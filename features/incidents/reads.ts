import type { Database } from "@/lib/db/client";
import { DEFAULT_PAGE_SIZE, EMPTY_FILTERS, type IncidentListFilters, type IncidentListParams } from "./list/params";
import { DEFAULT_SORT, decodeCursor, encodeCursor, type ListPosition } from "./list/sort";
import { pageQuery, SPARSE_MATCHES } from "./list/keyset";
import { countQuery, filterConditions, TRUE_CONDITION } from "./list/sql";
import { incidentWithServices, toIncidentResponse } from "./response";

const listInclude = { ...incidentWithServices, postmortem: { select: { state: true } } } as const;

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

export type IncidentListItem = ReturnType<typeof toIncidentResponse> & { postmortemState: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | null };

type PositionRow = { id: string; started_at: Date; severity: string };
const positionOf = (row: PositionRow): ListPosition => ({ id: row.id, startedAt: row.started_at, severity: row.severity });

/**
 * One page of incidents matching the filters, in the sort's order, by keyset on the sort key
 * and (startedAt, id): steady cost on any page, and no row skipped or repeated while
 * incidents are being filed. The page list, the CSV export and GET /api/v1/incidents all
 * read through here. An unreadable cursor starts from the first page.
 */
/** What reading a page needs: the app's client, or a transaction's (the CSV export reads in one). */
export type IncidentListReader = Pick<Database, "$queryRaw" | "incident">;

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
  const filtered = where !== TRUE_CONDITION;
  const sparse = filtered && (await db.$queryRaw<{ n: number }[]>(countQuery(where, SPARSE_MATCHES)))[0]!.n <= SPARSE_MATCHES;
  const [positions, matching] = await Promise.all([
    db.$queryRaw<PositionRow[]>(pageQuery(where, sort, after ?? before, reading, pageSize + 1, sparse)),
    request.withTotal ? db.$queryRaw<{ n: number }[]>(countQuery(where, cap)).then((r) => r[0]?.n ?? 0) : null,
  ]);
  const hasMore = positions.length > pageSize;
  const onPage = positions.slice(0, pageSize);
  if (reading === "backwards") onPage.reverse();
  const rows = await db.incident.findMany({ where: { id: { in: onPage.map((p) => p.id) } }, include: listInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A row deleted between the two reads is left out; the cursors still come from the first.
  const items: IncidentListItem[] = onPage.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...toIncidentResponse(row, now), postmortemState: row.postmortem?.state ?? null }] : [];
  });
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

export async function findIncident(db: Database, idOrReference: string, now: Date) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrReference);
  const row = await db.incident.findFirst({
    where: isUuid ? { id: idOrReference } : { reference: idOrReference.toUpperCase() },
    include: incidentWithServices,
  });
  return row ? toIncidentResponse(row, now) : null;
}
