// What the production server needs to know about the app's connection pools to answer an
// overloaded or unreachable database with 503 instead of 500. Kept on globalThis: the server
// (scripts/app-server.ts) and the app's build load separate copies of this module.
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./unavailable";

/** How a request's database work failed, if it did: no free connection in time, or no database. */
export type DatabaseTrouble = "busy" | "down";

type RequestDatabaseState = { trouble?: DatabaseTrouble };

type PoolWatch = {
  pools: Set<pg.Pool>;
  /** When a wait for a connection of a full pool last timed out (ms since the epoch). */
  lastBusyAt: number;
  requests: AsyncLocalStorage<RequestDatabaseState>;
};

const KEY = Symbol.for("ops-review.pool-watch");
const store = globalThis as Record<symbol, PoolWatch | undefined>;
const watch = (): PoolWatch => (store[KEY] ??= { pools: new Set(), lastBusyAt: 0, requests: new AsyncLocalStorage() });

const isFull = (pool: pg.Pool) => pool.totalCount >= (pool.options.max ?? 10);

function noteFailure(pool: pg.Pool, error: unknown): void {
  if (!isDatabaseUnavailable(error)) return;
  // A timed-out wait while every connection was in use is load; anything else is an outage.
  const trouble: DatabaseTrouble = isFull(pool) && String(error).includes("timeout exceeded when trying to connect") ? "busy" : "down";
  if (trouble === "busy") watch().lastBusyAt = Date.now();
  const state = watch().requests.getStore();
  if (state && state.trouble !== "down") state.trouble = trouble;
}

type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, done?: (release?: unknown) => void) => void;

/** Reports `pool`'s failures to connect to the request they happened in, and counts it in `databaseOverloaded`. */
export function watchPool(pool: pg.Pool): pg.Pool {
  watch().pools.add(pool);
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | void;
  const watched = (callback?: ConnectCallback) => {
    if (callback) {
      return connect((error, client, done) => {
        if (error) noteFailure(pool, error);
        callback(error, client, done);
      });
    }
    return (connect() as Promise<pg.PoolClient>).catch((error: unknown) => {
      noteFailure(pool, error);
      throw error;
    });
  };
  pool.connect = watched as typeof pool.connect;
  return pool;
}

/**
 * Whether the app is over what its database can serve right now: a wait for a connection
 * timed out in the last few seconds, and some pool still has every connection in use and at
 * least as many queries queued as it has connections.
 */
export function databaseOverloaded(now = Date.now()): boolean {
  const { pools, lastBusyAt } = watch();
  for (const pool of pools) if (pool.ending) pools.delete(pool); // closed by $disconnect()
  if (now - lastBusyAt > DATABASE_RETRY_AFTER_SECONDS * 1_000) return false;
  return [...pools].some((pool) => isFull(pool) && pool.waitingCount >= (pool.options.max ?? 10));
}

/** A request's tracker: run the request's work in `run`, and `trouble()` says how its database work failed, if it did. */
export function trackDatabaseTrouble() {
  const state: RequestDatabaseState = {};
  return { run: <T>(work: () => T): T => watch().requests.run(state, work), trouble: () => state.trouble };
}
