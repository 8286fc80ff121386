"use client";

import { inputClass } from "@/components/ui/field";
import { ChoiceFilter, DateBoundField, FilterFormActions } from "@/components/ui/list-controls";
import type { FieldErrors } from "@/lib/validation";
import { AI_INVOLVEMENTS, INCIDENT_STATUSES, ROOT_CAUSE_CATEGORIES, SEVERITIES, label } from "@/lib/domain/incident-enums";
import { DEFAULT_PAGE_SIZE, POSTMORTEM_FILTERS, type IncidentListFilters } from "../list/params";
import { postmortemLabel } from "../list/labels";
import { DEFAULT_SORT, type IncidentListSort } from "../list/sort";
import { FilterMenu, ServiceTeamFilterMenus } from "./incident-filter-menu";
import { ListFilterForm } from "./list-filter-form";

type Options = { services: { slug: string; name: string; team: { name: string } }[]; teams: { slug: string; name: string }[] };

const enumOptions = (values: readonly string[]) => values.map((value) => ({ value, label: label(value) }));

/** Filters of the incident list, kept in the URL (see ListFilterForm). */
export function IncidentFilterBar(props: { filters: IncidentListFilters; sort: IncidentListSort; pageSize: number; options: Options; errors: FieldErrors }) {
  const { filters, errors } = props;
  const customSort = props.sort.column !== DEFAULT_SORT.column || props.sort.direction !== DEFAULT_SORT.direction;
  return (
    <ListFilterForm path="/incidents" label="Filter incidents">
      {customSort && (
        <>
          <input type="hidden" name="sort" value={props.sort.column} />
          <input type="hidden" name="order" value={props.sort.direction} />
        </>
      )}
      {props.pageSize !== DEFAULT_PAGE_SIZE && <input type="hidden" name="limit" value={props.pageSize} />}
      <div className="flex flex-wrap items-end gap-2">
        <label className="min-w-64 flex-1 text-sm font-medium text-slate-800">
          Search
          <input
            type="search"
            name="q"
            defaultValue={filters.q ?? ""}
            placeholder={'Words in title, summary or root cause; "a phrase"; -without'}
            className={inputClass}
          />
        </label>
        <DateBoundField name="from" label="Started from" value={filters.from} invalid={Boolean(errors.from)} />
        <DateBoundField name="to" label="Started to" value={filters.to} invalid={Boolean(errors.to)} />
        <FilterFormActions clearHref="/incidents" />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <FilterMenu name="severity" label="Severity" options={enumOptions(SEVERITIES)} selected={filters.severity} invalid={Boolean(errors.severity)} />
        <FilterMenu name="status" label="Status" options={enumOptions(INCIDENT_STATUSES)} selected={filters.status} invalid={Boolean(errors.status)} />
        <ServiceTeamFilterMenus options={props.options} selected={filters} invalid={{ service: Boolean(errors.service), team: Boolean(errors.team) }} />
        <FilterMenu name="ai" label="AI involvement" options={enumOptions(AI_INVOLVEMENTS)} selected={filters.ai} invalid={Boolean(errors.ai)} />
        <FilterMenu
          name="rootCause"
          label="Root cause"
          options={enumOptions(ROOT_CAUSE_CATEGORIES)}
          selected={filters.rootCause}
          invalid={Boolean(errors.rootCause)}
        />
        <FilterMenu
          name="postmortem"
          label="Postmortem"
          options={POSTMORTEM_FILTERS.map((state) => ({ value: state, label: postmortemLabel(state === "NONE" ? null : state) }))}
          selected={filters.postmortem}
          invalid={Boolean(errors.postmortem)}
        />
        <ChoiceFilter
          name="policyViolation"
          label="Policy violation"
          value={filters.policyViolation === undefined ? "" : String(filters.policyViolation)}
          choices={[
            ["true", "Violations only"],
            ["false", "No violation"],
          ]}
          invalid={Boolean(errors.policyViolation)}
        />
        <ChoiceFilter
          name="repeat"
          label="Repeats"
          value={filters.repeat ? "true" : ""}
          choices={[["true", "Repeats only"]]}
          invalid={Boolean(errors.repeat)}
        />
      </div>
    </ListFilterForm>
  );
}
