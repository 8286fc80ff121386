import "server-only";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db, readDb } from "@/lib/db";
import { requirePageActor } from "@/lib/auth/guards";
import type { SearchParamsInput } from "@/lib/http/query";
import type { FieldErrors } from "@/lib/validation";
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

/** The props Next.js passes a list page: its URL's query. */
export type ListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * What a list page of incidents or changes shows: the page its URL names and the filter bar's
 * options. A link with a bad parameter still shows the list, without that filter, and says so.
 */
export async function readListPage<Params, Page>(
  props: ListPageProps,
  parse: (input: SearchParamsInput) => { params: Params; errors: FieldErrors },
  readPage: (params: Params) => Promise<Page>,
) {
  await requirePageActor("incident:read");
  const { params, errors } = parse(await props.searchParams);
  const [page, options] = await Promise.all([readPage(params), readListFilterOptions()]);
  return { params, errors, page, options };
}

export type ListFilterOptions = Awaited<ReturnType<typeof readListFilterOptions>>;
