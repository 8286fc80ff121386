import type { Database } from "./client";

/**
 * Takes the first free one of `count` slots called `name` for the rest of the transaction, or
 * null when every slot is taken. Slots are PostgreSQL advisory locks, so the limit holds across
 * every app instance on the database, and a slot is freed when its transaction ends, however
 * it ends (commit, rollback, a connection that dies).
 */
export async function takeTransactionSlot(tx: Pick<Database, "$queryRaw">, name: string, count: number): Promise<number | null> {
  for (let slot = 0; slot < count; slot++) {
    const [row] = await tx.$queryRaw<{ taken: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${name}::text), ${slot}::int) AS taken`;
    if (row?.taken) return slot;
  }
  return null;
}
