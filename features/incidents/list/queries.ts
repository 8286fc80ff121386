import "server-only";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db, readDb } from "@/lib/db";
import { findServiceOptions, listIncidentPage } from "../reads";
import type { IncidentListParams } from "./params";
import { needsTimeZone } from "./sql";

/** The page of the incident list a view shows, with how many incidents match in all. */
export async function readIncidentList(params: IncidentListParams) {
  const timeZone = needsTimeZone(params.filters) ? (await getOrganisationSettings(db)).timeZone : undefined;
  return listIncidentPage(readDb(), { ...params, timeZone, withTotal: true });
}

/** The services (grouped by team) and teams the filter bar offers. */
export async function readListFilterOptions() {
  const [services, teams] = await Promise.all([
    findServiceOptions(db, "all"),
    db.team.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { services, teams };
}

export type ListFilterOptions = Awaited<ReturnType<typeof readListFilterOptions>>;
