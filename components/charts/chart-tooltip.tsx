"use client";

import type { TooltipContentProps } from "recharts";
import type { ChartSpec } from "./chart-types";
import { formatReadable } from "@/components/charts/series-format";

type Props = Partial<TooltipContentProps<number, string>> & { spec: ChartSpec };

/** The values of one point, durations as people read them, under the point's label. */
export function ChartTooltip({ active, payload, spec }: Props) {
  if (!active || !payload?.length) return null;
  const row = payload[0]?.payload as Record<string, string | number | null> | undefined;
  if (!row) return null;
  const [first, ...rest] = spec.dimensions;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-semibold text-slate-900">
        {first ? row[first.key] : null}
        {first && spec.soFar !== undefined && row[first.key] === spec.soFar && <span className="font-normal text-slate-500"> so far</span>}
        {rest.map((d) =>
          row[d.key] ? (
            <span key={d.key} className="font-normal text-slate-500">
              {" "}
              · {d.label} {row[d.key]}
            </span>
          ) : null,
        )}
      </p>
      <dl className="mt-1 space-y-0.5">
        {spec.series.map((s) => (
          <div key={s.key} className="flex items-center justify-between gap-4">
            <dt className="flex items-center gap-1.5 text-slate-600">
              <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: `var(--color-${s.key})` }} />
              {s.label}
            </dt>
            <dd className="font-medium tabular-nums text-slate-900">{formatReadable(row[s.key], s.format, s.missing)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
