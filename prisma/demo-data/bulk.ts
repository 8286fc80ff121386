// Many incidents at once, for speed work on the queries and pages: the realism rules of the
// demo year (timestamps, status, AI share rising, blast radius), without postmortems.
import pg from "pg";
import { SERVICES, TEAMS, USERS } from "./catalog";
import { DAY, MINUTE, assignReferences, buildIncident, randomTimeInDay } from "./incident";
import {
  ensureCatalogue,
  ensureOrganisationSettings,
  lockReferenceCounters,
  prepareIncidentWrites,
  saveReferenceCounters,
  type InsertedCounts,
} from "./insert";
import { createRandom, type Random } from "./random";
import { BATCH_SIZE, inTransaction, runStatements } from "./sql";
import type { DemoIncident } from "./types";

const SPAN = 3 * 365 * DAY;

/** Start instants of `count` incidents over the ~3 years before `now`, in order. */
function bulkStarts(random: Random, count: number, now: number): Float64Array {
  const from = now - SPAN;
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let day = Math.floor((from + random.next() * SPAN) / DAY) * DAY;
    const weekday = new Date(day).getUTCDay();
    // Weekends see about half the incidents of a weekday: redraw most weekend days once.
    if ((weekday === 0 || weekday === 6) && random.chance(0.5)) day = Math.floor((from + random.next() * SPAN) / DAY) * DAY;
    const startedAt = randomTimeInDay(random, day);
    // Today's later hours have not happened yet.
    starts[i] = startedAt > now - 10 * MINUTE ? Math.floor(now / 1000) * 1000 - random.int(10, 600) * MINUTE : startedAt;
  }
  return starts.sort();
}

/**
 * Bulk incidents in batches, oldest first, so that memory stays flat however many are asked
 * for. References are numbered from 1 within each batch: the insert shifts them above the
 * numbers already used, which makes them consecutive across batches.
 */
export function* bulkIncidentBatches(count: number, seed: number | string, now: Date, batchSize = BATCH_SIZE): Generator<DemoIncident[]> {
  // A seed of its own, so bulk incidents differ from the demo year's even with the same seed.
  const random = createRandom(`bulk:${seed}`);
  const nowMs = now.getTime();
  const starts = bulkStarts(random, count, nowMs);
  for (let first = 0; first < count; first += batchSize) {
    const batch: DemoIncident[] = [];
    for (let i = first; i < Math.min(count, first + batchSize); i++) {
      const startedAt = starts[i] as number;
      const aiShare = 0.1 + 0.35 * Math.max(0, (startedAt - (nowMs - SPAN)) / SPAN);
      const severity = random.chance(0.22) ? "SEV1" : "SEV2";
      batch.push(buildIncident(random, { severity, startedAt, aiShare }, nowMs));
    }
    assignReferences(batch);
    yield batch;
  }
}

/** `count` incidents started over the ~3 years before `now`, referenced in order of start. */
export function generateBulkIncidents(count: number, seed: number | string, now: Date): DemoIncident[] {
  const incidents = [...bulkIncidentBatches(count, seed, now)].flat();
  assignReferences(incidents);
  return incidents;
}

export type BulkResult = InsertedCounts & { generateMs: number; totalMs: number };

/**
 * Adds `count` bulk incidents to the database (creating the catalogue if absent) in one
 * transaction, a batch at a time: each batch is generated and prepared while the server is
 * still writing the one before.
 */
export async function insertBulkIncidents(databaseUrl: string, options: { count: number; seed: number | string; now?: Date }): Promise<BulkResult> {
  const started = performance.now();
  let generateMs = 0;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = await inTransaction(client, async () => {
      await ensureOrganisationSettings(client);
      const ids = await ensureCatalogue(client, { teams: TEAMS, services: SERVICES, users: USERS });
      const lastNumbers = await lockReferenceCounters(client);
      const total: InsertedCounts = { incidents: 0, postmortems: 0, timelineEvents: 0, fiveWhys: 0, actionItems: 0 };
      const batches = bulkIncidentBatches(options.count, options.seed, options.now ?? new Date());
      let writing: Promise<void> = Promise.resolve();
      for (;;) {
        const generating = performance.now();
        const next = batches.next();
        generateMs += performance.now() - generating;
        if (next.done) break;
        const { statements, counts: batchCounts } = prepareIncidentWrites(next.value, ids, lastNumbers);
        await writing;
        writing = runStatements(client, statements);
        for (const key of Object.keys(total) as (keyof InsertedCounts)[]) total[key] += batchCounts[key];
      }
      await writing;
      await saveReferenceCounters(client, lastNumbers);
      return total;
    });
    return { ...counts, generateMs: Math.round(generateMs), totalMs: Math.round(performance.now() - started) };
  } finally {
    await client.end();
  }
}
