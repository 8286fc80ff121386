import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { makeTempParent, startEmbeddedPostgres } from "../lib/db/embedded-postgres";

/**
 * Runs `work` against a new, empty database: on DATABASE_URL's server when set (created
 * and dropped there), otherwise on a throwaway embedded PostgreSQL.
 */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `scratch_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(external);
      url.pathname = `/${name}`;
      return await work(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  const root = makeTempParent("ops-review-scratch-");
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), persistent: false });
  try {
    return await work(server.urlFor("postgres"));
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
