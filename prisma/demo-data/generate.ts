// A year of demo incidents and changes, generated without I/O: the same seed and `now` give the same
// data, so tests and screenshots can rely on it.
import { isPolicyViolation } from "../../features/incidents/policy";
import { SERVICES, TEAMS, USERS } from "./catalog";
import { generateDemoChanges } from "./changes";
import { DAY, MINUTE, WEEK, assignReferences, buildIncident, randomTimeInDay } from "./incident";
import { AGENT_OUTAGE_TITLE, CHECKOUT_OUTAGE_TITLE, NAMED_CHANGE_REFERENCES, namedOutages } from "./outages";
import { addPostmortem } from "./postmortem";
import { createRandom, type Random } from "./random";
import type { DemoData, DemoIncident } from "./types";

export type GenerateOptions = { seed: number | string; now: Date; weeks?: number };

/** Monday..Sunday: fewer changes ship, and so fewer incidents start, at weekends. */
const WEEKDAY_WEIGHTS = [[0, 17], [1, 18], [2, 18], [3, 17], [4, 14], [5, 8], [6, 8]] as const;
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
function calibrateViolations(random: Random, incidents: DemoIncident[]): void {
  const aiInvolved = incidents.filter((i) => i.aiInvolvement !== "NONE" && !NAMED_OUTAGES.has(i.title));
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

export function generateDemoData({ seed, now, weeks = 52 }: GenerateOptions): DemoData {
  const random = createRandom(seed);
  const nowMs = now.getTime();
  const firstWeek = startOfIsoWeek(nowMs) - (weeks - 1) * WEEK;
  const incidents: DemoIncident[] = [];
  // Each change reference names one recorded change, which its incidents must agree with.
  const takenReferences = new Set(NAMED_CHANGE_REFERENCES);

  for (let week = 0; week < weeks; week++) {
    const weekStart = firstWeek + week * WEEK;
    const aiShare = AI_SHARE_FIRST + (AI_SHARE_LAST - AI_SHARE_FIRST) * (weeks > 1 ? week / (weeks - 1) : 1);
    const sev1 = random.weighted([[0, 25], [1, 45], [2, 30]] as const);
    const sev2 = random.int(3, 6);
    const severities = [...Array<"SEV1">(sev1).fill("SEV1"), ...Array<"SEV2">(sev2).fill("SEV2")];
    for (const severity of severities) {
      const startedAt = randomTimeInDay(random, weekStart + random.weighted(WEEKDAY_WEIGHTS) * DAY);
      // The current week is only partly over: its later incidents have not happened yet.
      if (startedAt > nowMs - 10 * MINUTE) continue;
      const incident = buildIncident(random, { severity, startedAt, aiShare, takenReferences }, nowMs);
      addPostmortem(random, incident, nowMs);
      incidents.push(incident);
    }
  }
  incidents.push(...namedOutages(random, nowMs, firstWeek, takenReferences));
  calibrateViolations(random, incidents);
  holdBackSev1Postmortems(incidents, nowMs);
  assignReferences(incidents);
  // A generator of their own, so that the incidents come out the same with or without changes.
  const changes = generateDemoChanges(createRandom(`changes:${seed}`), incidents, { firstWeek, weeks, now: nowMs }, takenReferences);
  return { teams: TEAMS, services: SERVICES, users: USERS, incidents, changes };
}
