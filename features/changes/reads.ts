// Reading recorded changes: the /changes page, GET /api/v1/changes and an incident's linked change;
// what leaves the server for a change: the nested shape of the API, with the derived fields and
// the incidents that link to it.
import { startedWindow } from "@/features/incidents/list/sql";
import { requiredApprovals, type AiInvolvement, type ApprovalPolicy, type ChangeApproval } from "@/lib/domain/approval-policy";
import type { Commit } from "@/lib/domain/ai-trailers";
import { isAiMismatch } from "./derive";
import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { linkedIncidentsByReference } from "./linked-incidents";
import { encodeChangeCursor, type ChangeListFilters, type ChangeListParams } from "./list-params";

export const changeWithService = {
  service: { select: { slug: true, name: true, team: { select: { slug: true, name: true } } } },
} satisfies Prisma.ChangeInclude;

export type ChangeRow = Prisma.ChangeGetPayload<{ include: typeof changeWithService }>;

/** An incident that names the change as its trigger. */
export type LinkedIncident = { reference: string; title: string; severity: "SEV1" | "SEV2"; startedAt: string; ttmMinutes: number | null };

export const commitsOf = (value: Prisma.JsonValue): Commit[] =>
  Array.isArray(value)
    ? value.flatMap((c) =>
        c && typeof c === "object" && !Array.isArray(c) && typeof c.message === "string"
          ? [{ sha: typeof c.sha === "string" ? c.sha : undefined, message: c.message }]
          : [],
      )
    : [];

/** The approvals the policy asks of the change: none when neither declared nor detected involvement is AI. */
export const requiredApprovalOf = (effective: AiInvolvement, authorLevel: Parameters<typeof requiredApprovals>[0], policy: ApprovalPolicy): ChangeApproval[] =>
  effective === "NONE" ? [] : requiredApprovals(authorLevel, policy);

export function toChangeResponse(row: ChangeRow, incidents: LinkedIncident[], policy: ApprovalPolicy, options: { commits: boolean } = { commits: true }) {
  const commits = commitsOf(row.commits);
  return {
    id: row.id,
    reference: row.reference,
    service: row.service.slug,
    serviceDetails: { slug: row.service.slug, name: row.service.name, team: row.service.team },
    deployedAt: row.deployedAt.toISOString(),
    title: row.title,
    url: row.url,
    change: { authorLevel: row.authorLevel, approval: row.approval },
    ai: {
      involvement: row.aiInvolvement,
      tool: row.aiTool,
      detected: row.aiDetected,
      detectedTool: row.aiDetectedTool,
      effective: row.aiEffective,
      mismatch: isAiMismatch(row.aiInvolvement, row.aiDetected),
    },
    ...(options.commits ? { commits: commits.map((c) => ({ sha: c.sha ?? null, message: c.message })) } : {}),
    commitCount: commits.length,
    policyViolation: row.policyViolation,
    requiredApproval: requiredApprovalOf(row.aiEffective, row.authorLevel, policy),
    failed: incidents.length > 0,
    incidents,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ChangeResponse = ReturnType<typeof toChangeResponse>;

const { sql, join, raw } = Prisma;
type Sql = Prisma.Sql;

export type ChangeListItem = Omit<ChangeResponse, "commits">;
export type ChangePage = { items: ChangeListItem[]; nextCursor: string | null; previousCursor: string | null };

const linked = sql`EXISTS (SELECT 1 FROM incidents i WHERE i.change_reference = c.reference)`;

/** The conditions the filters put on `changes c`, joined with AND. */
export function changeFilterConditions(filters: ChangeListFilters, timeZone: string): Sql {
  const conditions: Sql[] = [sql`TRUE`];
  if (filters.service.length) conditions.push(sql`c.service_id IN (SELECT id FROM services WHERE slug IN (${join(filters.service)}))`);
  if (filters.team.length) {
    conditions.push(sql`c.service_id IN (SELECT s.id FROM services s JOIN teams t ON t.id = s.team_id WHERE t.slug IN (${join(filters.team)}))`);
  }
  if (filters.ai.length) conditions.push(sql`c.ai_effective::text IN (${join(filters.ai)})`);
  if (filters.signOff) conditions.push(filters.signOff === "violating" ? sql`c.policy_violation` : sql`NOT c.policy_violation`);
  if (filters.failed !== undefined) conditions.push(filters.failed ? linked : sql`NOT ${linked}`);
  if (filters.mismatch !== undefined) {
    const mismatch = sql`(c.ai_involvement = 'NONE' AND c.ai_detected <> 'NONE')`;
    conditions.push(filters.mismatch ? mismatch : sql`NOT ${mismatch}`);
  }
  const window = startedWindow(filters, timeZone);
  if (window.from) conditions.push(sql`c.deployed_at >= ${window.from}`);
  if (window.toExclusive) conditions.push(sql`c.deployed_at < ${window.toExclusive}`);
  return join(conditions, " AND ");
}

/**
 * A page of changes, newest deploy first, after the `after` position or before the `before`
 * one (keyset on (deployed_at, id), never OFFSET). `previousCursor` is a `before` position
 * for the page's "Previous page"; the API passes on `nextCursor` only.
 */
export async function listChangePage(db: Database, params: ChangeListParams & { timeZone: string; policy: ApprovalPolicy }): Promise<ChangePage> {
  const backwards = !params.after && Boolean(params.before);
  const position = params.after ?? params.before ?? null;
  const beyond = position ? sql`(c.deployed_at, c.id) ${raw(backwards ? ">" : "<")} (${position.deployedAt}::timestamptz, ${position.id}::uuid)` : sql`TRUE`;
  const order = raw(backwards ? "ASC" : "DESC");
  const positions = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM changes c WHERE ${changeFilterConditions(params.filters, params.timeZone)} AND ${beyond}
    ORDER BY c.deployed_at ${order}, c.id ${order} LIMIT ${params.pageSize + 1}`;
  const hasMore = positions.length > params.pageSize;
  const pageIds = positions.slice(0, params.pageSize).map((p) => p.id);
  if (backwards) pageIds.reverse();
  const rows = await db.change.findMany({ where: { id: { in: pageIds } }, include: changeWithService });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = pageIds.flatMap((id) => byId.get(id) ?? []);
  const incidents = await linkedIncidentsByReference(
    db,
    ordered.map((row) => row.reference),
  );
  const items = ordered.map((row) => toChangeResponse(row, incidents.get(row.reference) ?? [], params.policy, { commits: false }));
  const first = ordered[0];
  const last = ordered.at(-1);
  const hasNext = backwards || hasMore;
  const hasPrevious = backwards ? hasMore : Boolean(params.after);
  return {
    items,
    nextCursor: hasNext && last ? encodeChangeCursor({ deployedAt: last.deployedAt, id: last.id }) : null,
    previousCursor: hasPrevious && first ? encodeChangeCursor({ deployedAt: first.deployedAt, id: first.id }) : null,
  };
}

/** The recorded change of a reference, with its commits and linked incidents; null when none is recorded. */
export async function findChangeByReference(db: Database, reference: string, policy: ApprovalPolicy): Promise<ChangeResponse | null> {
  const row = await db.change.findUnique({ where: { reference }, include: changeWithService });
  if (!row) return null;
  const incidents = (await linkedIncidentsByReference(db, [reference])).get(reference) ?? [];
  return toChangeResponse(row, incidents, policy);
}
