// Speed and memory of the CSV import, for docs/performance.md ("CSV import"):
//   npm run bench -- import [--rows 100000]
// A scratch database gets the migrations and 4 teams with 12 services; then a CSV of `--rows`
// incidents in the export's columns (all of them, derived ones too, with quoted summaries that
// hold commas, quotes and line breaks) is generated as it is read, never held whole, and
// imported twice: a dry run, then for real. Each prints its wall time, rows per second and the
// process's peak resident memory so far.
import { parseArgs } from "node:util";
import { systemActor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/db/client";
import { CSV_HEADER, csvLine } from "../features/incidents/list/csv";
import { importIncidentsCsv } from "../features/incidents/import/mutations";
import { applyMigrations } from "../prisma/migrate";
import { createTeamsWithServices } from "../test/catalogue";
import { withScratchDatabase } from "./scratch-database";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { rows: { type: "string" } } });
const ROWS = Number(values.rows ?? 100_000);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error(`--rows must be a whole number of at least 1, got "${values.rows}"`);

const TEAMS = ["storefront", "platform", "payments", "data"];
const SERVICES = TEAMS.flatMap((team) => [1, 2, 3].map((n) => `${team}-svc-${n}`));
const SEVERITIES = ["SEV1", "SEV2"];
const CATEGORIES = ["CODE_CHANGE", "CONFIG_CHANGE", "DEPENDENCY", "CAPACITY", "UNKNOWN"];
const AI = ["NONE", "NONE", "ASSISTED", "GENERATED", "AGENT"];

/** Row `n` of the file in the export's 29 columns: resolved, over the six years before 2026. */
function rowOf(n: number): string {
  const start = Date.UTC(2020, 0, 1) + n * Math.floor((6 * 365 * 86_400_000) / ROWS);
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const year = new Date(start).getUTCFullYear();
  const services = n % 7 === 0 ? [SERVICES[n % 12]!, SERVICES[(n + 5) % 12]!] : [SERVICES[n % 12]!];
  return csvLine([
    `INC-${year}-${String(n + 1).padStart(6, "0")}`,
    `Incident ${n}: ${services[0]} errors`,
    SEVERITIES[n % 2],
    "RESOLVED",
    services.join(" "),
    "",
    at(0),
    at(7),
    at(45),
    at(300),
    45,
    7,
    45,
    300,
    100 + (n % 5000),
    n % 3 === 0 ? 250 : null,
    "eu-west-1",
    "checkout",
    services.length > 1 ? "MULTI_SERVICE" : "SINGLE_SERVICE",
    CATEGORIES[n % CATEGORIES.length],
    `Row ${n}: a "quoted" word, a comma,\r\nand a second line.`,
    n % 4 === 0 ? `deploy-${n}` : null,
    AI[n % 5] === "NONE" ? null : "MID",
    "PEER",
    AI[n % 5],
    AI[n % 5] === "NONE" ? null : "Claude",
    false,
    "NONE",
    "Customers saw errors; retried requests succeeded.",
  ]);
}

/** The file, made a chunk of 200 rows at a time as the importer reads it. */
function generatedCsv(): { stream: ReadableStream<Uint8Array>; bytes: () => number } {
  const encoder = new TextEncoder();
  let next = 0;
  let bytes = 0;
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(CSV_HEADER)),
    pull(controller) {
      if (next >= ROWS) return controller.close();
      const lines: string[] = [];
      for (const end = Math.min(next + 200, ROWS); next < end; next++) lines.push(rowOf(next));
      const chunk = encoder.encode(lines.join(""));
      bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

await withScratchDatabase(async (url) => {
  await applyMigrations(url);
  const db = createPrismaClient({ url, poolMax: 4 });
  try {
    await createTeamsWithServices(
      db,
      TEAMS.map((team) => ({ slug: team, name: team, services: Object.fromEntries(SERVICES.filter((s) => s.startsWith(team)).map((s) => [s, s])) })),
    );
    console.log(`${ROWS} rows; peak RSS before importing ${peakRssMb()} MB\n`);
    console.log("| run | rows | imported | skipped | errors | wall | rows/s | file | peak RSS so far |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const dryRun of [true, false]) {
      const file = generatedCsv();
      const started = performance.now();
      const result = await importIncidentsCsv(db, file.stream, { dryRun }, systemActor("benchmark"));
      const seconds = (performance.now() - started) / 1000;
      if (result.errors.length > 0) console.error(result.errors.slice(0, 5));
      console.log(
        `| ${dryRun ? "dry run" : "import"} | ${result.rows} | ${result.imported} | ${result.skipped} | ${result.errorCount ?? result.errors.length} | ${seconds.toFixed(1)} s | ${Math.round(result.rows / seconds)} | ${(file.bytes() / 1024 / 1024).toFixed(1)} MB | ${peakRssMb()} MB |`,
      );
    }
    console.log(
      `\n${await db.incident.count()} incidents and ${await db.auditEvent.count({ where: { action: "incident.import" } })} import events in the database`,
    );
  } finally {
    await db.$disconnect();
  }
});
