// The change list's parameters written back into a URL: a link to exactly the view on screen.
import { CHANGE_PAGE_SIZE, type ChangeListFilters } from "./list-params";

type ListState = { filters: ChangeListFilters; pageSize?: number; after?: string | null; before?: string | null };

/** The query string of a view; defaults are left out so links stay short. */
export function changeListSearchParams(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  const { filters } = state;
  for (const [name, values] of Object.entries({ service: filters.service, team: filters.team, ai: filters.ai }))
    if (values.length > 0) search.set(name, values.join(","));
  if (filters.signOff) search.set("signOff", filters.signOff);
  if (filters.failed !== undefined) search.set("failed", String(filters.failed));
  if (filters.mismatch !== undefined) search.set("mismatch", String(filters.mismatch));
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (state.pageSize && state.pageSize !== CHANGE_PAGE_SIZE) search.set("limit", String(state.pageSize));
  if (state.after) search.set("cursor", state.after);
  else if (state.before) search.set("before", state.before);
  return search;
}

export function changeListHref(state: ListState): string {
  const query = changeListSearchParams(state).toString();
  return query ? `/changes?${query}` : "/changes";
}

export const hasChangeFilters = (filters: ChangeListFilters) =>
  Boolean(filters.signOff || filters.from || filters.to || filters.failed !== undefined || filters.mismatch !== undefined) ||
  [filters.service, filters.team, filters.ai].some((list) => list.length > 0);
