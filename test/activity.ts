import pg from "pg";

/**
 * Resolves once a query containing `fragment` runs on the database of `url`. A Prisma query
 * starts only when awaited, and then only after its connection is made: a fixed sleep before
 * acting on it is a race on a loaded machine.
 */
export async function untilQueryRuns(url: string, fragment: string, timeoutMs = 10_000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND position($1 in query) > 0",
        [fragment],
      );
      if (Number(rows[0]?.n) > 0) return;
      if (Date.now() > deadline) throw new Error(`no query with "${fragment}" started within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
