import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditValue } from "@/features/incidents/audit-snapshot";

export type HistoryChange = { field: string; from: AuditValue; to: AuditValue };

/** One event of an incident's audit trail, as the history and the conflict panel show it. */
export type HistoryEntry = {
  id: string;
  occurredAt: string;
  actorLabel: string;
  method: "UI" | "API" | "CLI" | "SYSTEM";
  action: string;
  /** The version the event turned the incident from and into; null for events without one (filing). */
  version: { from: number; to: number } | null;
  changes: HistoryChange[];
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isAuditValue = (value: unknown): value is AuditValue =>
  value === null || ["string", "number", "boolean"].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === "string"));

// The JSON column is read defensively: rows written by older code or by hand must not break the page.
function historyChangesOf(changes: Prisma.JsonValue): Pick<HistoryEntry, "version" | "changes"> {
  if (!isRecord(changes)) return { version: null, changes: [] };
  let version: HistoryEntry["version"] = null;
  const fields: HistoryChange[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (!isRecord(change) || !("from" in change) || !("to" in change)) continue;
    const from = change.from ?? null;
    const to = change.to ?? null;
    if (!isAuditValue(from) || !isAuditValue(to)) continue;
    if (field === "version" && typeof from === "number" && typeof to === "number") version = { from, to };
    else fields.push({ field, from, to });
  }
  return { version, changes: fields };
}

type AuditRow = Awaited<ReturnType<Database["auditEvent"]["findMany"]>>[number];

function toHistoryEntry(row: AuditRow): HistoryEntry {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt.toISOString(),
    actorLabel: row.actorLabel,
    method: row.method,
    action: row.action,
    ...historyChangesOf(row.changes),
  };
}

/** An incident's audit trail, newest first (capped: the page shows the recent past). */
export async function listIncidentHistory(db: Database, incidentId: string, limit = 200): Promise<HistoryEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { entityType: "Incident", entityId: incidentId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toHistoryEntry);
}

/** The edits made since `version`, oldest first: what an editor who opened that version has not seen. */
export async function listIncidentEditsSince(db: Database, incidentId: string, version: number): Promise<HistoryEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { entityType: "Incident", entityId: incidentId, action: "incident.update" },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toHistoryEntry).filter((entry) => entry.version !== null && entry.version.from >= version);
}
