// `npm run bench [-- options]`: the load benchmark of the whole app (scripts/bench-load.ts,
// results in docs/benchmarks.md). `npm run bench -- <name> [options]` runs one of the query
// benchmarks instead (docs/running.md, figures in docs/performance.md). Never part of npm test.
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHMARKS: Record<string, { file: string; about: string }> = {
  metrics: { file: "scripts/bench-metrics.ts", about: "the trends queries and the whole dashboard" },
  reviews: { file: "scripts/bench-reviews.ts", about: "the reviews list, a review page live and frozen, the agenda API" },
  changes: { file: "scripts/bench-changes.ts", about: "the change failure rate and the executive comparison" },
  import: { file: "scripts/bench-import.ts", about: "the CSV import of 100 000 rows, dry run and real (--rows N)" },
  webhooks: { file: "scripts/bench-webhooks.ts", about: "filing a Sev1 with no webhook, an answering one and a hanging one (--filings N)" },
  similar: { file: "scripts/bench-similar.ts", about: "similar incidents of 50 incidents spread over the history: median, p95" },
  "incident-list": { file: "features/incidents/list/benchmark.ts", about: "every filter and sort of the incident list (needs DATABASE_URL)" },
};
const LOAD = { file: "scripts/bench-load.ts", about: "(no name) the load benchmark: every page and API under concurrent clients" };

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const [first, ...rest] = args;
if (first === "help" || first === "--help" || first === "-h") {
  console.log(`usage: npm run bench [-- --incidents N --services N --teams N --changes N --connections 10 --duration 10 --no-build]`);
  console.log(`       npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [options]`);
  for (const [key, { about }] of Object.entries(BENCHMARKS)) console.log(`  ${key.padEnd(14)} ${about}`);
  console.log(`  ${"".padEnd(14)} ${LOAD.about}`);
  process.exit(0);
}
// A first argument that is not an option names a query benchmark; anything else is the load run's.
const named = first !== undefined && !first.startsWith("-");
const benchmark = named ? BENCHMARKS[first] : LOAD;
if (!benchmark) {
  console.error(`unknown benchmark "${first}": one of ${Object.keys(BENCHMARKS).join(", ")}, or none for the load benchmark (npm run bench -- help)`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), benchmark.file, ...(named ? rest : args)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
