"use client";

import { ChoiceFilter, DateBoundField, FilterFormActions } from "@/components/ui/list-controls";
import { AI_INVOLVEMENTS, label } from "@/lib/domain/incident-enums";
import { FilterMenu, ServiceTeamFilterMenus } from "@/features/incidents/components/incident-filter-menu";
import { ListFilterForm } from "@/features/incidents/components/list-filter-form";
import type { ListFilterOptions } from "@/features/incidents/list/queries";
import type { FieldErrors } from "@/lib/validation";
import { CHANGE_PAGE_SIZE, type ChangeListFilters } from "../list-params";

const choiceValue = (value: string | boolean | undefined) => (value === undefined ? "" : String(value));

/** The filters chosen from a short list: the URL parameter, its label and its choices. */
const CHOICE_FILTERS: { name: "signOff" | "failed" | "mismatch"; label: string; choices: Record<string, string> }[] = [
  { name: "signOff", label: "Sign-off", choices: { compliant: "As the policy requires", violating: "Without required sign-off" } },
  { name: "failed", label: "Outcome", choices: { true: "Caused an incident", false: "No incident" } },
  { name: "mismatch", label: "Trailers", choices: { true: "Undeclared AI", false: "As declared" } },
];

/** Filters of the change list, kept in the URL (see ListFilterForm). */
export function ChangeFilterBar(props: { filters: ChangeListFilters; pageSize: number; options: ListFilterOptions; errors: FieldErrors }) {
  const { filters, errors } = props;
  return (
    <ListFilterForm path="/changes" label="Filter changes">
      {props.pageSize !== CHANGE_PAGE_SIZE && <input type="hidden" name="limit" value={props.pageSize} />}
      <div className="flex flex-wrap items-end gap-2">
        <DateBoundField name="from" label="Deployed from" value={filters.from} invalid={Boolean(errors.from)} />
        <DateBoundField name="to" label="Deployed to" value={filters.to} invalid={Boolean(errors.to)} />
        <FilterFormActions clearHref="/changes" />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <ServiceTeamFilterMenus options={props.options} selected={filters} invalid={{ service: Boolean(errors.service), team: Boolean(errors.team) }} />
        {/* The stronger of declared and detected: a change whose trailers show AI counts as AI-involved. */}
        <FilterMenu
          name="ai"
          label="AI involvement"
          options={AI_INVOLVEMENTS.map((value) => ({ value, label: label(value) }))}
          selected={filters.ai}
          invalid={Boolean(errors.ai)}
        />
        {CHOICE_FILTERS.map((filter) => (
          <ChoiceFilter
            key={filter.name}
            name={filter.name}
            label={filter.label}
            value={choiceValue(filters[filter.name])}
            choices={Object.entries(filter.choices)}
            invalid={Boolean(errors[filter.name])}
          />
        ))}
      </div>
      <p className="text-xs text-slate-500">AI involvement is the stronger of what the author declared and what the commit trailers show.</p>
    </ListFilterForm>
  );
}
