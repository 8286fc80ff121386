// Many incidents at once, for speed work on the queries and pages: the realism rules of the
// demo year (timestamps, status, AI share rising, blast radius), postmortems for half the SEV1s
// and a tenth of the SEV2s, optionally over a wide organisation (bulk-catalogue.ts).
import pg from "pg";
import { SERVICES, TEAMS, USERS } from "./catalog";
import { wideCatalogue, type WideCatalogue } from "./bulk-catalogue";
import { BULK_INCIDENT_TABLES, shouldRebuildIndexes, withIndexesRebuiltAfter } from "./bulk-indexes";
import { DAY, MINUTE, assignReferences, buildIncident, randomTimeInDay } from "./incident";
import {
  ensureCatalogue,
  ensureOrganisationSettings,
  lockReferenceCounters,
  prepareIncidentWrites,
  saveReferenceCounters,
  type CatalogueIds,
  type InsertedCounts,
} from "./insert";
import { addPostmortem } from "./postmortem";
import { createRandom, type Random } from "./random";
import { BATCH_SIZE, inTransaction, runStatements, type Statement } from "./sql";
import type { DemoCatalogue, DemoIncident } from "./types";

const SPAN = 3 * 365 * DAY;
/** Share of bulk incidents with a postmortem (and its timeline, five whys and action items). */
const POSTMORTEM_SHARE = { SEV1: 0.5, SEV2: 0.1 } as const;

/**
 * `count` instants over the `span` before `now`, in order, mostly in working hours; a
 * weekend day is drawn again with `weekendRedraw` chance (incidents: about half as many at weekends).
 */
export function bulkStarts(random: Random, count: number, now: number, span = SPAN, weekendRedraw = 0.5): Float64Array {
  const from = now - span;
  const starts = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let day = Math.floor((from + random.next() * span) / DAY) * DAY;
    const weekday = new Date(day).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random.chance(weekendRedraw)) day = Math.floor((from + random.next() * span) / DAY) * DAY;
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
export function* bulkIncidentBatches(count: number, seed: number | string, now: Date, batchSize = BATCH_SIZE, wide?: WideCatalogue): Generator<DemoIncident[]> {
  // A seed of its own, so bulk incidents differ from the demo year's even with the same seed.
  const random = createRandom(`bulk:${seed}`);
  // And one for the spread over a wide organisation, which leaves the rest as it is.
  const spread = createRandom(`bulk-wide:${seed}`);
  const nowMs = now.getTime();
  const starts = bulkStarts(random, count, nowMs);
  for (let first = 0; first < count; first += batchSize) {
    const batch: DemoIncident[] = [];
    for (let i = first; i < Math.min(count, first + batchSize); i++) {
      const startedAt = starts[i] as number;
      const aiShare = 0.1 + 0.35 * Math.max(0, (startedAt - (nowMs - SPAN)) / SPAN);
      const severity = random.chance(0.22) ? "SEV1" : "SEV2";
      const incident = buildIncident(random, { severity, startedAt, aiShare }, nowMs);
      if (random.chance(POSTMORTEM_SHARE[severity])) addPostmortem(random, incident, nowMs);
      if (wide) incident.serviceSlugs = incident.serviceSlugs.map((slug) => wide.siblingOf(spread, slug));
      batch.push(incident);
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

export type BulkWrite = { client: pg.Client; ids: CatalogueIds; lastNumbers: Map<number, number> };

/**
 * Runs `work` in one transaction on a new connection, with the catalogue ensured (created if
 * absent) and the incident reference counters locked, then raised past what `work` wrote.
 */
export async function inBulkTransaction<T>(
  databaseUrl: string,
  work: (write: BulkWrite) => Promise<T>,
  catalogue: DemoCatalogue = { teams: TEAMS, services: SERVICES, users: USERS },
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await inTransaction(client, async () => {
      await ensureOrganisationSettings(client);
      const ids = await ensureCatalogue(client, catalogue);
      const lastNumbers = await lockReferenceCounters(client);
      const result = await work({ client, ids, lastNumbers });
      await saveReferenceCounters(client, lastNumbers);
      return result;
    });
  } finally {
    await client.end();
  }
}

/**
 * Writes batches as they come: each is generated and prepared while the server is still
 * writing the one before, so memory stays flat. Returns the milliseconds spent generating.
 */
export async function writeBatches<Batch>(client: pg.Client, batches: Iterator<Batch>, prepare: (batch: Batch) => Statement[]): Promise<number> {
  let generateMs = 0;
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const generating = performance.now();
    const next = batches.next();
    generateMs += performance.now() - generating;
    if (next.done) break;
    const statements = prepare(next.value);
    await writing;
    writing = runStatements(client, statements);
  }
  await writing;
  return generateMs;
}

export function addCounts(total: InsertedCounts, counts: InsertedCounts): void {
  for (const key of Object.keys(counts) as (keyof InsertedCounts)[]) total[key] += counts[key];
}

export const noCounts = (): InsertedCounts => ({ incidents: 0, postmortems: 0, timelineEvents: 0, fiveWhys: 0, actionItems: 0 });

export type BulkIncidentOptions = {
  count: number;
  seed: number | string;
  now?: Date;
  /** A wide organisation: this many services and teams in all (at least the catalogue's 15 and 5). */
  services?: number;
  teams?: number;
};

/**
 * Adds `count` bulk incidents to the database (creating the catalogue if absent) in one
 * transaction, a batch at a time; a load at least as big as what is there rebuilds the
 * tables' indexes once at the end instead of row by row.
 */
export async function insertBulkIncidents(databaseUrl: string, options: BulkIncidentOptions): Promise<BulkResult> {
  const started = performance.now();
  const wide =
    options.services !== undefined || options.teams !== undefined ? wideCatalogue({ services: options.services ?? 0, teams: options.teams ?? 0 }) : undefined;
  const written = await inBulkTransaction(
    databaseUrl,
    async ({ client, ids, lastNumbers }) => {
      const total = noCounts();
      const batches = bulkIncidentBatches(options.count, options.seed, options.now ?? new Date(), BATCH_SIZE, wide);
      const write = () =>
        writeBatches(client, batches, (incidents) => {
          const { statements, counts } = prepareIncidentWrites(incidents, ids, lastNumbers);
          addCounts(total, counts);
          return statements;
        });
      const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM incidents");
      const rebuild = shouldRebuildIndexes(options.count, Number(rows[0]?.count ?? 0));
      const generateMs = rebuild ? await withIndexesRebuiltAfter(client, BULK_INCIDENT_TABLES, write) : await write();
      return { ...total, generateMs: Math.round(generateMs) };
    },
    wide,
  );
  return { ...written, totalMs: Math.round(performance.now() - started) };
}
