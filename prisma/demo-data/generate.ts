// A year of demo incidents and changes, generated without I/O: the same seed and `now` give the same
// data, so tests and screenshots can rely on it.
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import { budgetTracker } from "./budgets";
import { SERVICES, TEAMS, USERS } from "./catalog";
import { generateDemoChanges } from "./changes";
import { DAY, MINUTE, WEEK, assignReferences, buildIncident } from "./incident";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE, NAMED_CHANGE_REFERENCES, namedOutageDays, namedOutages } from "./outages";
import { addPostmortem } from "./postmortem";
import { createRandom, type Random } from "./random";
import type { DemoData, DemoIncident } from "./types";
import { planWeek, type Slot } from "./weeks";

export type GenerateOptions = { seed: number | string; now: Date; weeks?: number };

/** AI-involved share of incidents at the start and at the end of the window. */
const AI_SHARE_FIRST = 0.1;
const AI_SHARE_LAST = 0.45;
/** SEV1s older than this whose postmortem is unpublished are "pending" in the weekly review. */
const PENDING_AFTER_DAYS = 14;

/** Monday 00:00 UTC of the ISO week holding `instant`. */
function startOfIsoWeek(instant: number): number {
  const day = Math.floor(instant / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

/** Share of AI-involved incidents whose change lacked the sign-off the policy asks for. */
const VIOLATION_SHARE = 0.3;
const NAMED_OUTAGES = new Set([CHECKOUT_OUTAGE_TITLE, AGENT_OUTAGE_TITLE]);

function setApproval(incident: DemoIncident, approval: DemoIncident["changeApproval"]): void {
  incident.changeApproval = approval;
  incident.policyViolation = isPolicyViolation({ aiInvolvement: incident.aiInvolvement, authorLevel: incident.changeAuthorLevel, approval });
}

/**
 * Brings the share of policy violations among AI-involved incidents to about 30 %: with only
 * ~80 of them a year, chance alone strays from 25 % to over 40 % depending on seed and date.
 */
function calibrateViolations(random: Random, incidents: DemoIncident[], pinned: ReadonlySet<DemoIncident>): void {
  const aiInvolved = incidents.filter((i) => i.aiInvolvement !== "NONE" && !NAMED_OUTAGES.has(i.title) && !pinned.has(i));
  const target = Math.round((aiInvolved.length + NAMED_OUTAGES.size) * VIOLATION_SHARE) - NAMED_OUTAGES.size;
  let violating = aiInvolved.filter((i) => i.policyViolation);
  while (violating.length > target) {
    const incident = random.pick(violating);
    const senior = incident.changeAuthorLevel === "SENIOR" || incident.changeAuthorLevel === "PRINCIPAL";
    setApproval(incident, senior ? "MANAGER" : "SENIOR");
    violating = violating.filter((i) => i !== incident);
  }
  let compliant = aiInvolved.filter((i) => !i.policyViolation);
  while (violating.length < target && compliant.length > 0) {
    const incident = random.pick(compliant);
    setApproval(incident, random.chance(0.75) ? "PEER" : "NONE");
    compliant = compliant.filter((i) => i !== incident);
    violating.push(incident);
  }
}

/**
 * Keeps a few SEV1 postmortems from a few weeks back unpublished, so the weekly review
 * always has something under "postmortems pending" to show.
 */
function holdBackSev1Postmortems(incidents: DemoIncident[], now: number): void {
  const candidates = incidents
    .filter((i) => i.severity === "SEV1" && !NAMED_OUTAGES.has(i.title) && i.postmortem)
    .filter((i) => {
      const ageDays = (now - i.startedAt.getTime()) / DAY;
      return ageDays > PENDING_AFTER_DAYS + 1 && ageDays < 70;
    })
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  let pending = candidates.filter((i) => i.postmortem?.state !== "PUBLISHED").length;
  for (const incident of candidates) {
    if (pending >= 3) return;
    const postmortem = incident.postmortem;
    if (!postmortem || postmortem.state !== "PUBLISHED") continue;
    postmortem.state = "IN_REVIEW";
    postmortem.publishedAt = undefined;
    postmortem.publishedByEmail = undefined;
    pending++;
  }
}

/** Weeks of the default period (13): the named outages are its bad weeks, and the services they hit its red ones. */
const RECENT_WEEKS = 13;

/** Besides the two named outages, a bad week or two, before the recent weeks. */
function pickBadWeeks(random: Random, weeks: number, taken: ReadonlySet<number>): Set<number> {
  const candidates = Array.from({ length: Math.max(0, weeks - RECENT_WEEKS) }, (_, i) => i).filter((i) => !taken.has(i));
  return new Set(random.sample(candidates, random.int(1, 2)));
}

/** The slots of every week up to now, the long Sev1s first so that they find services with budget left. */
function planYear(random: Random, firstWeek: number, weeks: number, now: number): Slot[] {
  const days = namedOutageDays(now, firstWeek);
  const weekOf = (instant: number) => Math.floor((instant - firstWeek) / WEEK);
  const outageWeeks = new Set([weekOf(now - days.checkout * DAY), weekOf(now - days.agent * DAY)]);
  const bad = pickBadWeeks(random, weeks, outageWeeks);
  const slots: Slot[] = [];
  for (let week = 0; week < weeks; week++) {
    const planned = planWeek(random, firstWeek + week * WEEK, { reviewed: week === weeks - 2, bad: bad.has(week) });
    // The current week is only partly over: its later incidents have not happened yet.
    slots.push(...planned.filter((slot) => slot.startedAt <= now - 10 * MINUTE));
  }
  return [...slots.filter((s) => s.long), ...slots.filter((s) => !s.long)];
}

export function generateDemoData({ seed, now, weeks = 52 }: GenerateOptions): DemoData {
  const random = createRandom(seed);
  const nowMs = now.getTime();
  const firstWeek = startOfIsoWeek(nowMs) - (weeks - 1) * WEEK;
  // Each change reference names one recorded change, which its incidents must agree with.
  const takenReferences = new Set(NAMED_CHANGE_REFERENCES);
  const incidents = namedOutages(random, nowMs, firstWeek, takenReferences);
  const budgets = budgetTracker(SERVICES, weeks, nowMs);
  incidents.forEach((incident) => budgets.charge(incident));
  const pinned = new Set<DemoIncident>();
  const generated: DemoIncident[] = [];
  for (const slot of planYear(random, firstWeek, weeks, nowMs)) {
    const weekIndex = (slot.startedAt - firstWeek) / WEEK;
    const aiShare = AI_SHARE_FIRST + (AI_SHARE_LAST - AI_SHARE_FIRST) * (weeks > 1 ? weekIndex / (weeks - 1) : 1);
    const ai = slot.violating ? "violating" : undefined;
    const eligible = budgets.eligible(slot.minutes);
    // The violation the review discusses is mitigated, its fix still open.
    const plan = {
      severity: slot.severity,
      startedAt: slot.startedAt,
      aiShare,
      takenReferences,
      minutes: slot.minutes,
      ai,
      unresolved: slot.violating,
      eligible,
    } as const;
    const incident = buildIncident(random, plan, nowMs);
    budgets.charge(incident);
    if (slot.violating) pinned.add(incident);
    generated.push(incident);
  }
  incidents.push(...generated);
  calibrateViolations(random, incidents, pinned);
  // Written once the sign-off is final: a missing one is among the contributing factors.
  for (const incident of generated) addPostmortem(random, incident, nowMs);
  holdBackSev1Postmortems(incidents, nowMs);
  assignReferences(incidents);
  // A generator of their own, so that the incidents come out the same with or without changes.
  const changes = generateDemoChanges(createRandom(`changes:${seed}`), incidents, { firstWeek, weeks, now: nowMs }, takenReferences);
  return { teams: TEAMS, services: SERVICES, users: USERS, incidents, changes };
}
