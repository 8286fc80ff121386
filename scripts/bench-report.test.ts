import { describe, expect, it } from "vitest";
import { formatSection, goalMet, percentile, ratio, replaceSection, sectionHeading, summarise, type RunFacts, type TargetResult } from "./bench-report";

const latency = (p95: number, perSecond = 100) => ({ p50: p95 / 2, p95, p99: p95 * 2, requests: 1000, perSecond });
const result = (overrides: Partial<TargetResult> = {}): TargetResult => ({
  name: "GET /api/v1/incidents",
  latency: latency(80),
  non2xx: 0,
  errors: 0,
  goal: { p95Ms: 100 },
  floor: latency(30),
  ...overrides,
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it("summarises unsorted samples with their rate", () => {
    expect(summarise([30, 10, 20, 40], 2)).toEqual({ p50: 20, p95: 40, p99: 40, requests: 4, perSecond: 2 });
  });
});

describe("goalMet", () => {
  it("needs the goal, no failed request and at most 3× the database floor", () => {
    expect(goalMet(result())).toBe(true);
    expect(goalMet(result({ latency: latency(120) }))).toBe(false);
    expect(goalMet(result({ non2xx: 1 }))).toBe(false);
    expect(goalMet(result({ errors: 1 }))).toBe(false);
    expect(goalMet(result({ floor: latency(20) }))).toBe(false); // 80 ms is 4× a 20 ms floor
    expect(goalMet(result({ floor: null }))).toBe(true);
    expect(goalMet(result({ goal: null, floor: latency(1) }))).toBe(true); // the framework floor
    expect(goalMet(result({ goal: null, non2xx: 1 }))).toBe(false);
    expect(goalMet(result({ latency: summarise([], 10) }))).toBe(false); // nothing answered in time
  });

  it("reads a throughput goal as successful requests a second", () => {
    expect(goalMet(result({ goal: { perSecond: 300 }, latency: latency(25, 310) }))).toBe(true);
    expect(goalMet(result({ goal: { perSecond: 300 }, latency: latency(25, 290) }))).toBe(false);
  });

  it("has no ratio without a floor", () => {
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(10, undefined)).toBeNull();
    expect(ratio(10, 4)).toBe(2.5);
  });
});

const facts: RunFacts = {
  incidents: 100_000,
  totalIncidents: 100_281,
  services: 15,
  teams: 5,
  changes: 3_600,
  connections: 10,
  duration: 10,
  floorDuration: 5,
  seedSeconds: 42,
  machine: { cores: 2, memoryGiB: 24, node: "20.20.2", postgres: "18.1", loadBefore: [1, 2, 3], loadAfter: [4, 5, 6] },
  date: "2026-12-01 23:00 UTC",
  heapLimitMb: 384,
  peakRssMb: 412.4,
  rssLimitMb: 600,
  crashes: [],
};

describe("formatSection", () => {
  it("prints the machine, the data, a row per target with its ratios and verdict, and the peak RSS", () => {
    const text = formatSection(facts, [result(), result({ name: "page /dashboard", latency: latency(900), goal: { p95Ms: 500 } })], latency(8));
    expect(text.startsWith("## 100 000 incidents\n")).toBe(true);
    expect(text).toContain("2 cores, 24 GiB, Node 20.20.2, PostgreSQL 18.1, load average 1.00 2.00 3.00 before");
    expect(text).toContain("100 000 bulk incidents (100 281 in all), 15 services, 5 teams, 3 600 changes; seeded in 42 s");
    expect(text).toContain("| GET /api/v1/incidents | 40 | 80 | 160 | 100 | 0 | 0 | 10.0× | 30 | 2.7× | p95 ≤ 100 ms | yes |");
    expect(text).toContain("| page /dashboard | 450 | 900 | 1800 | 100 | 0 | 0 | 112.5× | 30 | 30.0× | p95 ≤ 500 ms | **no** |");
    expect(text).toContain("Peak server RSS (the server's whole process tree): 412 MB, heap limit 384 MB; goal ≤ 600 MB: met.");
    expect(text).not.toContain("stopped");
    expect(formatSection({ ...facts, crashes: ["page /reviews/2026-W48 (SIGABRT)"] }, [], null)).toContain(
      "The server stopped during: page /reviews/2026-W48 (SIGABRT); it was started again for the targets after.",
    );
  });
});

describe("replaceSection", () => {
  const section = (n: number, body: string) => `${sectionHeading(n)}\n\n${body}\n`;

  it("starts a new report with the intro", () => {
    expect(replaceSection("", section(100_000, "a"), "# Intro")).toBe("# Intro\n\n## 100 000 incidents\n\na\n");
  });

  it("replaces the section of the same N, keeps the others, in order of N", () => {
    const document = `# Intro\n\ntext\n\n${section(1_000_000, "big")}\n${section(100_000, "old")}`;
    const updated = replaceSection(document, section(100_000, "new"), "# Other intro");
    expect(updated).toBe("# Intro\n\ntext\n\n## 100 000 incidents\n\nnew\n\n## 1 000 000 incidents\n\nbig\n");
    expect(replaceSection(updated, section(10_000, "small"), "")).toMatch(/## 10 000 incidents[\s\S]*## 100 000 incidents[\s\S]*## 1 000 000 incidents/);
  });
});
