// `npm run bench [-- options]`: the load benchmark (docs/running.md, results in
// docs/benchmarks.md). Builds the app, serves it as `npm start` does against a fresh database
// seeded with the demo year plus N bulk incidents, and measures every page and API a user
// waits on at a fixed concurrency, next to the same SQL through a plain pg Pool (its database
// floor) and the app's most trivial route (the framework floor). Exits 1 on any error response.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { buildApp, runCli, sampleRss, signIn, startApp } from "./bench-server";
import { OptionError, parseLoadOptions, type LoadOptions } from "./bench-load-options";
import { measureApp, measureFloor, REQUEST_TIMEOUT_MS, warmUp, type Caller } from "./bench-measure";
import { formatSection, goalMet, replaceSection, type RunFacts, type TargetResult } from "./bench-report";
import { seedBenchmarkDatabase, targetFactsOf } from "./bench-seed";
import { loadTargets } from "./bench-targets";
import { heapLimitMb } from "./serve-process";
import { withScratchDatabase } from "./scratch-database";

const RSS_LIMIT_MB = 600;
const EMAIL = "load-benchmark@ops-review.test";
const REPORT_INTRO = `# Load benchmark

\`npm run bench\` (options in [running.md](running.md#benchmark-it)) builds the app, serves it
as \`npm start\` does (same heap limit) against a fresh database holding the demo year plus N
bulk incidents, and measures each target below with autocannon at a fixed concurrency for a
fixed time. Latencies are of every response in that time. "× framework" divides a target's
p95 by that of \`GET /api/health\` in the same run; "floor" is the same SQL as the target's
handler runs, through a plain \`pg\` Pool at the same concurrency with no app
(\`scripts/bench-floors.ts\`), and "× floor" the ratio of the two p95s. A target is met when
its goal holds, it is within 3× of its database floor, and no request failed. One section per
N; a rerun replaces its own section.`;

const log = (line: string) => console.log(`[bench] ${line}`);

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return rows[0]?.server_version.split(" ")[0] ?? "unknown";
}

async function measureAll(
  url: string,
  options: LoadOptions,
  heapMb: number,
): Promise<{ results: TargetResult[]; facts: Omit<RunFacts, "machine" | "date"> & { postgres: string } }> {
  const seeded = await seedBenchmarkDatabase(url, options, log);
  const password = `bench-${Math.random().toString(36).slice(2)}-password`;
  runCli(url, ["user", "create", "--email", EMAIL, "--role", "LEAD", "--name", "Load Benchmark", "--password-stdin"], `${password}\n`);
  const token = runCli(url, ["token", "create", "--name", "load benchmark", "--role", "LEAD"]);
  const facts = await targetFactsOf(url);
  const secret = randomBytes(32).toString("base64url");
  let app = await startApp(url, heapMb, secret);
  const samplers = [sampleRss(app.process.pid as number)];
  const crashes: string[] = [];
  // A floor query gets the same time as a request to the app before it counts as an error.
  const pool = new pg.Pool({ connectionString: url, max: options.connections, statement_timeout: REQUEST_TIMEOUT_MS });
  const results: TargetResult[] = [];
  try {
    const cookie = await signIn(app.url, EMAIL, password);
    const caller: Caller = {
      url: app.url,
      headers: (target): Record<string, string> =>
        target.auth === "token" ? { authorization: `Bearer ${token}` } : target.auth === "session" ? { cookie } : {},
    };
    const context = { pool, timeZone: facts.timeZone, currentWeek: facts.currentWeek };
    for (const target of loadTargets(facts)) {
      const statuses = await warmUp(caller, target);
      if (statuses.some((s) => s < 200 || s >= 300)) log(`warm-up of ${target.name} answered ${statuses.join(", ")}`);
      const measured = await measureApp(caller, target, options.connections, options.duration);
      const floor = await measureFloor(context, target, options.connections, options.floorDuration);
      const result: TargetResult = { name: target.name, ...measured, errors: measured.errors + floor.errors, goal: target.goal, floor: floor.latency };
      results.push(result);
      log(
        `${target.name}: p95 ${result.latency.p95.toFixed(1)} ms, ${result.latency.perSecond.toFixed(0)}/s, floor p95 ${floor.latency.p95.toFixed(1)} ms, non-2xx ${result.non2xx}, errors ${result.errors}${goalMet(result) ? "" : " (goal not met)"}`,
      );
      if (app.process.exitCode !== null || app.process.signalCode !== null) {
        // The same secret, so the session cookie still holds; the rest is measured on a fresh server.
        const how = app.process.signalCode ?? `exit ${app.process.exitCode}`;
        crashes.push(`${target.name} (${how})`);
        log(`the server stopped (${how}) during ${target.name}: starting it again for the remaining targets`);
        result.errors = Math.max(result.errors, 1);
        app = await startApp(url, heapMb, secret);
        caller.url = app.url;
        samplers.push(sampleRss(app.process.pid as number));
      }
    }
  } finally {
    await pool.end();
    await app.stop();
  }
  const peakRssMb = Math.max(...samplers.map((sampler) => sampler.stop()));
  return {
    results,
    facts: {
      incidents: options.incidents,
      totalIncidents: seeded.incidents,
      services: seeded.services,
      teams: seeded.teams,
      changes: seeded.changes,
      connections: options.connections,
      duration: options.duration,
      floorDuration: options.floorDuration,
      seedSeconds: seeded.seconds,
      heapLimitMb: heapMb,
      peakRssMb,
      crashes,
      rssLimitMb: RSS_LIMIT_MB,
      postgres: await postgresVersion(url),
    },
  };
}

async function main(): Promise<number> {
  const options = parseLoadOptions(process.argv.slice(2));
  const heapMb = heapLimitMb();
  const loadBefore = os.loadavg();
  if (options.build) buildApp();
  // The scratch database goes on BENCH_DATABASE_URL's server when set, else on an embedded one.
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  const { results, facts } = await withScratchDatabase((url) => measureAll(url, options, heapMb));
  const { postgres, ...run } = facts;
  const machine = {
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    postgres,
    loadBefore,
    loadAfter: os.loadavg(),
  };
  const section = formatSection(
    { ...run, machine, date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC" },
    results,
    results[0]?.latency ?? null,
  );
  console.log(`\n${section}`);
  const existing = existsSync(options.report) ? readFileSync(options.report, "utf8") : REPORT_INTRO;
  writeFileSync(options.report, replaceSection(existing, section, REPORT_INTRO));
  log(`report written to ${options.report}`);
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failed) log(`error responses: ${r.name} (${r.non2xx} non-2xx, ${r.errors} errors)`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof OptionError ? `[bench] ${error.message}` : error);
    process.exit(error instanceof OptionError ? 2 : 1);
  },
);
