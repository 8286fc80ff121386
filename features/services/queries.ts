import "server-only";
import type { MetricsQuery } from "@/features/metrics/types";
import type { ScopeOptions } from "@/features/metrics/trends-context";
import { listTeams } from "@/features/teams/reads";
import { db, readDb } from "@/lib/db";
import { findServiceBySlug, findServiceForEdit, listRecentServiceIncidents, listServiceAvailability, listServices } from "./reads";

/** The teams and services a trends page may be scoped to. */
export async function readScopeOptions(): Promise<ScopeOptions> {
  const [teams, services] = await Promise.all([listTeams(db), listServices(db)]);
  return { teams, services };
}

export const readServiceAvailability = (q: Omit<MetricsQuery, "scope">) => listServiceAvailability(db, q);
export const readService = (slug: string) => findServiceBySlug(db, slug);
export const readServiceForEdit = (slug: string) => findServiceForEdit(db, slug);
export const readRecentServiceIncidents = (serviceId: string, limit: number) => listRecentServiceIncidents(readDb(), serviceId, limit);
