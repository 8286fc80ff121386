import { formatAvailability, formatCount, formatMinutes } from "@/lib/figure-text";
import { CHANGE_DEFINITIONS, changeFigureLines } from "../change-words";
import type { WeekChangeFigures, WeekFigures } from "../agenda-types";
import { formatUntil, type MetricsBaselineKind, type WeekSoFar } from "../so-far";

type Figure = { key: keyof WeekFigures; name: string; format: (n: number) => string; higherIsBetter: boolean; definition: string };

const FIGURES: Figure[] = [
  { key: "sev1", name: "Sev1", format: formatCount, higherIsBetter: false, definition: "Sev1 incidents that started in the week." },
  { key: "sev2", name: "Sev2", format: formatCount, higherIsBetter: false, definition: "Sev2 incidents that started in the week." },
  {
    key: "impactMinutes",
    name: "Impact minutes",
    format: (n) => formatMinutes(Math.round(n)),
    higherIsBetter: false,
    definition: "Minutes of the week with customer impact from at least one incident; overlapping incidents are counted once.",
  },
  { key: "availability", name: "Availability", format: formatAvailability, higherIsBetter: true, definition: "1 − impact minutes / minutes in the week." },
];

function Trend({ figure, week, baseline }: { figure: Figure; week: number; baseline: number }) {
  const delta = week - baseline;
  if (Math.abs(delta) < 1e-9) return <span className="text-slate-500">= same as the mean</span>;
  const better = delta > 0 === figure.higherIsBetter;
  return (
    <span className={better ? "text-emerald-700" : "text-red-700"}>
      <span aria-hidden>{delta > 0 ? "▲" : "▼"}</span> {delta > 0 ? "up" : "down"} {better ? "(better)" : "(worse)"}
    </span>
  );
}

/** The week's changes: how many failed, AI-involved against the others, and how many lacked the required sign-off. */
function ChangeFigures({ changes }: { changes: WeekChangeFigures | null }) {
  const [headline, ...rest] = changeFigureLines(changes);
  return (
    <section aria-label="Changes deployed" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 className="text-sm font-semibold text-slate-600">Change failure rate</h3>
      <p className="mt-1 text-xl font-bold text-slate-900 tabular-nums">{headline}</p>
      {rest.map((line) => (
        // Each group's figures stay together when the line wraps on a narrow screen.
        <p key={line} className="mt-1 text-base text-slate-800 tabular-nums">
          {line.split(" · ").map((part, index) => (
            <span key={part}>
              {index > 0 && " · "}
              <span className="inline-block">{part}</span>
            </span>
          ))}
        </p>
      ))}
      {changes && (
        <ul role="note" aria-label="Change definitions" className="mt-2 space-y-0.5 text-xs text-slate-500">
          {CHANGE_DEFINITIONS.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

const BASELINE_NOTE: Record<MetricsBaselineKind, string> = {
  "whole-weeks": "Each figure is compared with the mean of the four weeks before.",
  "same-elapsed": "While the week runs, each figure is compared with the mean of the four weeks before over the same elapsed time, from Monday 00:00.",
  none: "The week was still running when the figures were frozen: they are not compared with whole weeks.",
};

function SoFarNote({ soFar, baselineKind }: { soFar: WeekSoFar | null; baselineKind: MetricsBaselineKind }) {
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <strong className="font-semibold">Week still running:</strong> figures so far{soFar ? ` (Monday 00:00 to ${formatUntil(soFar.until)})` : ""}.{" "}
      {baselineKind === "same-elapsed" ? "Compared with the four weeks before up to the same time." : "Week still running — compared when it ends."}
    </p>
  );
}

/**
 * The week at a glance: each figure against the mean of the four weeks before (over the same
 * elapsed time while the week runs), then the week's changes.
 */
export function MetricsDetail({
  week,
  baseline,
  changes,
  soFar,
  baselineKind,
}: {
  week: WeekFigures;
  baseline: WeekFigures;
  changes: WeekChangeFigures | null;
  soFar: WeekSoFar | null;
  baselineKind: MetricsBaselineKind;
}) {
  const running = baselineKind !== "whole-weeks";
  return (
    <div className="space-y-3">
      {running && <SoFarNote soFar={soFar} baselineKind={baselineKind} />}
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {FIGURES.map((figure) => (
          <div key={figure.key} title={figure.definition} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
            <dt className="text-sm font-semibold text-slate-600">{figure.name}</dt>
            <dd className="mt-1 text-4xl font-bold tabular-nums text-slate-900">
              {figure.format(week[figure.key])}
              {running && <span className="ml-1 text-sm font-medium text-slate-500"> so far</span>}
            </dd>
            {baselineKind === "none" ? (
              <dd className="mt-1 text-sm text-slate-600">Not compared: the week was still running</dd>
            ) : (
              <>
                <dd className="mt-1 text-sm font-semibold">
                  <Trend figure={figure} week={week[figure.key]} baseline={baseline[figure.key]} />
                </dd>
                <dd className="text-sm text-slate-600">
                  4-week mean{running ? " to the same time" : ""}:{" "}
                  {figure.format(figure.key === "availability" ? baseline[figure.key] : Number(baseline[figure.key].toFixed(1)))}
                </dd>
              </>
            )}
          </div>
        ))}
      </dl>
      <ul role="note" aria-label="Definitions" className="grid gap-x-6 gap-y-0.5 text-xs text-slate-500 sm:grid-cols-2">
        {FIGURES.map((f) => (
          <li key={f.key}>
            <strong className="font-semibold">{f.name}:</strong> {f.definition}
          </li>
        ))}
        <li>{BASELINE_NOTE[baselineKind]}</li>
      </ul>
      <ChangeFigures changes={changes} />
    </div>
  );
}
