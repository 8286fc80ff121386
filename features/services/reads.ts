import { queryTopServicesByImpact } from "@/features/metrics/reads";
import type { MetricsQuery } from "@/features/metrics/types";
import { deriveIncidentDurations } from "@/features/incidents/derived";
import type { Database } from "@/lib/db/client";
import { serviceErrorBudget, type ErrorBudget } from "./error-budget";

export type ServiceResponse = {
  id: string;
  slug: string;
  name: string;
  team: { slug: string; name: string };
  /** Availability target as a fraction: 0.999 is 99.9 %. */
  sloTarget: number;
  /** When it was retired; null while in service. */
  retiredAt: string | null;
  version: number;
  createdAt: string;
};

export const serviceResponseSelect = {
  id: true,
  slug: true,
  name: true,
  sloTarget: true,
  retiredAt: true,
  version: true,
  createdAt: true,
  team: { select: { slug: true, name: true } },
} as const;

type ServiceRow = Omit<ServiceResponse, "retiredAt" | "createdAt"> & { retiredAt: Date | null; createdAt: Date };

/** What leaves the server about a service. */
export const toServiceResponse = (row: ServiceRow): ServiceResponse => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  team: { slug: row.team.slug, name: row.team.name },
  sloTarget: row.sloTarget,
  retiredAt: row.retiredAt?.toISOString() ?? null,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

export type ServiceSummary = { slug: string; name: string; sloTarget: number; retiredAt: Date | null; team: { slug: string; name: string } };

const serviceSummary = { slug: true, name: true, sloTarget: true, retiredAt: true, team: { select: { slug: true, name: true } } } as const;

/** Every service with its team, grouped by team name. */
export function listServices(db: Database): Promise<ServiceSummary[]> {
  return db.service.findMany({ select: serviceSummary, orderBy: [{ team: { name: "asc" } }, { name: "asc" }] });
}

/** The service as its edit form and the API see it, with its version. */
export async function findServiceForEdit(db: Database, slug: string): Promise<ServiceResponse | null> {
  const row = await db.service.findUnique({ where: { slug }, select: serviceResponseSelect });
  return row && toServiceResponse(row);
}

export function findServiceBySlug(db: Database, slug: string): Promise<(ServiceSummary & { id: string }) | null> {
  return db.service.findUnique({ where: { slug }, select: { id: true, ...serviceSummary } });
}

export type ServiceAvailability = ServiceSummary & { impactMinutes: number; incidents: number; budget: ErrorBudget };

/** Each service's availability and error budget over the period: its own incidents' impact, merged. */
export async function listServiceAvailability(db: Database, q: Omit<MetricsQuery, "scope">): Promise<ServiceAvailability[]> {
  const [services, impacts] = await Promise.all([listServices(db), queryTopServicesByImpact(db, { ...q, scope: {}, limit: 10_000 })]);
  const bySlug = new Map(impacts.map((impact) => [impact.slug, impact]));
  return services.map((service) => {
    const impact = bySlug.get(service.slug);
    const impactMinutes = impact?.impactMinutes ?? 0;
    return { ...service, impactMinutes, incidents: impact?.incidents ?? 0, budget: serviceErrorBudget(service, impactMinutes, q) };
  });
}

export type ServiceIncident = {
  reference: string;
  title: string;
  severity: string;
  status: string;
  startedAt: string;
  impactMinutes: number;
  aiInvolvement: string;
  policyViolation: boolean;
};

/** The service's most recent incidents, newest first. */
export async function listRecentServiceIncidents(db: Database, serviceId: string, limit: number, now = new Date()): Promise<ServiceIncident[]> {
  const rows = await db.incident.findMany({
    where: { services: { some: { serviceId } } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { reference: true, title: true, severity: true, status: true, startedAt: true, mitigatedAt: true, aiInvolvement: true, policyViolation: true },
  });
  return rows.map(({ startedAt, mitigatedAt, ...rest }) => ({
    ...rest,
    startedAt: startedAt.toISOString(),
    impactMinutes: deriveIncidentDurations({ startedAt, mitigatedAt }, now).impactMinutes,
  }));
}
