// A large load into a table is several times faster with its secondary indexes built once
// afterwards than kept up to date row by row (the full-text GIN index most of all).
import type { Queryable } from "./sql";

/** The tables a bulk incident load writes to. */
export const BULK_INCIDENT_TABLES = ["incidents", "incident_services", "audit_events", "postmortems", "timeline_events", "five_whys", "action_items"];

/** Below this many new rows, or when the table already holds more, the indexes are kept as they are. */
export const REBUILD_THRESHOLD = 10_000;

/** Whether adding `adding` rows to a table of `existing` is better done with its indexes rebuilt afterwards. */
export const shouldRebuildIndexes = (adding: number, existing: number): boolean => adding >= REBUILD_THRESHOLD && adding >= existing;

type IndexDefinition = { name: string; definition: string };

/**
 * Runs `work` with the secondary indexes of `tables` dropped, then creates them again from
 * their own definitions (so any index a later migration adds is kept too). Primary keys,
 * unique indexes and indexes a constraint owns stay. Inside a transaction, readers of those
 * tables wait until it commits.
 */
export async function withIndexesRebuiltAfter<T>(client: Queryable, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT format('%I.%I', n.nspname, ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND NOT i.indisprimary AND NOT i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY t.relname, ic.relname`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  const result = await work();
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const index of rows) await client.query(index.definition);
  return result;
}
