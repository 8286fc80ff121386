// Fast bulk writes with plain pg: one `INSERT ... SELECT FROM unnest(...)` per batch sends
// a whole batch in one round trip with a fixed number of parameters, whatever its size.
import type pg from "pg";

export type Queryable = Pick<pg.ClientBase, "query">;

export type Column<Row> = {
  name: string;
  /** The column's SQL type, e.g. `uuid`, `timestamptz`, `"Severity"`, `text[]`, `jsonb`. */
  type: string;
  value: (row: Row) => unknown;
};

export const BATCH_SIZE = 5_000;

/**
 * A PostgreSQL array literal of `values`, every element quoted. Building it here rather than
 * in pg lets the next batch be prepared while the server is still inserting the previous one.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ",";
    const value = values[i];
    if (value === null || value === undefined) {
      literal += "NULL";
      continue;
    }
    // Instants travel as epoch milliseconds: toISOString costs a microsecond a call, in bulk.
    const text = value instanceof Date ? String(value.getTime()) : String(value);
    literal += `"${text.includes("\\") || text.includes('"') ? text.replace(/[\\"]/g, "\\$&") : text}"`;
  }
  return `${literal}}`;
}

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Columns written as a table, one `column type` a line, each read from the field of
 * `source(row)` that is the column's name in camelCase (`started_at` → `startedAt`).
 * Array columns travel as array literals and `jsonb` ones as JSON, as insertStatements wants.
 */
export function fieldColumns<Row>(source: (row: Row) => object, table: string): Column<Row>[] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [name = "", type = ""] = line.trim().split(/\s+/);
      const field = camelCase(name);
      const read = (row: Row) => (source(row) as Record<string, unknown>)[field];
      if (type.endsWith("[]")) return { name, type, value: (row: Row) => arrayLiteral(read(row) as unknown[]) };
      if (type === "jsonb") return { name, type, value: (row: Row) => JSON.stringify(read(row)) };
      return { name, type, value: read };
    });
}

/** How a column's values travel: as its own type, or as text or epoch milliseconds converted in the SELECT. */
function encodingOf(type: string, alias: string): { param: string; select: string } {
  if (type === "timestamptz") return { param: "float8[]", select: `to_timestamp(${alias} / 1000)` };
  if (type.endsWith("[]") || type === "jsonb") return { param: "text[]", select: `${alias}::${type}` };
  return { param: `${type}[]`, select: alias };
}

export type Statement = { text: string; values: unknown[] };

/** The statements that insert `rows`, one per batch; array and jsonb columns travel as text. */
export function insertStatements<Row>(table: string, columns: readonly Column<Row>[], rows: readonly Row[], batchSize = BATCH_SIZE): Statement[] {
  const aliases = columns.map((_, i) => `c${i}`);
  const encodings = columns.map((c, i) => encodingOf(c.type, aliases[i] as string));
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const params = encodings.map((e, i) => `$${i + 1}::${e.param}`).join(", ");
  const select = encodings.map((e) => e.select).join(", ");
  const text = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${params}) AS u(${aliases.join(", ")})`;
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    // Column-major: one array literal per column.
    statements.push({ text, values: columns.map((c) => arrayLiteral(batch.map((row) => c.value(row)))) });
  }
  return statements;
}

/**
 * Sends statements back to back on one connection: pg queues them, so the server never
 * waits for the client in between. After a failure the rest fail too (the transaction is
 * aborted); the first error is the one reported.
 */
export async function runStatements(client: Queryable, statements: readonly Statement[]): Promise<void> {
  await Promise.all(statements.map((s) => client.query(s.text, s.values)));
}

/** Runs `work` in one transaction: a failed seed leaves nothing half-written. */
export async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      console.error("ROLLBACK after a failed seed failed too:", rollbackError);
    });
    throw error;
  }
}
