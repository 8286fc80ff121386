import { Suspense } from "react";
import { ChartFigure } from "./chart-figure";
import type { ChartSpec } from "./chart-types";
import { ChartSkeleton } from "./chart-skeleton";

async function AwaitedChart({ spec }: { spec: Promise<ChartSpec> }) {
  return <ChartFigure spec={await spec} />;
}

/** One chart card whose figures are still coming, with a skeleton of the same size until they come. */
export function SuspendedChart({ title, spec }: { title: string; spec: Promise<ChartSpec> }) {
  return (
    <Suspense fallback={<ChartSkeleton title={title} />}>
      <AwaitedChart spec={spec} />
    </Suspense>
  );
}
