import Link from "next/link";
import { Button } from "@/components/ui/button";
import { isoWeekStartDate } from "@/lib/time/iso-week";
import { METRICS_RANGES, type MetricsPeriod } from "../params";
import { metricsHref, weekEndDate } from "../period-url";
import type { ServiceOption, TeamOption } from "../trends-context";
import { cardClass } from "@/components/ui/card";
import { SelectOptions } from "@/components/ui/select-options";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A team or service filter: every option by slug, and "all" as the empty value. */
function ScopeSelect(props: { name: string; label: string; all: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className={control}>
        <SelectOptions empty={props.all} options={props.options} />
      </select>
    </label>
  );
}

/**
 * The period (preset links, or from/to dates) and, when given the options, the team and
 * service: all in the URL, read by the server, so every view is a link.
 */
export function PeriodControls(props: { path: string; period: MetricsPeriod; teams?: TeamOption[]; services?: ServiceOption[] }) {
  const { period, path } = props;
  const { team, service } = period.scope;
  const custom = period.range === "custom";
  return (
    <div className={cardClass("none", "flex flex-wrap items-end gap-x-6 gap-y-3 print:hidden p-3")}>
      <nav aria-label="Period" className="flex items-center gap-1 text-sm">
        {METRICS_RANGES.map((range) => {
          const current = period.range === range;
          return (
            <Link
              key={range}
              href={metricsHref(path, { range, team, service })}
              aria-current={current ? "page" : undefined}
              className={`rounded-md px-2.5 py-1 font-medium ${current ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {range} weeks
            </Link>
          );
        })}
      </nav>
      <form method="get" action={path} aria-label="Filters" className="flex flex-wrap items-end gap-3">
        {!custom && <input type="hidden" name="range" value={period.range} />}
        <label className="flex flex-col text-xs font-medium text-slate-600">
          From
          <input type="date" name="from" defaultValue={custom ? isoWeekStartDate(period.from) : ""} className={control} />
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-600">
          To
          <input type="date" name="to" defaultValue={custom ? weekEndDate(period.to) : ""} className={control} />
        </label>
        {props.teams && (
          <ScopeSelect name="team" label="Team" all="All teams" value={team} options={props.teams.map((t) => ({ value: t.slug, label: t.name }))} />
        )}
        {props.services && (
          <ScopeSelect
            name="service"
            label="Service"
            all="All services"
            value={service}
            options={props.services.map((s) => ({ value: s.slug, label: `${s.name} (${s.team.name})` }))}
          />
        )}
        <Button type="submit">Apply</Button>
        {(custom || team || service) && (
          <Link href={path} className="py-1.5 text-sm font-medium text-slate-600 hover:text-indigo-700">
            Reset
          </Link>
        )}
      </form>
    </div>
  );
}
