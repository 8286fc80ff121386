// Figures and the Markdown report of the load benchmark: latency percentiles, the ratios to
// the framework and database floors, whether each target is met, and docs/benchmarks.md's
// one section per number of incidents.

/** The `p`th percentile (0–100) of ascending `sorted` samples, nearest rank; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export type Latency = { p50: number; p95: number; p99: number; requests: number; perSecond: number };

export function summarise(samples: readonly number[], seconds: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), requests: sorted.length, perSecond: sorted.length / seconds };
}

/** A latency target (p95 at most `p95Ms`) or a throughput target (at least `perSecond` successful requests a second). */
export type Goal = { p95Ms: number } | { perSecond: number };

/** Each target must also stay within this many times its database floor's p95. */
export const FLOOR_FACTOR = 3;

export type TargetResult = {
  name: string;
  latency: Latency;
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** None for the framework floor, which is measured to compare the others with. */
  goal: Goal | null;
  floor: Latency | null;
};

export const ratio = (value: number, floor: number | undefined): number | null => (floor && floor > 0 && Number.isFinite(value) ? value / floor : null);

export function goalMet(result: TargetResult): boolean {
  if (result.non2xx > 0 || result.errors > 0 || result.latency.requests === 0) return false;
  if (result.goal === null) return true;
  const toFloor = ratio(result.latency.p95, result.floor?.p95);
  if (toFloor !== null && toFloor > FLOOR_FACTOR) return false;
  return "p95Ms" in result.goal ? result.latency.p95 <= result.goal.p95Ms : result.latency.perSecond >= result.goal.perSecond;
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : "—");
const times = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)}×`);
const goalText = (goal: Goal | null) => (goal === null ? "—" : "p95Ms" in goal ? `p95 ≤ ${goal.p95Ms} ms` : `≥ ${goal.perSecond}/s`);
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

export type RunFacts = {
  incidents: number;
  totalIncidents: number;
  services: number;
  teams: number;
  changes: number;
  connections: number;
  duration: number;
  floorDuration: number;
  seedSeconds: number;
  machine: { cores: number; memoryGiB: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  date: string;
  heapLimitMb: number;
  peakRssMb: number;
  rssLimitMb: number;
  /** The targets during which the server stopped (and was started again). */
  crashes: string[];
};

/** The heading that starts a run's section: one per number of bulk incidents. */
export const sectionHeading = (incidents: number) => `## ${grouped(incidents)} incidents`;

export function formatSection(facts: RunFacts, results: readonly TargetResult[], frameworkFloor: Latency | null): string {
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(" ");
  const lines = [
    sectionHeading(facts.incidents),
    "",
    `${facts.date}: ${facts.machine.cores} cores, ${facts.machine.memoryGiB} GiB, Node ${facts.machine.node}, PostgreSQL ${facts.machine.postgres}, ` +
      `load average ${load(facts.machine.loadBefore)} before and ${load(facts.machine.loadAfter)} after.`,
    `Demo year plus ${grouped(facts.incidents)} bulk incidents (${grouped(facts.totalIncidents)} in all), ${grouped(facts.services)} services, ` +
      `${grouped(facts.teams)} teams, ${grouped(facts.changes)} changes; seeded in ${facts.seedSeconds.toFixed(0)} s. ` +
      `${facts.connections} connections, ${facts.duration} s per target, ${facts.floorDuration} s per database floor.`,
    "",
    "| target | p50 ms | p95 ms | p99 ms | req/s | non-2xx | errors | × framework | floor p95 ms | × floor | goal | met |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const { latency: l } = r;
    const cells = [
      r.name,
      ms(l.p50),
      ms(l.p95),
      ms(l.p99),
      l.perSecond.toFixed(0),
      String(r.non2xx),
      String(r.errors),
      times(ratio(l.p95, frameworkFloor?.p95)),
      r.floor ? ms(r.floor.p95) : "—",
      times(ratio(l.p95, r.floor?.p95)),
      goalText(r.goal),
      goalMet(r) ? "yes" : "**no**",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const rssMet = facts.peakRssMb <= facts.rssLimitMb;
  if (facts.crashes.length > 0) lines.push("", `The server stopped during: ${facts.crashes.join("; ")}; it was started again for the targets after.`);
  lines.push(
    "",
    `Peak server RSS (the server's whole process tree): ${facts.peakRssMb.toFixed(0)} MB, heap limit ${facts.heapLimitMb} MB; goal ≤ ${facts.rssLimitMb} MB: ${rssMet ? "met" : "**not met**"}.`,
    "",
  );
  return lines.join("\n");
}

/**
 * `document` with the section of `heading` replaced by `section` (or added), sections kept in
 * order of their number of incidents.
 */
export function replaceSection(document: string, section: string, intro: string): string {
  const parts = document.split(/^(?=## )/m);
  const first = parts[0] ?? "";
  const head = first.trim() === "" || first.startsWith("## ") ? intro : first;
  const sections = parts.filter((p) => p.startsWith("## "));
  const headingOf = (text: string) => text.split("\n", 1)[0] ?? "";
  const kept = sections.filter((s) => headingOf(s) !== headingOf(section));
  const size = (text: string) => Number(/^## ([\d ]+) incidents/.exec(headingOf(text))?.[1]?.replaceAll(" ", "") ?? Number.MAX_SAFE_INTEGER);
  const ordered = [...kept, section.endsWith("\n") ? section : `${section}\n`].sort((a, b) => size(a) - size(b));
  return [head.trimEnd() + "\n\n", ...ordered.map((s) => s.trimEnd() + "\n\n")].join("").trimEnd() + "\n";
}
