// The statements that write the postmortems, timelines, five whys and action items of incidents being inserted.
import { randomUUID } from "node:crypto";
import type { IncidentRow } from "./incident-columns";
import { fieldColumns, insertStatements, type Statement } from "./sql";
import type { DemoActionItem, DemoPostmortem } from "./types";

type PostmortemRow = { id: string; incidentId: string; postmortem: DemoPostmortem; submittedById?: string; publishedById?: string };
type PositionedRow = { id: string; postmortemId: string; position: number };
type TimelineRow = PositionedRow & { event: DemoPostmortem["timeline"][number] };
type WhyRow = PositionedRow & { text: string };
/** The columns every positioned row of a postmortem starts with. */
const POSITIONED = "id uuid\npostmortem_id uuid\nposition int";
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
  const whys: WhyRow[] = postmortems.flatMap((p) => p.postmortem.fiveWhys.map((text, position) => ({ id: randomUUID(), postmortemId: p.id, position, text })));

  const postmortemInserts = insertStatements<PostmortemRow>(
    "postmortems",
    [
      ...fieldColumns((r: PostmortemRow) => r, "id uuid\nincident_id uuid"),
      ...fieldColumns(
        (r: PostmortemRow) => r.postmortem,
        `
      state                    "PostmortemState"
      impact_statement         text
      contributing_factors     text
      what_went_well           text
      where_we_got_lucky       text
      lessons_learned          text
      no_action_needed_reason  text
      submitted_at             timestamptz`,
      ),
      { name: "submitted_by_id", type: "uuid", value: (r) => r.submittedById },
      { name: "published_at", type: "timestamptz", value: (r) => r.postmortem.publishedAt },
      { name: "published_by_id", type: "uuid", value: (r) => r.publishedById },
      { name: "created_at", type: "timestamptz", value: (r) => r.postmortem.createdAt },
      {
        name: "updated_at",
        type: "timestamptz",
        value: (r) => r.postmortem.publishedAt ?? r.postmortem.submittedAt ?? r.postmortem.createdAt,
      },
    ],
    postmortems,
  );
  const timelineInserts = insertStatements<TimelineRow>(
    "timeline_events",
    [
      ...fieldColumns((r: TimelineRow) => r, POSITIONED),
      ...fieldColumns((r: TimelineRow) => r.event, `occurred_at timestamptz\nkind "TimelineEventKind"\ntext text`),
    ],
    timeline,
  );
  const whyInserts = insertStatements<WhyRow>(
    "five_whys",
    fieldColumns((r: WhyRow) => r, `${POSITIONED}\ntext text`),
    whys,
  );
  const actionItemInserts = insertStatements<ActionItemRow>(
    "action_items",
    [
      ...fieldColumns((r: ActionItemRow) => r, "id uuid\nincident_id uuid"),
      { name: "title", type: "text", value: (r) => r.item.title },
      { name: "owner_id", type: "uuid", value: (r) => r.ownerId },
      ...fieldColumns(
        (r: ActionItemRow) => r.item,
        `
      due_date      date
      priority      "ActionItemPriority"
      type          "ActionItemType"
      status        "ActionItemStatus"
      completed_at  timestamptz
      created_at    timestamptz`,
      ),
      { name: "updated_at", type: "timestamptz", value: (r) => r.item.completedAt ?? r.item.createdAt },
    ],
    actionItems,
  );
  return {
    statements: [...postmortemInserts, ...timelineInserts, ...whyInserts, ...actionItemInserts],
    counts: { postmortems: postmortems.length, timelineEvents: timeline.length, fiveWhys: whys.length, actionItems: actionItems.length },
  };
}
