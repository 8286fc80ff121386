// Many changes at once (`npm run db:seed -- --changes N`), for speed work on the change
// metrics: the demo year's mix (AI share rising, violators failing most) over the two years
// before now, on the catalogue's services. Each change fails as often as its group is meant
// to (TARGET_FAILURE_RATE), and a failed one comes with the incident it caused, filled from
// it as the app fills one; the rest are linked to nothing. New incidents rather than existing
// ones relinked: an existing incident's change fields would disagree with its new change, and
// without any failures the change failure rate would read a flat, implausible zero.
// References are `DEP-<n>`, numbered above any already used, so running it twice only adds.
import { DAY, MINUTE, assignReferences, buildIncident, minutesFromDeployToImpact } from "./incident";
import { addCounts, bulkStarts, inBulkTransaction, noCounts, writeBatches, type BulkResult } from "./bulk";
import { TARGET_FAILURE_RATE, buildChange, changeGroupOf, specOfGroup, type ChangeGroup } from "./changes";
import { prepareChangeWrites, prepareIncidentWrites } from "./insert";
import { createRandom } from "./random";
import { BATCH_SIZE } from "./sql";
import type { DemoChange, DemoIncident } from "./types";

const SPAN = 2 * 365 * DAY;
/** Share of changes an AI tool was involved in, two years ago and now. */
const AI_SHARE_FIRST = 0.1;
const AI_SHARE_LAST = 0.5;
/** Of the AI-involved changes, those with the sign-off the policy requires. */
const COMPLIANT_SHARE = 0.8;
const MISMATCH_SHARE = 0.015;

export type BulkChangeBatch = { changes: DemoChange[]; incidents: DemoIncident[] };

/** Bulk changes in batches, oldest first, numbered `DEP-<firstNumber>` on; incidents are numbered from 1 per batch. */
export function* bulkChangeBatches(count: number, seed: number | string, now: Date, firstNumber = 1, batchSize = BATCH_SIZE): Generator<BulkChangeBatch> {
  const random = createRandom(`bulk-changes:${seed}`);
  const nowMs = now.getTime();
  // Teams hardly ship at weekends: nine weekend days in ten are drawn again.
  const deploys = bulkStarts(random, count, nowMs, SPAN, 0.9);
  for (let first = 0; first < count; first += batchSize) {
    const batch: BulkChangeBatch = { changes: [], incidents: [] };
    for (let i = first; i < Math.min(count, first + batchSize); i++) {
      const deployedAt = deploys[i] as number;
      const aiShare = AI_SHARE_FIRST + (AI_SHARE_LAST - AI_SHARE_FIRST) * Math.max(0, (deployedAt - (nowMs - SPAN)) / SPAN);
      const group: ChangeGroup | "mismatch" = random.chance(aiShare)
        ? random.chance(COMPLIANT_SHARE)
          ? "compliant"
          : "violating"
        : random.chance(MISMATCH_SHARE / (1 - aiShare))
          ? "mismatch"
          : "NONE";
      const spec = { ...specOfGroup(random, group, deployedAt), reference: `DEP-${firstNumber + i}` };
      const change = buildChange(random, spec);
      batch.changes.push(change);
      const startedAt = deployedAt + minutesFromDeployToImpact(random) * MINUTE;
      if (!random.chance(TARGET_FAILURE_RATE[changeGroupOf(change)]) || startedAt > nowMs - 10 * MINUTE) continue;
      const severity = random.chance(0.22) ? "SEV1" : "SEV2";
      batch.incidents.push(buildIncident(random, { severity, startedAt, aiShare, change: spec }, nowMs));
    }
    assignReferences(batch.incidents);
    yield batch;
  }
}

export type BulkChangesResult = BulkResult & { changes: number };

/** Adds `count` bulk changes, and the incidents of the failed ones, in one transaction. */
export async function insertBulkChanges(databaseUrl: string, options: { count: number; seed: number | string; now?: Date }): Promise<BulkChangesResult> {
  const started = performance.now();
  const written = await inBulkTransaction(databaseUrl, async ({ client, ids, lastNumbers }) => {
    // Held to the end, so that a concurrent run cannot hand out the same DEP numbers.
    await client.query("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE");
    const { rows } = await client.query<{ last: string }>(
      String.raw`SELECT coalesce(max(substring(reference FROM '^DEP-(\d+)$')::bigint), 0) AS last FROM changes`,
    );
    const total = { ...noCounts(), changes: 0 };
    const batches = bulkChangeBatches(options.count, options.seed, options.now ?? new Date(), Number(rows[0]?.last ?? 0) + 1);
    const generateMs = await writeBatches(client, batches, (batch) => {
      const incidents = prepareIncidentWrites(batch.incidents, ids, lastNumbers);
      addCounts(total, incidents.counts);
      total.changes += batch.changes.length;
      return [...prepareChangeWrites(batch.changes, ids.services), ...incidents.statements];
    });
    return { ...total, generateMs: Math.round(generateMs) };
  });
  return { ...written, totalMs: Math.round(performance.now() - started) };
}
