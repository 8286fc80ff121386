// Random writes for the week-cell tests: inserts, edits, deletes, long and ongoing incidents,
// week-boundary crossings, services moving team, time-zone changes and policy flips.
import fc from "fast-check";
import type { Database } from "@/lib/db/client";
import type { AiInvolvement, BlastRadius, RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";
import { addIncident } from "./test-fixtures";

export const MINUTE = 60_000;
export const WEEK_MS = 7 * 24 * 60 * MINUTE;
const SERVICES = ["cart", "checkout", "search", "auth"] as const;
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"] as const;

/** Six weeks back from now to now: five closed weeks, the one running, and some slack either side. */
export const now = () => new Date();
const timeInRange = (fraction: number, at: Date) => new Date(at.getTime() - 6 * WEEK_MS + Math.floor(fraction * 6 * WEEK_MS));

const incidentShape = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  services: fc.subarray([...SERVICES], { minLength: 1 }),
  // up to three weeks long, or still open
  minutes: fc.option(fc.integer({ min: 0, max: 3 * 7 * 24 * 60 }), { nil: undefined, freq: 4 }),
  detectAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  resolveAfter: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
  severity: fc.constantFrom<Severity>("SEV1", "SEV2"),
  ai: fc.constantFrom<AiInvolvement>("NONE", "ASSISTED", "AGENT"),
  policyViolation: fc.boolean(),
  usersAffected: fc.integer({ min: 0, max: 50_000 }),
  rootCause: fc.constantFrom<RootCauseCategory>("UNKNOWN", "CODE_CHANGE", "CONFIG_CHANGE", "CAPACITY"),
  blastRadius: fc.constantFrom<BlastRadius>("SINGLE_SERVICE", "MULTI_SERVICE", "SITE_WIDE"),
});
type IncidentShape = typeof incidentShape extends fc.Arbitrary<infer T> ? T : never;

export const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("insert" as const), incident: incidentShape }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), incident: incidentShape }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("services" as const), pick: fc.nat(), services: fc.subarray([...SERVICES], { minLength: 1 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("move service" as const), service: fc.constantFrom(...SERVICES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("time zone" as const), zone: fc.constantFrom(...ZONES) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("flip policy" as const) }), weight: 1 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function timestamps(shape: IncidentShape, at: Date) {
  const startedAt = timeInRange(shape.at, at);
  const plus = (minutes: number | undefined) => (minutes === undefined ? null : new Date(startedAt.getTime() + minutes * MINUTE));
  const mitigatedAt = plus(shape.minutes);
  return {
    startedAt,
    detectedAt: plus(shape.detectAfter),
    mitigatedAt: mitigatedAt && mitigatedAt < at ? mitigatedAt : null,
    resolvedAt: mitigatedAt && shape.resolveAfter !== undefined ? plus((shape.minutes ?? 0) + shape.resolveAfter) : null,
  };
}

async function pickIncident(db: Database, pick: number) {
  const ids = await db.incident.findMany({ select: { id: true }, orderBy: { reference: "asc" } });
  return ids.length === 0 ? null : ids[pick % ids.length]!.id;
}

/** Applies one random write to the incidents, their services, the teams or the settings. */
export async function applyStep(db: Database, s: Step) {
  const at = now();
  switch (s.kind) {
    case "insert": {
      const { services, severity, ai, policyViolation, usersAffected, rootCause, blastRadius } = s.incident;
      const iso = Object.fromEntries(Object.entries(timestamps(s.incident, at)).map(([k, v]) => [k, v?.toISOString()]));
      await addIncident(db, { services, severity, ai, policyViolation, usersAffected, rootCause, blastRadius, ...iso, startedAt: iso.startedAt! });
      return;
    }
    case "edit": {
      const id = await pickIncident(db, s.pick);
      if (!id) return;
      const { severity, ai, policyViolation, usersAffected, rootCause, blastRadius } = s.incident;
      await db.incident.update({
        where: { id },
        data: { ...timestamps(s.incident, at), severity, aiInvolvement: ai, policyViolation, usersAffected, rootCauseCategory: rootCause, blastRadius },
      });
      return;
    }
    case "delete": {
      const id = await pickIncident(db, s.pick);
      if (id) await db.incident.delete({ where: { id } });
      return;
    }
    case "services": {
      const id = await pickIncident(db, s.pick);
      if (!id) return;
      const services = await db.service.findMany({ where: { slug: { in: s.services } }, select: { id: true } });
      await db.$transaction([
        db.incidentService.deleteMany({ where: { incidentId: id } }),
        db.incidentService.createMany({ data: services.map((x) => ({ incidentId: id, serviceId: x.id })) }),
      ]);
      return;
    }
    case "move service": {
      const [service, teams] = await Promise.all([
        db.service.findUniqueOrThrow({ where: { slug: s.service } }),
        db.team.findMany({ orderBy: { slug: "asc" } }),
      ]);
      const next = teams[(teams.findIndex((t) => t.id === service.teamId) + 1) % teams.length]!;
      await db.service.update({ where: { id: service.id }, data: { teamId: next.id } });
      return;
    }
    case "time zone":
      await db.organisationSettings.update({ where: { id: 1 }, data: { timeZone: s.zone } });
      return;
    case "flip policy":
      // as a policy change does: one UPDATE over many incidents
      await db.$executeRaw`UPDATE incidents SET policy_violation = NOT policy_violation WHERE severity = 'SEV1'`;
      return;
  }
}
