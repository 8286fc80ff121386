import { todayIn } from "@/features/action-items/overdue";
import { deriveIncidentDurations } from "@/features/incidents/derived";
import { policyViolationReason, type ApprovalPolicy } from "@/lib/domain/approval-policy";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import type { WeekMetrics } from "@/features/metrics/types";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import type { Database } from "@/lib/db/client";
import { addWeeks, isoWeekStartInstant, parseIsoWeek } from "@/lib/time/iso-week";
import { judgementDate, meetingDateOf } from "../schedule";
import { findRepeatsOf, type RepeatRow } from "@/features/incidents/repeats/reads";
import type { AgendaFacts, AgendaIncident, AgendaRepeat, ReviewChange, WeekFigures } from "../agenda-types";
import { recordedChangesByReference, triggeringChangeOf, weekChangeFigures } from "./change-facts";
import { overdueActionItemFacts, pendingPostmortemFacts } from "./backlog-facts";
import { wheelFacts } from "./wheel-facts";
import { previousMeetingFacts } from "./follow-up-facts";
import { AGENDA_LIST_LIMIT } from "../agenda";
import { loadWeekIncidents, type WeekIncidentRow } from "./week-incidents";
import { querySameElapsedBaseline } from "./same-elapsed-baseline";

const toAgendaRepeat = (row: RepeatRow): AgendaRepeat => ({
  reference: row.reference,
  title: row.title,
  startedAt: row.startedAt.toISOString(),
  sharedServices: row.sharedServices,
  actionItems: row.actionItems,
});

/** The incidents whose repeats the agenda shows: the deep dives' Sev1s and the AI change review's incidents. */
const showsRepeats = (row: WeekIncidentRow) => row.severity === "SEV1" || row.ai_involvement !== "NONE";

function toAgendaIncident(
  row: WeekIncidentRow,
  policy: ApprovalPolicy,
  now: Date,
  changes: ReadonlyMap<string, ReviewChange>,
  repeats: ReadonlyMap<string, RepeatRow[]>,
): AgendaIncident {
  const change = { aiInvolvement: row.ai_involvement, authorLevel: row.change_author_level, approval: row.change_approval };
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    severity: row.severity,
    status: row.status,
    startedAt: row.started_at.toISOString(),
    mitigatedAt: row.mitigated_at?.toISOString() ?? null,
    impactMinutes: deriveIncidentDurations({ startedAt: row.started_at, mitigatedAt: row.mitigated_at }, now).impactMinutes,
    usersAffected: row.users_affected,
    blastRadius: row.blast_radius,
    services: row.services,
    rootCauseCategory: row.root_cause_category,
    rootCauseDescription: row.root_cause_description,
    changeAuthorLevel: row.change_author_level,
    changeApproval: row.change_approval,
    aiInvolvement: row.ai_involvement,
    aiTool: row.ai_tool,
    aiDescription: row.ai_description,
    policyViolation: row.policy_violation,
    policyViolationReason: row.policy_violation ? policyViolationReason(change, policy) : null,
    postmortemState: row.postmortem_state,
    timeline: row.timeline.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, text: e.text })),
    triggeringChange: triggeringChangeOf(
      { changeReference: row.change_reference, aiInvolvement: row.ai_involvement, changeAuthorLevel: row.change_author_level },
      changes,
      policy,
    ),
    repeats: repeats.get(row.id)?.map(toAgendaRepeat) ?? null,
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
  const running = now.getTime() < end.getTime();

  const [weekly, changeFigures, weekIncidents, overdue, pending, wheel, sameElapsed, previousMeeting] = await Promise.all([
    queryWeeklyMetrics(db, { from: addWeeks(isoWeek, -4), to: isoWeek, timeZone, scope: {}, now }),
    weekChangeFigures(db, start, end, now),
    loadWeekIncidents(db, start, end, now, AGENDA_LIST_LIMIT),
    overdueActionItemFacts(db, judgedOn, AGENDA_LIST_LIMIT),
    pendingPostmortemFacts(db, start, judgedOn, timeZone, AGENDA_LIST_LIMIT),
    wheelFacts(db, week),
    running ? querySameElapsedBaseline(db, isoWeek, timeZone, now) : null,
    previousMeetingFacts(db, week),
  ]);

  // One query each for every shown incident's recorded change and repeats.
  const [changes, repeats] = await Promise.all([
    recordedChangesByReference(
      db,
      weekIncidents.rows.map((row) => row.change_reference),
      settings.approvalPolicy,
    ),
    findRepeatsOf(
      db,
      weekIncidents.rows.filter(showsRepeats).map((row) => row.id),
    ),
  ]);
  const thisWeek = weekly.at(-1);
  if (!thisWeek) throw new Error(`No figures for ${week}`);
  return {
    week,
    judgedOn,
    weekStart: start.toISOString(),
    metrics: {
      week: figuresOf(thisWeek),
      baseline: sameElapsed ?? meanOf(weekly.slice(0, -1)),
      changes: changeFigures,
      soFar: running ? { until: new Date(Math.max(now.getTime(), start.getTime())).toISOString() } : null,
    },
    counts: weekIncidents.counts,
    incidents: weekIncidents.rows.map((row) => toAgendaIncident(row, settings.approvalPolicy, now, changes, repeats)),
    overdueActionItems: overdue,
    pendingPostmortems: pending,
    wheel,
    previousMeeting,
  };
}
