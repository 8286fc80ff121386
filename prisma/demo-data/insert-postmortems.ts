// The statements that write the postmortems, timelines, five whys and action items of incidents being inserted.
import { randomUUID } from "node:crypto";
import type { IncidentRow } from "./incident-columns";
import { insertStatements, type Statement } from "./sql";
import type { DemoActionItem, DemoPostmortem } from "./types";

type PostmortemRow = { id: string; incidentId: string; postmortem: DemoPostmortem; submittedById?: string; publishedById?: string };
type PositionedRow = { id: string; postmortemId: string; position: number };
type TimelineRow = PositionedRow & { event: DemoPostmortem["timeline"][number] };
type WhyRow = PositionedRow & { text: string };
type ActionItemRow = { id: string; incidentId: string; ownerId: string; item: DemoActionItem };

function userId(users: Map<string, string>, email: string): string {
  const id = users.get(email);
  if (!id) throw new Error(`Demo user ${email} is missing from the database`);
  return id;
}

export type PostmortemCounts = { postmortems: number; timelineEvents: number; fiveWhys: number; actionItems: number };

export function postmortemStatements(incidents: readonly IncidentRow[], users: Map<string, string>): { statements: Statement[]; counts: PostmortemCounts } {
  const postmortems: PostmortemRow[] = [];
  const actionItems: ActionItemRow[] = [];
  for (const row of incidents) {
    const { postmortem } = row.incident;
    if (postmortem) {
      postmortems.push({
        id: randomUUID(),
        incidentId: row.id,
        postmortem,
        submittedById: postmortem.submittedByEmail && userId(users, postmortem.submittedByEmail),
        publishedById: postmortem.publishedByEmail && userId(users, postmortem.publishedByEmail),
      });
    }
    for (const item of row.incident.actionItems) {
      actionItems.push({ id: randomUUID(), incidentId: row.id, ownerId: userId(users, item.ownerEmail), item });
    }
  }
  const timeline: TimelineRow[] = postmortems.flatMap((p) =>
    p.postmortem.timeline.map((event, position) => ({ id: randomUUID(), postmortemId: p.id, position, event })),
  );
  const whys: WhyRow[] = postmortems.flatMap((p) =>
    p.postmortem.fiveWhys.map((text, position) => ({ id: randomUUID(), postmortemId: p.id, position, text })),
  );

  const postmortemInserts = insertStatements<PostmortemRow>("postmortems", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "incident_id", type: "uuid", value: (r) => r.incidentId },
    { name: "state", type: `"PostmortemState"`, value: (r) => r.postmortem.state },
    { name: "impact_statement", type: "text", value: (r) => r.postmortem.impactStatement },
    { name: "contributing_factors", type: "text", value: (r) => r.postmortem.contributingFactors },
    { name: "what_went_well", type: "text", value: (r) => r.postmortem.whatWentWell },
    { name: "where_we_got_lucky", type: "text", value: (r) => r.postmortem.whereWeGotLucky },
    { name: "lessons_learned", type: "text", value: (r) => r.postmortem.lessonsLearned },
    { name: "no_action_needed_reason", type: "text", value: (r) => r.postmortem.noActionNeededReason },
    { name: "submitted_at", type: "timestamptz", value: (r) => r.postmortem.submittedAt },
    { name: "submitted_by_id", type: "uuid", value: (r) => r.submittedById },
    { name: "published_at", type: "timestamptz", value: (r) => r.postmortem.publishedAt },
    { name: "published_by_id", type: "uuid", value: (r) => r.publishedById },
    { name: "created_at", type: "timestamptz", value: (r) => r.postmortem.createdAt },
    {
      name: "updated_at",
      type: "timestamptz",
      value: (r) => r.postmortem.publishedAt ?? r.postmortem.submittedAt ?? r.postmortem.createdAt,
    },
  ], postmortems);
  const timelineInserts = insertStatements<TimelineRow>("timeline_events", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "postmortem_id", type: "uuid", value: (r) => r.postmortemId },
    { name: "position", type: "int", value: (r) => r.position },
    { name: "occurred_at", type: "timestamptz", value: (r) => r.event.occurredAt },
    { name: "kind", type: `"TimelineEventKind"`, value: (r) => r.event.kind },
    { name: "text", type: "text", value: (r) => r.event.text },
  ], timeline);
  const whyInserts = insertStatements<WhyRow>("five_whys", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "postmortem_id", type: "uuid", value: (r) => r.postmortemId },
    { name: "position", type: "int", value: (r) => r.position },
    { name: "text", type: "text", value: (r) => r.text },
  ], whys);
  const actionItemInserts = insertStatements<ActionItemRow>("action_items", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "incident_id", type: "uuid", value: (r) => r.incidentId },
    { name: "title", type: "text", value: (r) => r.item.title },
    { name: "owner_id", type: "uuid", value: (r) => r.ownerId },
    { name: "due_date", type: "date", value: (r) => r.item.dueDate },
    { name: "priority", type: `"ActionItemPriority"`, value: (r) => r.item.priority },
    { name: "type", type: `"ActionItemType"`, value: (r) => r.item.type },
    { name: "status", type: `"ActionItemStatus"`, value: (r) => r.item.status },
    { name: "completed_at", type: "timestamptz", value: (r) => r.item.completedAt },
    { name: "created_at", type: "timestamptz", value: (r) => r.item.createdAt },
    { name: "updated_at", type: "timestamptz", value: (r) => r.item.completedAt ?? r.item.createdAt },
  ], actionItems);
  return {
    statements: [...postmortemInserts, ...timelineInserts, ...whyInserts, ...actionItemInserts],
    counts: { postmortems: postmortems.length, timelineEvents: timeline.length, fiveWhys: whys.length, actionItems: actionItems.length },
  };
}
