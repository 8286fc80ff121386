// Which incidents a metrics scope covers: "team" = incidents touching any service of the
// team, "service" = incidents touching that service (docs/metrics.md). For changes,
// the same scope is the service a change was deployed to.
import type { Database } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MetricsScope } from "./types";

const { sql, join } = Prisma;

/** A scope whose slugs were found: the service ids each condition stands for. */
export type ResolvedScope = {
  teamId?: string;
  /** Every service of the team (possibly none). */
  teamServiceIds?: string[];
  serviceId?: string;
};

/** An unknown team or service slug (HTTP 404); `field` names the parameter. */
export class UnknownScopeError extends NotFoundError {
  constructor(
    readonly field: "team" | "service",
    slug: string,
  ) {
    super(`No ${field} has the slug "${slug}" (parameter ${field}).`);
  }
}

type Reader = Pick<Database, "team" | "service">;

/** Looks the slugs up; an unknown one throws UnknownScopeError naming `team` or `service`. */
export async function resolveMetricsScope(db: Reader, scope: MetricsScope): Promise<ResolvedScope> {
  const [team, service] = await Promise.all([
    scope.team === undefined ? null : db.team.findUnique({ where: { slug: scope.team }, select: { id: true, services: { select: { id: true } } } }),
    scope.service === undefined ? null : db.service.findUnique({ where: { slug: scope.service }, select: { id: true } }),
  ]);
  if (scope.team !== undefined && !team) throw new UnknownScopeError("team", scope.team);
  if (scope.service !== undefined && !service) throw new UnknownScopeError("service", scope.service);
  return {
    ...(team ? { teamId: team.id, teamServiceIds: team.services.map((s) => s.id) } : {}),
    ...(service ? { serviceId: service.id } : {}),
  };
}

const uuids = (ids: readonly string[]) => join(ids.map((id) => sql`${id}::uuid`));

const touchesAny = (ids: readonly string[]) =>
  ids.length === 0 ? sql`FALSE` : sql`EXISTS (SELECT 1 FROM incident_services x WHERE x.incident_id = i.id AND x.service_id IN (${uuids(ids)}))`;

// OFFSET 0 keeps PostgreSQL from turning the EXISTS into a semi-join, which hashes every
// incident of the team across all history; checked per incident instead, by the key.
const touchesAnyOne = (ids: readonly string[]) =>
  ids.length === 0 ? sql`FALSE` : sql`EXISTS (SELECT 1 FROM incident_services x WHERE x.incident_id = i.id AND x.service_id IN (${uuids(ids)}) OFFSET 0)`;

const serviceIn = (ids: readonly string[]) => (ids.length === 0 ? sql`FALSE` : sql`c.service_id IN (${uuids(ids)})`);

/** Both the team's and the service's condition when both are given; TRUE for everything. */
function bothHold(scope: ResolvedScope, holdsFor: (serviceIds: readonly string[]) => Prisma.Sql): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (scope.teamServiceIds) conditions.push(holdsFor(scope.teamServiceIds));
  if (scope.serviceId) conditions.push(holdsFor([scope.serviceId]));
  return conditions.length ? join(conditions, " AND ") : sql`TRUE`;
}

/** The condition on `incidents i` that keeps the scope's incidents (TRUE for everything). */
export const scopeCondition = (scope: ResolvedScope): Prisma.Sql => bothHold(scope, touchesAny);

/** The same condition checked incident by incident: for a few incidents (a week's) rather than a whole history. */
export const scopeConditionPerIncident = (scope: ResolvedScope): Prisma.Sql => bothHold(scope, touchesAnyOne);

/** The condition on `changes c` that keeps the scope's changes: deployed to the service, or to one of the team's. */
export const changeScopeCondition = (scope: ResolvedScope): Prisma.Sql => bothHold(scope, serviceIn);

/**
 * The key of the scope's week cells (features/metrics/cells/): "" for everything, "t:<id>"
 * for a team, "s:<id>" for a service (also for a service with its own team); null for a
 * service outside the given team, whose incidents no cell holds.
 */
export function cellScopeKey(scope: ResolvedScope): string | null {
  if (scope.serviceId !== undefined) return !scope.teamServiceIds || scope.teamServiceIds.includes(scope.serviceId) ? `s:${scope.serviceId}` : null;
  return scope.teamId !== undefined ? `t:${scope.teamId}` : "";
}

/** The services a per-service breakdown lists: those in scope, or null for every service. */
export function servicesInScope(scope: ResolvedScope): string[] | null {
  if (scope.serviceId) return !scope.teamServiceIds || scope.teamServiceIds.includes(scope.serviceId) ? [scope.serviceId] : [];
  return scope.teamServiceIds ?? null;
}
