import type { ChartSpec } from "@/components/charts/chart-types";
import { SERIES_COLOURS } from "@/components/charts/palette";
import { label } from "@/lib/domain/incident-enums";
import type { CategoryCount, ServiceImpact } from "@/features/metrics/types";
import { DEFINITIONS } from "@/features/metrics/charts/definitions";
import { withMinuteTicks } from "@/features/metrics/charts/weekly-chart-specs";
import type { ChartContext } from "@/features/metrics/charts/weekly-chart-specs";

const categoryChart = (id: string, title: string, definition: string, counts: CategoryCount<string>[], ctx: ChartContext): ChartSpec => ({
  id,
  fileName: `${id}_${ctx.fileSuffix}.csv`,
  title,
  definition,
  layout: "categories",
  dimensions: [{ key: "category", label: "Category" }],
  series: [{ key: "count", label: "Incidents", color: SERIES_COLOURS.indigo, format: "count", mark: "bar" }],
  rows: counts.map((c) => ({ category: label(c.key), count: c.count })),
});

export const rootCauseChart = (counts: CategoryCount<string>[], ctx: ChartContext) =>
  categoryChart("root-causes", "Root-cause categories", DEFINITIONS.rootCause, counts, ctx);

export const blastRadiusChart = (counts: CategoryCount<string>[], ctx: ChartContext) =>
  categoryChart("blast-radius", "Blast radius distribution", DEFINITIONS.blastRadius, counts, ctx);

export function topServicesChart(services: ServiceImpact[], ctx: ChartContext): ChartSpec {
  return withMinuteTicks({
    id: "services-by-impact",
    fileName: `services-by-impact_${ctx.fileSuffix}.csv`,
    title: "Services with the most impact minutes",
    definition: DEFINITIONS.topServices,
    layout: "categories",
    dimensions: [
      { key: "service", label: "Service" },
      { key: "team", label: "Team" },
    ],
    series: [
      { key: "impactMinutes", label: "Impact minutes", color: SERIES_COLOURS.indigo, format: "minutes", mark: "bar" },
      { key: "incidents", label: "Incidents started", color: SERIES_COLOURS.muted, format: "count", mark: "bar" },
    ],
    rows: services.map((s) => ({ service: s.name, team: s.team, impactMinutes: s.impactMinutes, incidents: s.incidents })),
    emptyMessage: "No service had customer impact in this period.",
  });
}
