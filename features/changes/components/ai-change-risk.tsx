import { SERIES_COLOURS } from "@/components/charts/palette";
import { shareTicks } from "@/components/charts/ticks";
import type { ChangeComparison, GroupRate } from "@/features/changes/metrics-comparison";
import { kOfN, MIN_CHANGES_TO_TELL } from "@/features/changes/metrics-comparison";
import type { AiIncidentComparison, IncidentGroupFigures } from "@/features/metrics/ai-incidents";
import { formatHeadline } from "@/features/metrics/headlines";
import { cardClass } from "@/components/ui/card";

const percent = (fraction: number | null) => (fraction === null ? "—" : `${(fraction * 100).toFixed(1)} %`);
const TONE = { more: "text-red-700", less: "text-emerald-700", unknown: "text-slate-900" } as const;

/** The 95 % interval as a bar on a scale shared by both groups, the observed rate as a tick. */
function IntervalBar({ group, scale, colour }: { group: GroupRate; scale: number; colour: string }) {
  if (!group.interval || group.changeFailureRate === null) return null;
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  return (
    <div aria-hidden className="relative mt-1 h-3 rounded-full bg-slate-100">
      <span
        className="absolute inset-y-0 rounded-full opacity-40"
        style={{ left: at(group.interval.low), width: `calc(${at(group.interval.high)} - ${at(group.interval.low)})`, background: colour }}
      />
      <span className="absolute -inset-y-0.5 w-0.5 rounded" style={{ left: at(group.changeFailureRate), background: colour }} />
    </div>
  );
}

function GroupRateFigure({ name, group, scale, colour }: { name: string; group: GroupRate; scale: number; colour: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-semibold text-slate-700">{name}</dt>
      <dd className="text-sm text-slate-600">
        <span className="text-2xl font-bold tabular-nums text-slate-900 print:text-xl">
          {group.changes === 0 ? "no changes" : percent(group.changeFailureRate)}
        </span>
        <span className="block tabular-nums">{kOfN(group)} failed</span>
        {group.interval && (
          <span className="block tabular-nums">
            95 % interval {(group.interval.low * 100).toFixed(1)}–{percent(group.interval.high)}
          </span>
        )}
        <IntervalBar group={group} scale={scale} colour={colour} />
      </dd>
    </div>
  );
}

const INCIDENT_ROWS: { label: string; value: (g: IncidentGroupFigures) => string }[] = [
  { label: "Incidents", value: (g) => formatHeadline(g.incidents, "count") },
  { label: "Impact minutes", value: (g) => formatHeadline(g.impactMinutes, "minutes") },
  { label: "Sev1 share", value: (g) => formatHeadline(g.sev1Share, "share") },
  { label: "Median time to mitigate", value: (g) => formatHeadline(g.ttm.median, "minutes") },
];

function IncidentsAlone({ incidents }: { incidents: AiIncidentComparison }) {
  return (
    <div className="min-w-0 space-y-2">
      <h3 className="text-sm font-semibold text-slate-700">From incidents alone</h3>
      <table className="w-full text-sm">
        <thead className="text-left text-xs font-semibold text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-2 font-semibold">
              <span className="sr-only">Figure</span>
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              AI-involved
            </th>
            <th scope="col" className="py-1 text-right font-semibold">
              Other
            </th>
          </tr>
        </thead>
        <tbody>
          {INCIDENT_ROWS.map((row) => (
            <tr key={row.label} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-600">
                {row.label}
              </th>
              <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums text-slate-900">{row.value(incidents.aiInvolved)}</td>
              <td className="whitespace-nowrap py-1 text-right tabular-nums text-slate-900">{row.value(incidents.other)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Incidents started in the period, by their change&apos;s AI involvement. Impact: minutes in which an incident of the group hurt customers, overlaps
        counted once.
      </p>
    </div>
  );
}

/** The executive summary's answer to "are AI-involved changes failing more often?", and the incidents' side beside it. */
export function AiChangeRisk({ comparison, incidents }: { comparison: ChangeComparison; incidents: AiIncidentComparison }) {
  const { verdict, aiInvolved, other } = comparison;
  const tone = verdict.kind === "clear" ? (verdict.aiFailsMore ? TONE.more : TONE.less) : TONE.unknown;
  const scale = shareTicks(Math.max(aiInvolved.interval?.high ?? 0, other.interval?.high ?? 0)).at(-1)!;
  return (
    <section
      aria-label="Are AI-involved changes failing more often?"
      className={cardClass("sm", "grid gap-4 break-inside-avoid md:grid-cols-[3fr_2fr] print:grid-cols-[3fr_2fr] print:gap-3 print:p-3 print:shadow-none")}
    >
      <div className="min-w-0 space-y-3">
        <div className="space-y-1">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Are AI-involved changes failing more often?</h2>
          <p className={`text-xl font-bold ${tone} print:text-lg`}>{comparison.headline}</p>
          <p className="text-sm text-slate-600">{comparison.detail}</p>
        </div>
        <dl className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
          <GroupRateFigure name="AI-involved changes" group={aiInvolved} scale={scale} colour={SERIES_COLOURS.violet} />
          <GroupRateFigure name="Other changes" group={other} scale={scale} colour={SERIES_COLOURS.sky} />
        </dl>
        <p className="text-xs text-slate-500">
          Failed: named as the trigger of a Sev1 or Sev2 incident. AI-involved: assisted, generated or agent, as declared or as the commit trailers show. A
          difference is claimed only when each group has {MIN_CHANGES_TO_TELL} changes or more and the 95 % (Wilson) intervals, the bars from 0 to{" "}
          {percent(scale)}, do not overlap.
        </p>
      </div>
      <IncidentsAlone incidents={incidents} />
    </section>
  );
}
