import Link from "next/link";
import { isoWeekStartDate } from "@/lib/time/iso-week";
import { METRICS_RANGES, type MetricsPeriod } from "../params";
import { metricsHref, weekEndDate } from "../period-url";
import type { ServiceOption, TeamOption } from "../trends-context";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The period (preset links, or from/to dates) and, when given the options, the team and
 * service: all in the URL, read by the server, so every view is a link.
 */
export function PeriodControls(props: { path: string; period: MetricsPeriod; teams?: TeamOption[]; services?: ServiceOption[] }) {
  const { period, path } = props;
  const { team, service } = period.scope;
  const custom = period.range === "custom";
  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm print:hidden">
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
          <label className="flex flex-col text-xs font-medium text-slate-600">
            Team
            <select name="team" defaultValue={team ?? ""} className={control}>
              <option value="">All teams</option>
              {props.teams.map((t) => (
                <option key={t.slug} value={t.slug}>{t.name}</option>
              ))}
            </select>
          </label>
        )}
        {props.services && (
          <label className="flex flex-col text-xs font-medium text-slate-600">
            Service
            <select name="service" defaultValue={service ?? ""} className={control}>
              <option value="">All services</option>
              {props.services.map((s) => (
                <option key={s.slug} value={s.slug}>{s.name} ({s.team.name})</option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500">
          Apply
        </button>
        {(custom || team || service) && (
          <Link href={path} className="py-1.5 text-sm font-medium text-slate-600 hover:text-indigo-700">
            Reset
          </Link>
        )}
      </form>
    </div>
  );
}
