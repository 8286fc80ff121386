// The incident list's parameters written back into a URL: the canonical form of a view, so
// a link to it (or the CSV of it) reproduces exactly what is on screen.
import { DEFAULT_PAGE_SIZE, type IncidentListFilters, type IncidentListParams } from "./params";
import { DEFAULT_SORT, type IncidentListSort } from "./sort";

type ListState = { filters: IncidentListFilters; sort: IncidentListSort; after?: string; before?: string; pageSize?: number };

/** The query string of a view; defaults are left out so links stay short. */
export function listSearchParams(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  const { filters } = state;
  if (filters.q) search.set("q", filters.q);
  const lists = {
    severity: filters.severity,
    status: filters.status,
    service: filters.service,
    team: filters.team,
    ai: filters.ai,
    rootCause: filters.rootCause,
    postmortem: filters.postmortem,
  };
  for (const [name, values] of Object.entries(lists)) if (values.length > 0) search.set(name, values.join(","));
  if (filters.policyViolation !== undefined) search.set("policyViolation", String(filters.policyViolation));
  if (filters.repeat) search.set("repeat", "true");
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (filters.source) search.set("source", `${filters.source.system}:${filters.source.id}`);
  if (state.sort.column !== DEFAULT_SORT.column || state.sort.direction !== DEFAULT_SORT.direction) {
    search.set("sort", state.sort.column);
    search.set("order", state.sort.direction);
  }
  if (state.pageSize && state.pageSize !== DEFAULT_PAGE_SIZE) search.set("limit", String(state.pageSize));
  if (state.after) search.set("cursor", state.after);
  else if (state.before) search.set("before", state.before);
  return search;
}

export function listHref(path: string, state: ListState): string {
  const query = listSearchParams(state).toString();
  return query ? `${path}?${query}` : path;
}

/** The same view at another page (or the first, with neither cursor). */
export const pageHref = (params: IncidentListParams, cursor: { after?: string; before?: string }) =>
  listHref("/incidents", { filters: params.filters, sort: params.sort, pageSize: params.pageSize, ...cursor });

/** The CSV of every row of the view, whatever page is showing. */
export const exportHref = (params: IncidentListParams) => listHref("/incidents/export", { filters: params.filters, sort: params.sort });

export const hasFilters = (filters: IncidentListFilters) =>
  Boolean(filters.q || filters.from || filters.to || filters.source || filters.policyViolation !== undefined || filters.repeat) ||
  [filters.severity, filters.status, filters.service, filters.team, filters.ai, filters.rootCause, filters.postmortem].some((l) => l.length > 0);
