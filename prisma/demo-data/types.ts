// The shape of generated demo data: plain objects that refer to each other by slug and
// e-mail, never by database id, so that generation stays pure and ids are made on insert.
import type {
  ActionItemPriority,
  ActionItemStatus,
  ActionItemType,
  AiInvolvement,
  AuthorLevel,
  BlastRadius,
  ChangeApproval,
  IncidentStatus,
  PostmortemState,
  RootCauseCategory,
  Severity,
  TimelineEventKind,
} from "../../lib/generated/prisma/enums";
import type { DerivedChangeColumns } from "../../features/changes/derive";
import type { Commit } from "@/lib/domain/ai-trailers";
import type { DemoService, DemoTeam, DemoUser } from "./catalog";
import type { Story } from "./stories";

export type DemoTimelineEvent = { occurredAt: Date; kind: TimelineEventKind; text: string };

export type DemoActionItem = {
  title: string;
  ownerEmail: string;
  /** A calendar date, `YYYY-MM-DD`: the column is a DATE. */
  dueDate: string;
  priority: ActionItemPriority;
  type: ActionItemType;
  status: ActionItemStatus;
  createdAt: Date;
  completedAt?: Date;
};

export type DemoPostmortem = {
  state: PostmortemState;
  impactStatement: string;
  contributingFactors: string;
  whatWentWell: string;
  whereWeGotLucky: string;
  lessonsLearned: string;
  noActionNeededReason?: string;
  createdAt: Date;
  submittedAt?: Date;
  submittedByEmail?: string;
  publishedAt?: Date;
  publishedByEmail?: string;
  timeline: DemoTimelineEvent[];
  fiveWhys: string[];
};

export type DemoIncident = {
  reference: string;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  serviceSlugs: string[];
  startedAt: Date;
  detectedAt?: Date;
  mitigatedAt?: Date;
  resolvedAt?: Date;
  usersAffected: number;
  failedTransactions?: number;
  regions: string[];
  capabilities: string[];
  blastRadius: BlastRadius;
  rootCauseCategory: RootCauseCategory;
  rootCauseDescription: string;
  /** The story its texts are drawn from; not stored. */
  story: Story;
  changeReference?: string;
  changeAuthorLevel?: AuthorLevel;
  changeApproval: ChangeApproval;
  aiInvolvement: AiInvolvement;
  aiTool?: string;
  aiDescription?: string;
  policyViolation: boolean;
  createdByEmail?: string;
  postmortem?: DemoPostmortem;
  actionItems: DemoActionItem[];
};

export type DemoCatalogue = { teams: readonly DemoTeam[]; services: readonly DemoService[]; users: readonly DemoUser[] };

/** A change as the deploy pipeline records it, with the columns the app derives from it. */
export type DemoChange = {
  reference: string;
  serviceSlug: string;
  deployedAt: Date;
  title?: string;
  url?: string;
  authorLevel?: AuthorLevel;
  approval: ChangeApproval;
  /** As the author declared it. */
  aiInvolvement: AiInvolvement;
  aiTool?: string;
  commits: Commit[];
  derived: DerivedChangeColumns;
};

export type DemoData = DemoCatalogue & { incidents: DemoIncident[]; changes: DemoChange[] };
