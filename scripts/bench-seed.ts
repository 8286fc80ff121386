// The load benchmark's database: migrated, the demo year, bulk incidents (optionally over a
// wide organisation) and changes, fresh statistics; and the facts the targets are built from.
import pg from "pg";
import { insertBulkChanges } from "../prisma/demo-data/bulk-changes";
import { insertBulkIncidents } from "../prisma/demo-data/bulk";
import { encodeCursor } from "../features/incidents/list/sort";
import { addWeeks, formatIsoWeek, isoWeekOf, isoWeekStartDate, zonedDateString, type IsoWeek } from "../lib/time/iso-week";
import { applyMigrations } from "../prisma/migrate";
import type { LoadOptions } from "./bench-load-options";
import type { TargetFacts } from "./bench-targets";
import { seedDemoData } from "./seed";

/** How deep the deep-cursor page of the incident list is (about page 1 000). */
const DEEP_ROWS = 25_000;

export type SeededCounts = { incidents: number; services: number; teams: number; changes: number; seconds: number };

export async function seedBenchmarkDatabase(url: string, options: LoadOptions, log: (line: string) => void): Promise<SeededCounts> {
  const started = performance.now();
  await applyMigrations(url);
  await seedDemoData(url);
  log(`demo year seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (options.incidents > 0) {
    const bulk = await insertBulkIncidents(url, { count: options.incidents, seed: "bench", services: options.services, teams: options.teams });
    log(`${bulk.incidents} bulk incidents (${bulk.postmortems} postmortems) in ${(bulk.totalMs / 1000).toFixed(1)} s`);
  }
  if (options.changes) {
    const changes = await insertBulkChanges(url, { count: options.changes, seed: "bench" });
    log(`${changes.changes} bulk changes (and ${changes.incidents} incidents) in ${(changes.totalMs / 1000).toFixed(1)} s`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
    const { rows } = await client.query<{ incidents: string; services: string; teams: string; changes: string }>(
      "SELECT (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM services) AS services, (SELECT count(*) FROM teams) AS teams, (SELECT count(*) FROM changes) AS changes",
    );
    const counts = rows[0]!;
    const seconds = (performance.now() - started) / 1000;
    log(`seeded and analysed in ${seconds.toFixed(1)} s: ${counts.incidents} incidents`);
    return { incidents: Number(counts.incidents), services: Number(counts.services), teams: Number(counts.teams), changes: Number(counts.changes), seconds };
  } finally {
    await client.end();
  }
}

/** The organisation's zone, a busy recent week without a held review, and a cursor deep in the incident list. */
export async function targetFactsOf(url: string): Promise<TargetFacts & { timeZone: string; currentWeek: IsoWeek }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const zone = (await client.query<{ time_zone: string }>("SELECT time_zone FROM organisation_settings WHERE id = 1")).rows[0]?.time_zone ?? "UTC";
    const now = new Date();
    const current = isoWeekOf(now, zone);
    const { rows: weeks } = await client.query<{ week: string }>(
      `SELECT to_char(started_at AT TIME ZONE $1, 'IYYY-"W"IW') AS week, count(*) AS n FROM incidents
       WHERE started_at > now() - interval '8 weeks' GROUP BY 1
       HAVING to_char(started_at AT TIME ZONE $1, 'IYYY-"W"IW') NOT IN (SELECT iso_week FROM reviews WHERE started_at IS NOT NULL)
       ORDER BY n DESC LIMIT 1`,
      [zone],
    );
    const { rows: deep } = await client.query<{ started_at: Date; id: string; severity: string }>(
      "SELECT started_at, id, severity FROM incidents ORDER BY started_at DESC, id DESC OFFSET LEAST($1, (SELECT count(*) / 2 FROM incidents)) LIMIT 1",
      [DEEP_ROWS],
    );
    const position = deep[0];
    if (!position) throw new Error("the benchmark database has no incidents");
    return {
      timeZone: zone,
      currentWeek: current,
      busyWeek: weeks[0]?.week ?? formatIsoWeek(addWeeks(current, -1)),
      deepCursor: encodeCursor("startedAt", { startedAt: position.started_at, id: position.id, severity: position.severity }),
      today: zonedDateString(now, zone),
      from52: isoWeekStartDate(addWeeks(current, -51)),
      from13: isoWeekStartDate(addWeeks(current, -12)),
    };
  } finally {
    await client.end();
  }
}
