import type { Database } from "@/lib/db/client";
import { isUuid } from "@/lib/uuid";
import { DEFAULT_PAGE_SIZE, EMPTY_FILTERS, type IncidentListFilters, type IncidentListParams } from "./list/params";
import { DEFAULT_SORT, decodeCursor, encodeCursor, type ListPosition } from "./list/sort";
import { pageQuery, SPARSE_MATCHES } from "./list/keyset";
import { countQuery, filterConditions, matchingIdsQuery, TRUE_CONDITION } from "./list/sql";
import { incidentRowQuery, pageRowsQuery, type IncidentPageRow, type PostmortemState } from "./list/rows";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveIncidentDurations } from "./derived";

export const incidentWithServices = {
  services: { include: { service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } } } },
} satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentWithServices }>;

type ServiceLink = { service: { slug: string; name: string; team: { slug: string; name: string } } };
/** What the response is made of: an incident's columns and its services, read by Prisma or by SQL. */
export type IncidentRecord = Omit<IncidentRow, "services" | "createdById"> & { services: ServiceLink[] };

/** Where a tool-filed incident came from (e.g. its PagerDuty incident); null for one a person filed. */
export type IncidentSource = { system: string; id: string; url: string | null };

export function toIncidentSource(row: { sourceSystem: string | null; sourceId: string | null; sourceUrl: string | null }): IncidentSource | null {
  return row.sourceSystem && row.sourceId ? { system: row.sourceSystem, id: row.sourceId, url: row.sourceUrl } : null;
}

/** What leaves the server for an incident: the nested shape of the API, with the derived fields. */
export function toIncidentResponse(row: IncidentRecord, now: Date) {
  const durations = deriveIncidentDurations(row, now);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    services: row.services.map((link) => link.service.slug),
    serviceDetails: row.services.map((link) => ({ slug: link.service.slug, name: link.service.name, team: link.service.team })),
    startedAt: row.startedAt.toISOString(),
    detectedAt: row.detectedAt?.toISOString() ?? null,
    mitigatedAt: row.mitigatedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    impact: {
      usersAffected: row.usersAffected,
      failedTransactions: row.failedTransactions,
      regions: row.regions,
      capabilities: row.capabilities,
    },
    blastRadius: row.blastRadius,
    rootCause: { category: row.rootCauseCategory, description: row.rootCauseDescription },
    change: { reference: row.changeReference, authorLevel: row.changeAuthorLevel, approval: row.changeApproval },
    ai: { involvement: row.aiInvolvement, tool: row.aiTool, description: row.aiDescription },
    version: row.version,
    impactMinutes: durations.impactMinutes,
    ttdMinutes: durations.ttdMinutes,
    ttmMinutes: durations.ttmMinutes,
    ttrMinutes: durations.ttrMinutes,
    policyViolation: row.policyViolation,
    source: toIncidentSource(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type IncidentResponse = ReturnType<typeof toIncidentResponse>;

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
/** The repeat filter judges the rule row by row (about 0.1 ms each at 100 000 incidents): its count stops sooner. */
export const REPEAT_COUNT_CAP = 1_000;

/** A row of the list: the incident, its postmortem's state, and whether it has at least one repeat. */
export type IncidentListItem = ReturnType<typeof toIncidentResponse> & { postmortemState: PostmortemState | null; repeat: boolean };

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
  const cap = request.countCap ?? (filters.repeat ? REPEAT_COUNT_CAP : COUNT_CAP);
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
  const items: IncidentListItem[] = onPage.map((row) => ({
    ...toIncidentResponse(row, now),
    postmortemState: row.postmortemState,
    repeat: row.repeat,
  }));
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
  const where = isUuid(idOrReference) ? Prisma.sql`i.id = ${idOrReference}::uuid` : Prisma.sql`i.reference = ${idOrReference.toUpperCase()}`;
  const [row] = await db.$queryRaw<IncidentRecord[]>(incidentRowQuery(where));
  return row ? toIncidentResponse(row, now) : null;
}

/**
 * The services a select offers, by team then name: those in service, and of the retired ones
 * those in `keepRetired` (an incident keeps the services it names), or all of them ("all").
 */
export function findServiceOptions(db: Pick<Database, "service">, keepRetired: string[] | "all" = []) {
  return db.service.findMany({
    where: keepRetired === "all" ? {} : { OR: [{ retiredAt: null }, { slug: { in: keepRetired } }] },
    select: { slug: true, name: true, team: { select: { slug: true, name: true } } },
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
  });
}
