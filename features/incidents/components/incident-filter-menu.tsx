export type FilterOption = { value: string; label: string; group?: string };

/**
 * A filter that takes several values: a disclosure of checkboxes named after the URL
 * parameter, so the form also works as a plain GET without JavaScript.
 */
export function FilterMenu(props: { name: string; label: string; options: FilterOption[]; selected: string[]; invalid?: boolean }) {
  const selected = new Set(props.selected);
  const groups = [...new Set(props.options.map((option) => option.group ?? ""))];
  const chosen = props.options.filter((option) => selected.has(option.value)).map((option) => option.label);
  return (
    // One name for all the menus: opening one closes the others (an exclusive accordion, no script).
    <details name="incident-filter-menu" className="relative">
      <summary
        className={`cursor-pointer list-none rounded-md border bg-white px-3 py-1.5 text-sm shadow-sm ${props.invalid ? "border-red-500" : "border-slate-300"} ${chosen.length ? "font-semibold text-indigo-800" : "text-slate-700"}`}
      >
        {props.label}
        {chosen.length ? `: ${chosen.length <= 2 ? chosen.join(", ") : `${chosen.length} chosen`}` : ""} <span aria-hidden="true">▾</span>
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-80 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{props.label}</legend>
        {groups.map((group) => (
          <div key={group} className="mb-2 last:mb-0">
            {group && <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{group}</p>}
            {props.options
              .filter((option) => (option.group ?? "") === group)
              .map((option) => (
                <label key={option.value} className="flex items-center gap-2 py-0.5 text-sm">
                  <input type="checkbox" name={props.name} value={option.value} defaultChecked={selected.has(option.value)} />
                  {option.label}
                </label>
              ))}
          </div>
        ))}
      </fieldset>
    </details>
  );
}

type ServiceTeamOptions = { services: { slug: string; name: string; team: { name: string } }[]; teams: { slug: string; name: string }[] };

/** The service (grouped by team) and team filters, as the incident and change lists both offer them. */
export function ServiceTeamFilterMenus(props: {
  options: ServiceTeamOptions;
  selected: { service: string[]; team: string[] };
  invalid: { service?: boolean; team?: boolean };
}) {
  return (
    <>
      <FilterMenu
        name="service"
        label="Service"
        options={props.options.services.map((s) => ({ value: s.slug, label: s.name, group: s.team.name }))}
        selected={props.selected.service}
        invalid={props.invalid.service}
      />
      <FilterMenu
        name="team"
        label="Team"
        options={props.options.teams.map((t) => ({ value: t.slug, label: t.name }))}
        selected={props.selected.team}
        invalid={props.invalid.team}
      />
    </>
  );
}
