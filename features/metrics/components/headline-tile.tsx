import { SERIES_COLOURS } from "@/components/charts/palette";
import { Sparkline } from "@/components/charts/sparkline";
import { changeOf, formatDelta, formatHeadline, type Headline } from "@/features/metrics/headlines";
import { cardClass } from "@/components/ui/card";

const VERDICT_STYLE = {
  better: "text-emerald-700",
  worse: "text-red-700",
  neutral: "text-slate-600",
} as const;
const ARROW = { up: "▲", down: "▼", flat: "▶" } as const;
const SPARK_COLOUR = SERIES_COLOURS.indigo;

function TargetLine({ headline, target }: { headline: Headline; target: number }) {
  const met = headline.better === "lower" ? headline.value! <= target : headline.value! >= target;
  return (
    <p className="text-sm text-slate-600">
      Target {Number((target * 100).toFixed(4))} %: <strong className={met ? "text-emerald-700" : "text-red-700"}>{met ? "met" : "missed"}</strong>
    </p>
  );
}

/**
 * One headline figure: the value ("so far" while the period runs), how it moved against the
 * earlier figures (`previousLabel`; null: none to compare with), and its weekly trend.
 */
export function HeadlineTile({ headline, previousLabel, soFar }: { headline: Headline; previousLabel: string | null; soFar: boolean }) {
  const change = changeOf(headline);
  const verdictText = change ? (change.verdict === "neutral" ? "" : change.verdict === "better" ? " (better)" : " (worse)") : "";
  return (
    <section aria-label={headline.label} className={cardClass("sm", "flex flex-col gap-1 break-inside-avoid print:p-3 print:shadow-none")}>
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{headline.label}</h2>
      <p className="text-3xl font-bold tabular-nums text-slate-900 print:text-2xl">
        {formatHeadline(headline.value, headline.format)}
        {soFar && <span className="ml-1 text-sm font-medium text-slate-500"> so far</span>}
      </p>
      {headline.target !== undefined && headline.value !== null && <TargetLine headline={headline} target={headline.target} />}
      {previousLabel === null ? (
        <p className="text-sm text-slate-500">No earlier data to compare with</p>
      ) : (
        <p className={`text-sm font-medium ${change ? VERDICT_STYLE[change.verdict] : "text-slate-500"}`}>
          {change ? (
            <>
              <span aria-hidden>{ARROW[change.direction]} </span>
              {change.direction === "flat" ? "No change" : formatDelta(change.delta, headline.format)}
              <span className="sr-only">{verdictText}</span>
            </>
          ) : (
            "No comparison"
          )}
          <span className="font-normal text-slate-500">
            {" "}
            vs {formatHeadline(headline.previous, headline.format)} {previousLabel}
          </span>
        </p>
      )}
      {headline.trend.some((v) => v !== null) && (
        <Sparkline label={`${headline.label}, week by week`} points={headline.trend} color={SPARK_COLOUR} width={180} />
      )}
      <p className="text-xs text-slate-500">{headline.definition}</p>
    </section>
  );
}
