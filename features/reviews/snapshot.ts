// A snapshot is stored JSON: one taken before a fact was added to the agenda lacks it, and
// shows it as not recorded at the time rather than as zero.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgendaActionItem, AgendaIncident, AgendaItemDetail } from "./agenda-types";
import type { ReviewSnapshot } from "./view";

/** Facts a snapshot of an earlier version of the app may lack. */
type StoredIncident = Omit<AgendaIncident, "triggeringChange" | "repeats"> & Partial<Pick<AgendaIncident, "triggeringChange" | "repeats">>;
type StoredActionItem = Omit<AgendaActionItem, "agreedInWeek"> & Partial<Pick<AgendaActionItem, "agreedInWeek">>;
type StoredDetail =
  | Exclude<AgendaItemDetail, { kind: "METRICS" | "SEV1_DEEP_DIVE" | "AI_CHANGE_REVIEW" | "SEV2_ROUNDUP" | "OVERDUE_ACTION_ITEMS" }>
  | (Omit<Extract<AgendaItemDetail, { kind: "OVERDUE_ACTION_ITEMS" }>, "actionItems"> & { actionItems: StoredActionItem[] })
  | (Omit<Extract<AgendaItemDetail, { kind: "METRICS" }>, "changes"> & Partial<Pick<Extract<AgendaItemDetail, { kind: "METRICS" }>, "changes">>)
  | { kind: "SEV1_DEEP_DIVE"; incident: StoredIncident }
  // Before long lists were bounded, these held every incident and no `more`.
  | { kind: "AI_CHANGE_REVIEW" | "SEV2_ROUNDUP"; incidents: StoredIncident[]; more?: number };
type StoredSnapshot = Omit<ReviewSnapshot, "details"> & { details: Record<string, StoredDetail | null> };

const incidentOf = (incident: StoredIncident): AgendaIncident => ({
  ...incident,
  triggeringChange: incident.triggeringChange ?? null,
  repeats: incident.repeats ?? null,
});

function detailOf(detail: StoredDetail): AgendaItemDetail {
  switch (detail.kind) {
    case "METRICS":
      return { ...detail, changes: detail.changes ?? null };
    case "SEV1_DEEP_DIVE":
      return { ...detail, incident: incidentOf(detail.incident) };
    case "AI_CHANGE_REVIEW":
    case "SEV2_ROUNDUP":
      return { ...detail, incidents: detail.incidents.map(incidentOf), more: detail.more ?? 0 };
    case "OVERDUE_ACTION_ITEMS":
      return { ...detail, actionItems: detail.actionItems.map((a) => ({ ...a, agreedInWeek: a.agreedInWeek ?? null })) };
    default:
      return detail;
  }
}

/** The stored snapshot of a review with every fact it lacks marked as not recorded (null); null before the meeting starts. */
export function readSnapshot(json: Prisma.JsonValue | null): ReviewSnapshot | null {
  if (json === null) return null;
  const stored = json as unknown as StoredSnapshot;
  return { ...stored, details: Object.fromEntries(Object.entries(stored.details).map(([id, detail]) => [id, detail && detailOf(detail)])) };
}
