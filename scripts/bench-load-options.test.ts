import { describe, expect, it } from "vitest";
import { LOAD_DEFAULTS, OptionError, parseLoadOptions } from "./bench-load-options";
import { parsePs, treeRssKb } from "./bench-server";
import { ingestBody } from "./bench-targets";
import { incidentInputSchema } from "@/features/incidents/schemas";

describe("parseLoadOptions", () => {
  it("defaults to 100 000 incidents, 10 connections, 10 s per target, with a build", () => {
    expect(parseLoadOptions([])).toEqual({ ...LOAD_DEFAULTS, build: true, services: undefined, teams: undefined, changes: undefined });
  });

  it("reads every option, ignoring npm's separators", () => {
    const options = parseLoadOptions([
      "--",
      "--incidents",
      "1_000_000",
      "--services",
      "2000",
      "--teams",
      "200",
      "--changes",
      "50000",
      "--connections",
      "4",
      "--duration",
      "3",
      "--floor-duration",
      "2",
      "--no-build",
      "--report",
      "x.md",
    ]);
    expect(options).toEqual({
      incidents: 1_000_000,
      services: 2000,
      teams: 200,
      changes: 50_000,
      connections: 4,
      duration: 3,
      floorDuration: 2,
      build: false,
      report: "x.md",
    });
    expect(parseLoadOptions(["--incidents", "0"]).incidents).toBe(0);
  });

  it("names a bad or unknown option", () => {
    expect(() => parseLoadOptions(["--connections", "0"])).toThrow(new OptionError('--connections must be a whole number of at least 1, got "0"'));
    expect(() => parseLoadOptions(["--duration", "2.5"])).toThrow(/--duration/);
    expect(() => parseLoadOptions(["--incidents", "many"])).toThrow(/--incidents/);
    expect(() => parseLoadOptions(["--wat"])).toThrow(OptionError);
  });
});

describe("treeRssKb", () => {
  it("adds up a process and all its descendants, nothing else", () => {
    const rows = parsePs("  10     1  1000\n  11    10   200\n  12    11    30\n  13     1  5000\nbad line\n");
    expect(rows).toHaveLength(4);
    expect(treeRssKb(rows, 10)).toBe(1230);
    expect(treeRssKb(rows, 11)).toBe(230);
    expect(treeRssKb(rows, 99)).toBe(0);
  });
});

describe("ingestBody", () => {
  it("makes a different valid incident for every request", () => {
    const bodies = [1, 2, 3, 4, 5].map((n) => ingestBody(n, Date.parse("2026-12-01T12:00:00Z")));
    expect(new Set(bodies).size).toBe(5);
    for (const body of bodies) expect(incidentInputSchema.safeParse(JSON.parse(body)).success).toBe(true);
  });
});
