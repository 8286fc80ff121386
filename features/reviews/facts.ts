import { todayIn } from "@/features/action-items/overdue";
import { deriveIncidentDurations } from "@/features/incidents/derived";
import { policyViolationReason, type ApprovalPolicy } from "@/features/incidents/policy";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import type { WeekMetrics } from "@/features/metrics/types";
import { getOrganisationSettings } from "@/features/settings/queries";
import type { Database } from "@/lib/db/client";
import { addWeeks, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { judgementDate, meetingDateOf } from "./schedule";
import type { AgendaFacts, AgendaIncident, ReviewChange, WeekFigures } from "./types";
import { recordedChangesByReference, triggeringChangeOf, weekChangeFigures } from "./change-facts";
import { overdueActionItemFacts, pendingPostmortemFacts } from "./backlog-facts";
import { wheelFacts } from "./wheel-facts";

const TIMELINE_EVENTS_SHOWN = 6;

const incidentInclude = {
  services: { select: { service: { select: { slug: true } } } },
  postmortem: {
    select: { state: true, timelineEvents: { orderBy: { position: "asc" }, take: TIMELINE_EVENTS_SHOWN, select: { occurredAt: true, kind: true, text: true } } },
  },
} as const;

type IncidentRow = Awaited<ReturnType<typeof loadWeekIncidents>>[number];

const loadWeekIncidents = (db: Database, start: Date, end: Date) =>
  db.incident.findMany({ where: { startedAt: { gte: start, lt: end } }, include: incidentInclude, orderBy: { startedAt: "asc" } });

function toAgendaIncident(row: IncidentRow, policy: ApprovalPolicy, now: Date, changes: ReadonlyMap<string, ReviewChange>): AgendaIncident {
  const change = { aiInvolvement: row.aiInvolvement, authorLevel: row.changeAuthorLevel, approval: row.changeApproval };
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    severity: row.severity,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    mitigatedAt: row.mitigatedAt?.toISOString() ?? null,
    impactMinutes: deriveIncidentDurations(row, now).impactMinutes,
    usersAffected: row.usersAffected,
    blastRadius: row.blastRadius,
    services: row.services.map((s) => s.service.slug).sort(),
    rootCauseCategory: row.rootCauseCategory,
    rootCauseDescription: row.rootCauseDescription,
    changeAuthorLevel: row.changeAuthorLevel,
    changeApproval: row.changeApproval,
    aiInvolvement: row.aiInvolvement,
    aiTool: row.aiTool,
    aiDescription: row.aiDescription,
    policyViolation: row.policyViolation,
    policyViolationReason: row.policyViolation ? policyViolationReason(change, policy) : null,
    postmortemState: row.postmortem?.state ?? null,
    timeline: (row.postmortem?.timelineEvents ?? []).map((e) => ({ at: e.occurredAt.toISOString(), kind: e.kind, text: e.text })),
    triggeringChange: triggeringChangeOf(row, changes, policy),
    version: row.version,
  };
}

const figuresOf = (w: WeekMetrics): WeekFigures => ({ sev1: w.sev1, sev2: w.sev2, impactMinutes: w.impactMinutes, availability: w.availability });

function meanOf(weeks: WeekMetrics[]): WeekFigures {
  const mean = (pick: (w: WeekMetrics) => number) => (weeks.length === 0 ? 0 : weeks.reduce((sum, w) => sum + pick(w), 0) / weeks.length);
  return { sev1: mean((w) => w.sev1), sev2: mean((w) => w.sev2), impactMinutes: mean((w) => w.impactMinutes), availability: mean((w) => w.availability) };
}

/** Everything the proposed agenda of `week` is built from, read from the database as of `now`. */
export async function gatherAgendaFacts(db: Database, week: string, now = new Date()): Promise<AgendaFacts> {
  const settings = await getOrganisationSettings(db);
  const { timeZone } = settings;
  const isoWeek = parseIsoWeek(week);
  const start = isoWeekStartInstant(isoWeek, timeZone);
  const end = isoWeekStartInstant(addWeeks(isoWeek, 1), timeZone);
  const judgedOn = judgementDate(meetingDateOf(week, settings.meetingWeekday), todayIn(timeZone, now));

  const [weekly, changeFigures, incidents, overdue, pending, wheel] = await Promise.all([
    queryWeeklyMetrics(db, { from: addWeeks(isoWeek, -4), to: isoWeek, timeZone, scope: {}, now }),
    weekChangeFigures(db, start, end, now),
    loadWeekIncidents(db, start, end),
    overdueActionItemFacts(db, judgedOn),
    pendingPostmortemFacts(db, start, judgedOn, timeZone),
    wheelFacts(db, week),
  ]);

  const changes = await recordedChangesByReference(db, incidents.map((row) => row.changeReference), settings.approvalPolicy);
  const thisWeek = weekly.at(-1);
  if (!thisWeek) throw new Error(`No figures for ${week}`);
  return {
    week,
    judgedOn,
    weekStart: start.toISOString(),
    metrics: { week: figuresOf(thisWeek), baseline: meanOf(weekly.slice(0, -1)), changes: changeFigures },
    incidents: incidents.map((row) => toAgendaIncident(row, settings.approvalPolicy, now, changes)),
    openActionItems: overdue,
    unpublishedSev1s: pending,
    wheel,
  };
}
