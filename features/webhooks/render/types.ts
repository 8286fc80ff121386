// What each webhook event says: the `data` of a JSON delivery, and what a Slack message is drawn from.
import type { IncidentResponse } from "@/features/incidents/reads";
import type { PostmortemView } from "@/features/postmortems/reads";
import type { AgendaItemKind, WeekChangeFigures, WeekFigures } from "@/features/reviews/agenda-types";
import type { MetricsBaselineKind } from "@/features/reviews/so-far";

export type WebhookEventInput = { id: string; type: string; subject: unknown; occurredAt: Date };

export type IncidentEventData = { incident: IncidentResponse & { url: string } };

export type PostmortemEventData = {
  incident: { reference: string; title: string; url: string };
  postmortem: PostmortemView & { url: string };
};

export type ReviewPreparedData = {
  week: string;
  meetingDate: string;
  url: string;
  items: { kind: AgendaItemKind; kindLabel: string; title: string; minutes: number }[];
};

export type DigestFigures = WeekFigures & {
  /** The week had not ended when the figures were taken: they run up to `until`. */
  weekRunning: boolean;
  until: string | null;
  /** What they are held against: null when the weeks before hold no comparable figures (a week frozen while running, or weeks before any incident was recorded). */
  baseline: { kind: Exclude<MetricsBaselineKind, "none">; figures: WeekFigures } | null;
  /** The week's deployed changes as the review counts them; null when not recorded. */
  changes: WeekChangeFigures | null;
};

export type DigestDeepDive = {
  reference: string;
  title: string;
  url: string;
  status: string;
  impactMinutes: number;
  usersAffected: number;
  blastRadius: string;
  rootCauseCategory: string;
  postmortemState: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | null;
};

export type DigestActionItem = {
  title: string;
  owner: string;
  dueDate: string;
  priority: string;
  status: string;
  incidentReference: string | null;
  url: string;
};

/** The review's Follow-ups item: what the previous held meeting decided and agreed, each action item's status as the agenda shows it. */
export type DigestFollowUps = {
  /** The week whose meeting it looks back at. */
  week: string;
  url: string;
  decisions: { item: string; decision: string }[];
  actionItems: DigestActionItem[];
};

export type ReviewDigestData = {
  week: string;
  url: string;
  weekEnded: boolean;
  figures: DigestFigures;
  /** Sev1s of the week beyond the deep dives. */
  moreSev1: number;
  deepDives: DigestDeepDive[];
  /** Null when the agenda holds no Follow-ups item (the meeting before recorded nothing, or none was held). */
  followUps: DigestFollowUps | null;
  /** Null until the review's meeting has started. */
  meeting: { startedAt: string; finishedAt: string | null } | null;
  decisions: { item: string; decision: string }[];
  actionItems: DigestActionItem[];
};

export type DueActionItem = {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  priority: string;
  overdue: boolean;
  incidentReference: string | null;
  url: string;
};

export type ActionItemsDueData = {
  date: string;
  /** The last day counted as "this week" (the Sunday of the date's ISO week). */
  weekEndsOn: string;
  url: string;
  owners: { name: string | null; email: string; overdue: DueActionItem[]; dueThisWeek: DueActionItem[] }[];
};

export type TestEventData = { message: string; url: string };

export type EventDataByType = {
  "incident.sev1_filed": IncidentEventData;
  "incident.mitigated": IncidentEventData;
  "postmortem.published": PostmortemEventData;
  "review.prepared": ReviewPreparedData;
  "review.digest": ReviewDigestData;
  "action_items.due": ActionItemsDueData;
  "webhook.test": TestEventData;
};

export type EventData = EventDataByType[keyof EventDataByType];
