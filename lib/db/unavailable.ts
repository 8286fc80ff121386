// What the pg pool, @prisma/adapter-pg and Prisma throw when PostgreSQL cannot be reached or
// no connection is free: each shape below was seen against a stopped, restarted or saturated
// server (lib/db/unavailable.test.ts provokes them).

/** Prisma's codes for "cannot reach", "timed out", "server closed the connection", "pool timeout", "too many connections". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);

/** adapter-pg's kinds for socket failures and a full server. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * PostgreSQL's own: class 08 (connection exception), 57P01 to 57P03 (shutting down, crashed,
 * starting up), 53300 (too many connections).
 */
const POSTGRES_CODE = /^(08...|57P0[123]|53300)$/;

/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** pg's messages, rethrown by adapter-pg and Prisma as plain errors. */
const PG_MESSAGES = [
  "timeout exceeded when trying to connect", // pool full for connectionTimeoutMillis
  "Connection terminated", // "… unexpectedly", "… due to connection timeout"
  "connection error and is not queryable", // a client whose socket broke, e.g. mid-transaction
  "Client was closed and is not queryable",
];

type Shape = { code?: unknown; kind?: unknown; severity?: unknown; message?: unknown; meta?: unknown; cause?: unknown; errorCode?: unknown };

const shapeOf = (value: unknown): Shape | null => (typeof value === "object" && value !== null ? (value as Shape) : null);

function matches(shape: Shape): boolean {
  if (typeof shape.code === "string") {
    if (PRISMA_CODES.has(shape.code) || SOCKET_CODES.has(shape.code)) return true;
    // adapter-pg's "postgres" kind, or pg's own DatabaseError (which has a severity)
    if ((shape.kind === "postgres" || typeof shape.severity === "string") && POSTGRES_CODE.test(shape.code)) return true;
  }
  if (typeof shape.errorCode === "string" && PRISMA_CODES.has(shape.errorCode)) return true; // PrismaClientInitializationError
  if (typeof shape.kind === "string" && ADAPTER_KINDS.has(shape.kind)) return true;
  if (typeof shape.message === "string" && PG_MESSAGES.some((text) => (shape.message as string).includes(text))) return true;
  return false;
}

/**
 * Whether `error` means the database is unreachable or has no connection to spare right now:
 * an outage to answer with 503 and Retry-After, not a bug to answer with 500. Looks through
 * Prisma's `meta.driverAdapterError` and each error's `cause`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const shape = shapeOf(queue.shift());
    if (!shape || seen.has(shape)) continue;
    seen.add(shape);
    if (matches(shape)) return true;
    const meta = shapeOf(shape.meta) as { driverAdapterError?: unknown } | null;
    queue.push(shape.cause, meta?.driverAdapterError);
  }
  return false;
}

/** Seconds a client should wait before retrying after a 503 for an unavailable database. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
