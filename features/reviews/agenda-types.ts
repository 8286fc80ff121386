import type { AiInvolvement, AuthorLevel, ChangeApproval } from "@/lib/domain/approval-policy";
import type { AgendaItemKind } from "@/lib/generated/prisma/enums";
import type { WeekSoFar } from "./so-far";

export type { AgendaItemKind };
export type ReviewStatus = "NOT_PREPARED" | "PREPARED" | "IN_PROGRESS" | "DONE";

/** The week's figures the METRICS item compares with the mean of the four weeks before. */
export type WeekFigures = { sev1: number; sev2: number; impactMinutes: number; availability: number };

/** Changes deployed, how many failed (linked to at least one incident), and failed / changes (null for none). */
export type ChangeCounts = { changes: number; failed: number; changeFailureRate: number | null };

/** The week's changes as the deploy pipeline recorded them (docs/domain.md, "Change"). */
export type WeekChangeFigures = ChangeCounts & {
  /** Declared or detected AI involvement (the stronger of the two). */
  aiInvolved: ChangeCounts;
  other: ChangeCounts;
  /** Changes that lacked the sign-off the policy requires. */
  withoutRequiredSignOff: number;
  /** Counted while the week was still running: the figures are the week so far. */
  weekRunning: boolean;
};

/** A recorded change as the review shows it beside the incident it triggered. */
export type ReviewChange = {
  reference: string;
  title: string | null;
  url: string | null;
  service: { slug: string; name: string };
  deployedAt: string;
  authorLevel: AuthorLevel | null;
  approval: ChangeApproval;
  declared: { involvement: AiInvolvement; tool: string | null };
  detected: { involvement: AiInvolvement; tool: string | null };
  /** The trailers show AI involvement the author did not declare. */
  mismatch: boolean;
  policyViolation: boolean;
  /** The sign-offs the policy accepts for it; none when it involved no AI. */
  requiredApproval: ChangeApproval[];
};

/**
 * What the incident names as its trigger, and what the deploy pipeline recorded of it. Without
 * a recorded change, `requiredApproval` is what the policy asks of the incident's own change facts.
 */
export type TriggeringChange =
  | { state: "not-named"; requiredApproval: ChangeApproval[] }
  | { state: "not-recorded"; reference: string; requiredApproval: ChangeApproval[] }
  | { state: "recorded"; change: ReviewChange };

/** An incident as the agenda shows it: everything a deep dive needs, so nobody clicks away. */
export type AgendaIncident = {
  id: string;
  reference: string;
  title: string;
  severity: "SEV1" | "SEV2";
  status: string;
  startedAt: string;
  mitigatedAt: string | null;
  impactMinutes: number;
  usersAffected: number;
  blastRadius: string;
  services: string[];
  rootCauseCategory: string;
  rootCauseDescription: string;
  changeAuthorLevel: AuthorLevel | null;
  changeApproval: ChangeApproval;
  aiInvolvement: AiInvolvement;
  aiTool: string | null;
  aiDescription: string | null;
  policyViolation: boolean;
  policyViolationReason: string | null;
  postmortemState: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | null;
  /** The first events of the postmortem's timeline, oldest first. */
  timeline: { at: string; kind: string; text: string }[];
  /** Null in a snapshot taken before reviews showed changes: not recorded at the time. */
  triggeringChange: TriggeringChange | null;
  /**
   * The earlier incidents it repeats (docs/domain.md, "Repeats"), newest first, for a Sev1 or an
   * AI-involved incident; null for the others, and in a snapshot taken before reviews showed repeats.
   */
  repeats: AgendaRepeat[] | null;
  version: number;
};

/** An earlier incident this one repeats, with what was promised after it and done before this one started. */
export type AgendaRepeat = {
  reference: string;
  title: string;
  startedAt: string;
  /** The services the two share, by name. */
  sharedServices: string[];
  actionItems: { total: number; doneBeforeRepeat: number };
};

export type AgendaActionItem = {
  id: string;
  title: string;
  owner: string;
  dueDate: string;
  status: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
  priority: string;
  /** Null for a follow-up agreed in a review meeting about no one incident. */
  incidentReference: string | null;
  /** The week whose review meeting agreed it, if one did (null in a snapshot taken before this was recorded). */
  agreedInWeek: string | null;
};

/** A decision recorded on an agenda item of an earlier meeting. */
export type RecordedDecision = { itemTitle: string; decision: string };

/** What the previous held meeting decided and agreed, with each action item's status now. */
export type PreviousMeeting = {
  /** The week that meeting reviewed. */
  week: string;
  /** When that meeting finished. */
  finishedAt: string;
  /** Decisions, in the order of that meeting's agenda. */
  decisions: RecordedDecision[];
  /** Action items agreed in it, in the order they were agreed. */
  actionItems: AgendaActionItem[];
};

export type PendingPostmortem = {
  reference: string;
  title: string;
  startedAt: string;
  /** The day it started, in the organisation's zone. */
  startedOn: string;
  postmortemState: "DRAFT" | "IN_REVIEW" | null;
};

export type WheelService = { slug: string; name: string; team: string };

/** How many of the week's incidents each item is about; the lists below hold only the ones shown. */
export type WeekIncidentCounts = { sev1: number; sev2: number; aiInvolved: number; aiPolicyViolations: number };

/** The first rows of a long list, and how many there are in all. */
export type Bounded<T> = { rows: T[]; total: number };

/** Everything the proposed agenda of one week is built from; gathered by queries.ts. */
export type AgendaFacts = {
  week: string;
  /** The date the review is judged at: the meeting date, or today while it is ahead. */
  judgedOn: string;
  /** Start of the covered week as an instant, for "started before W". */
  weekStart: string;
  /** `soFar` while the week runs: the baseline is then the four weeks before over the same elapsed time. */
  metrics: { week: WeekFigures; baseline: WeekFigures; changes: WeekChangeFigures; soFar: WeekSoFar | null };
  counts: WeekIncidentCounts;
  /**
   * Incidents that started in the week and are shown: every SEV1, the AGENDA_LIST_LIMIT SEV2s
   * with most impact, and the first AGENDA_LIST_LIMIT AI-involved ones in the review's order.
   */
  incidents: AgendaIncident[];
  /** Action items overdue at the judgement date, the most overdue first. */
  overdueActionItems: Bounded<AgendaActionItem>;
  /** SEV1s that started before the week, still without a published postmortem 14 days after, oldest first. */
  pendingPostmortems: Bounded<PendingPostmortem>;
  wheel: { service: WheelService | null; candidates: WheelService[] };
  /** The latest earlier review whose meeting finished; null when none did. */
  previousMeeting: PreviousMeeting | null;
};

/** What each kind of item shows inline. */
export type AgendaItemDetail =
  // `changes` is null in a snapshot taken before reviews counted changes: not recorded at the time.
  // `moreSev1`: SEV1s of the week beyond the AGENDA_LIST_LIMIT deep dives (absent in snapshots taken before deep dives were bounded).
  // `soFar` is absent in snapshots taken before running weeks were marked (isSoFar reads them).
  | { kind: "METRICS"; week: WeekFigures; baseline: WeekFigures; changes: WeekChangeFigures | null; moreSev1?: number; soFar?: WeekSoFar | null }
  | { kind: "FOLLOW_UPS"; previousMeeting: PreviousMeeting; actionItemIds: string[]; incidentReferences: string[] }
  | { kind: "SEV1_DEEP_DIVE"; incident: AgendaIncident }
  // Long lists show their first AGENDA_LIST_LIMIT rows; `more` counts the rest, which the
  // filtered incident list or the action items page shows. The ids and references name the rows shown.
  | { kind: "AI_CHANGE_REVIEW" | "SEV2_ROUNDUP"; incidents: AgendaIncident[]; more: number }
  | { kind: "OVERDUE_ACTION_ITEMS"; actionItems: AgendaActionItem[]; more: number; actionItemIds: string[]; incidentReferences: string[] }
  | { kind: "POSTMORTEMS_PENDING"; postmortems: PendingPostmortem[]; more: number; incidentReferences: string[] }
  | { kind: "WHEEL"; service: WheelService; candidates: WheelService[] }
  | { kind: "CUSTOM" };

/** An item the app proposes; `key` names it across rebuilds ("SEV1_DEEP_DIVE:INC-2026-0042"). */
export type ProposedItem = {
  key: string;
  kind: AgendaItemKind;
  title: string;
  minutes: number;
  detail: AgendaItemDetail;
};
