// `npm run bench -- <name> [options]`: runs one of the benchmarks (docs/running.md, figures in
// docs/performance.md). Benchmarks are never part of npm test.
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHMARKS: Record<string, { file: string; about: string }> = {
  metrics: { file: "scripts/bench-metrics.ts", about: "the trends queries and the whole dashboard" },
  reviews: { file: "scripts/bench-reviews.ts", about: "the reviews list, a review page live and frozen, the agenda API" },
  changes: { file: "scripts/bench-changes.ts", about: "the change failure rate and the executive comparison" },
  "incident-list": { file: "features/incidents/list/benchmark.ts", about: "every filter and sort of the incident list (needs DATABASE_URL)" },
};

const [name, ...rest] = process.argv.slice(2).filter((arg) => arg !== "--");
const benchmark = name === undefined ? undefined : BENCHMARKS[name];
if (!benchmark) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  for (const [key, { about }] of Object.entries(BENCHMARKS)) console.error(`  ${key.padEnd(14)} ${about}`);
  process.exit(name === undefined ? 0 : 2);
}
const result = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), benchmark.file, ...rest], { stdio: "inherit" });
process.exit(result.status ?? 1);
