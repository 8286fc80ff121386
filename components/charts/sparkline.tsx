"use client";

import { Line, LineChart, YAxis } from "recharts";

/**
 * A small trend line without axes, for a headline figure. The points are the weekly values
 * the server computed; a week without a value leaves a gap.
 */
// A fixed size, not responsive: it must draw the same on the server, on screen and on paper.
export function Sparkline(props: { label: string; points: (number | null)[]; color: string; width?: number; height?: number }) {
  const data = props.points.map((value, index) => ({ index, value }));
  return (
    <div role="img" aria-label={props.label}>
      <LineChart width={props.width ?? 200} height={props.height ?? 44} data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line dataKey="value" type="linear" stroke={props.color} strokeWidth={1.75} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
