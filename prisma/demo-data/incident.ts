// Builds one plausible incident from its severity, start and the AI share of its time.
import { isPolicyViolation } from "@/lib/domain/approval-policy";
import type { AiInvolvement, AuthorLevel, BlastRadius, ChangeApproval, IncidentStatus, RootCauseCategory, Severity } from "../../lib/generated/prisma/enums";
import { ENGINEER_EMAILS, REGIONS, SERVICES, type DemoService } from "./catalog";
import { aiInvolvementFor, aiToolFor, approvalFor, changeReferenceFor, isChangeCause, type ChangeCause } from "./change-choices";
import type { Random } from "./random";
import { AI_ACTION, STORIES_BY_CATEGORY } from "./stories";
import { incidentSummary, incidentTitle, regionText, rootCauseDescription } from "./story";
import { fill, type StoryContext } from "./texts";
import type { DemoIncident } from "./types";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** From a change's deploy to the impact it caused: log-uniform from 3 minutes to 4 hours, in one draw. */
export const minutesFromDeployToImpact = (random: Random): number => Math.round(3 * 80 ** random.next());

const CHANGE_CAUSES: readonly (readonly [RootCauseCategory, number])[] = [
  ["CODE_CHANGE", 55],
  ["CONFIG_CHANGE", 25],
  ["INFRA_CHANGE", 20],
];
const ALL_CAUSES: readonly (readonly [RootCauseCategory, number])[] = [
  ["CODE_CHANGE", 30],
  ["CONFIG_CHANGE", 18],
  ["INFRA_CHANGE", 10],
  ["DEPENDENCY", 15],
  ["CAPACITY", 11],
  ["HARDWARE", 5],
  ["SECURITY", 4],
  ["UNKNOWN", 7],
];
export const AUTHOR_LEVELS: readonly (readonly [AuthorLevel | undefined, number])[] = [
  ["JUNIOR", 20],
  ["MID", 40],
  ["SENIOR", 28],
  ["PRINCIPAL", 7],
  [undefined, 5],
];

const SERVICE_WEIGHTS = SERVICES.map((s) => [s, s.incidentWeight] as const);
/** A SEV1 is a critical function down (docs/domain.md): checkout, payments or sign-in, or a wide blast radius. */
export const CRITICAL_CAPABILITIES = ["checkout", "payments", "sign-in"];
const SEV1_SERVICE_WEIGHTS = SERVICES.filter((s) => s.capabilities.some((c) => CRITICAL_CAPABILITIES.includes(c))).map((s) => [s, s.incidentWeight] as const);

/** An instant in the day starting at `dayStart`; people change things, and break them, in working hours. */
export function randomTimeInDay(random: Random, dayStart: number): number {
  const hour = random.chance(0.65) ? random.int(8, 17) : random.int(0, 23);
  return dayStart + hour * HOUR + random.int(0, 59) * MINUTE + random.int(0, 59) * 1000;
}

/** The services hit, the first the one at fault; only those `eligible` allows, unless none is. */
function pickServices(random: Random, severity: Severity, primarySlug?: string, eligible?: (service: DemoService) => boolean): DemoService[] {
  const count =
    severity === "SEV1"
      ? random.weighted([
          [1, 35],
          [2, 28],
          [3, 20],
          [4, 11],
          [6, 6],
        ] as const)
      : random.weighted([
          [1, 65],
          [2, 28],
          [3, 7],
        ] as const);
  const keep = (service: DemoService) => !eligible || eligible(service);
  const weights = severity === "SEV1" ? SEV1_SERVICE_WEIGHTS : SERVICE_WEIGHTS;
  const eligibleWeights = weights.filter(([service]) => keep(service));
  const primary = SERVICES.find((s) => s.slug === primarySlug) ?? random.weighted(eligibleWeights.length > 0 ? eligibleWeights : weights);
  return [
    primary,
    ...random.sample(
      SERVICES.filter((s) => s !== primary && keep(s)),
      count - 1,
    ),
  ];
}

function pickRegions(random: Random, count: number): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(random.weighted(REGIONS));
  return [...chosen];
}

/** Wide radii are SEV1s by definition; a SEV2 stays within its services. */
function blastRadiusOf(random: Random, severity: Severity, serviceCount: number, category: RootCauseCategory): BlastRadius {
  if (serviceCount === 1) return "SINGLE_SERVICE";
  if (severity === "SEV2") return "MULTI_SERVICE";
  if (serviceCount >= 4) return random.chance(0.5) ? "SITE_WIDE" : "REGIONAL";
  const zonal = category === "HARDWARE" || category === "INFRA_CHANGE" || category === "CAPACITY";
  return zonal && random.chance(0.4) ? "REGIONAL" : "MULTI_SERVICE";
}

/** Minutes from start to mitigation when the plan does not set them: most incidents are caught and rolled back in minutes. */
export function minutesToMitigate(random: Random, severity: Severity): number {
  return severity === "SEV1" ? random.lognormal(14, 0.5, 5, 45) : random.lognormal(6, 0.55, 2, 25);
}

/** Status follows from which timestamps have passed by `now`, so the two always agree. */
function timestampsFor(random: Random, severity: Severity, startedAt: number, now: number, minutes = minutesToMitigate(random, severity), unresolved = false) {
  const ttm = minutes * MINUTE;
  const ttd = Math.min(random.lognormal(2.5, 0.6, 0.5, 15), minutes * 0.6) * MINUTE;
  // Root-cause fixes take days, so the last few days' incidents are mostly still open.
  const ttr = ttm + random.lognormal(40, 1, 2, 14 * 24) * HOUR;
  const at = (offset: number) => new Date(Math.round((startedAt + offset) / 1000) * 1000);
  const detectedAt = at(Math.min(ttd, now - startedAt));
  if (startedAt + ttm > now) return { status: "INVESTIGATING" as IncidentStatus, detectedAt };
  const mitigatedAt = at(ttm);
  if (unresolved || startedAt + ttr > now) return { status: "MITIGATED" as IncidentStatus, detectedAt, mitigatedAt };
  return { status: "RESOLVED" as IncidentStatus, detectedAt, mitigatedAt, resolvedAt: at(ttr) };
}

/** Customers hurt: a rate per minute of impact, higher for a Sev1 and for a site-wide one. */
function usersAffectedFor(random: Random, severity: Severity, blastRadius: BlastRadius, impactMinutes: number): number {
  const perMinute = severity === "SEV1" ? random.lognormal(60, 0.6, 10, 300) * (blastRadius === "SITE_WIDE" ? 2 : 1) : random.lognormal(12, 0.8, 1, 100);
  return Math.round(perMinute * Math.max(1, impactMinutes));
}

/** The recorded change that caused an incident: the incident is filled from it, as the app fills one. */
export type CausingChange = {
  reference: string;
  serviceSlug: string;
  cause: ChangeCause;
  authorLevel?: AuthorLevel;
  approval: ChangeApproval;
  aiInvolvement: AiInvolvement;
  aiTool?: string;
};

export type IncidentPlan = {
  severity: Severity;
  startedAt: number;
  aiShare: number;
  /** Change references already handed out, never drawn again. */
  takenReferences?: Set<string>;
  change?: CausingChange;
  /** Minutes from start to mitigation; drawn when not set. */
  minutes?: number;
  /** An AI-involved change, with or without the sign-off the policy asks for. */
  ai?: "compliant" | "violating";
  /** Mitigated, with the root-cause fix still to come, however long ago. */
  unresolved?: boolean;
  /** The services this incident may hit (those with error budget left, say). */
  eligible?: (service: DemoService) => boolean;
};

/** One incident without reference or postmortem: those depend on the whole data set. */
export function buildIncident(random: Random, plan: IncidentPlan, now: number): DemoIncident {
  const { severity, change } = plan;
  const aiInvolved = change ? change.aiInvolvement !== "NONE" : plan.ai !== undefined || random.chance(plan.aiShare);
  const category = change?.cause ?? random.weighted(aiInvolved ? CHANGE_CAUSES : ALL_CAUSES);
  const story = random.pick(STORIES_BY_CATEGORY[category]);
  const services = pickServices(random, severity, change?.serviceSlug, plan.eligible);
  const primary = services[0] as DemoService;
  const blastRadius = blastRadiusOf(random, severity, services.length, category);
  const regions =
    blastRadius === "SITE_WIDE"
      ? []
      : pickRegions(
          random,
          blastRadius === "REGIONAL"
            ? 1
            : random.weighted([
                [1, 70],
                [2, 20],
                [3, 10],
              ] as const),
        );
  const capabilities: string[] = [];
  for (const service of services) for (const c of service.capabilities) if (!capabilities.includes(c)) capabilities.push(c);
  const times = timestampsFor(random, severity, plan.startedAt, now, plan.minutes, plan.unresolved);
  const impactMinutes = ((times.mitigatedAt?.getTime() ?? now) - plan.startedAt) / MINUTE;
  const usersAffected = usersAffectedFor(random, severity, blastRadius, impactMinutes);
  const transactional = capabilities.includes("checkout") || capabilities.includes("payments");
  const failedTransactions = transactional
    ? Math.round(usersAffected * random.between(0.15, 0.9))
    : random.chance(0.4)
      ? Math.round(usersAffected * random.between(1, 4))
      : undefined;

  const isChange = isChangeCause(category);
  const changeReference = change?.reference ?? (isChange ? changeReferenceFor(random, category, primary.slug, plan.takenReferences) : undefined);
  const changeAuthorLevel = change ? change.authorLevel : isChange ? random.weighted(AUTHOR_LEVELS) : undefined;
  const compliant = plan.ai === undefined ? undefined : plan.ai === "compliant";
  const changeApproval: ChangeApproval = change?.approval ?? (isChange ? approvalFor(random, changeAuthorLevel, aiInvolved, compliant) : "NONE");
  const aiInvolvement: AiInvolvement = change?.aiInvolvement ?? (aiInvolved ? aiInvolvementFor(random, category) : "NONE");
  const aiTool = change ? change.aiTool : aiInvolvement === "NONE" ? undefined : aiToolFor(random, aiInvolvement);

  const context: StoryContext = {
    service: primary.name,
    capability: capabilities[0] ?? "checkout",
    change: changeReference ?? "an untracked change",
    tool: aiTool ?? "",
    regions: regionText(regions),
    aiAction: aiInvolvement === "NONE" ? "" : AI_ACTION[aiInvolvement],
  };
  const startedAt = new Date(plan.startedAt);
  const serviceNames = services.map((s) => s.name);
  // Built whole rather than spread: object spread was a tenth of bulk generation time.
  const facts = {
    severity,
    startedAt,
    mitigatedAt: times.mitigatedAt,
    usersAffected,
    failedTransactions,
    regions,
    capabilities,
    blastRadius,
    serviceNames,
    story,
  };
  return {
    reference: "",
    title: incidentTitle(random, story, context),
    summary: incidentSummary(facts),
    severity,
    ...times,
    serviceSlugs: services.map((s) => s.slug),
    startedAt,
    usersAffected,
    failedTransactions,
    regions,
    capabilities,
    blastRadius,
    rootCauseCategory: category,
    rootCauseDescription: rootCauseDescription(story, context, times.mitigatedAt !== undefined),
    story,
    changeReference,
    changeAuthorLevel,
    changeApproval,
    aiInvolvement,
    aiTool,
    aiDescription: aiInvolvement === "NONE" ? undefined : fill(story.ai?.[aiInvolvement] ?? AI_ACTION[aiInvolvement], context),
    policyViolation: isPolicyViolation({ aiInvolvement, authorLevel: changeAuthorLevel, approval: changeApproval }),
    createdByEmail: random.pick(ENGINEER_EMAILS),
    actionItems: [],
  };
}

/** `INC-<year>-<nnnn>`, numbered in order of start within each year (UTC). Sorts in place. */
export function assignReferences(incidents: DemoIncident[]): void {
  // Sorting on plain numbers: calling getTime() in the comparator is slow for 100 000 incidents.
  const order = incidents.map((incident, i) => ({ at: incident.startedAt.getTime(), i }));
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  const sorted = order.map(({ i }) => incidents[i] as DemoIncident);
  sorted.forEach((incident, i) => (incidents[i] = incident));
  const lastNumber = new Map<number, number>();
  for (const incident of incidents) {
    const year = incident.startedAt.getUTCFullYear();
    const number = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, number);
    incident.reference = `INC-${year}-${String(number).padStart(4, "0")}`;
  }
}
