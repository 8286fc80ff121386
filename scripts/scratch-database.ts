import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { makeTempParent, startEmbeddedPostgres } from "../lib/db/embedded-postgres";

/** `url` with its database name replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates the database `name` on `adminUrl`'s server, empty or a copy of `template`; its URL. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await onServer(adminUrl, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  return databaseUrl(adminUrl, name);
}

/** Drops `name` on `adminUrl`'s server, whoever is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await onServer(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * Runs `work` against a new, empty database: on DATABASE_URL's server when set (created
 * and dropped there), otherwise on a throwaway embedded PostgreSQL.
 */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `scratch_${process.pid}_${Date.now()}`;
    const url = await createDatabase(external, name);
    try {
      return await work(url);
    } finally {
      await dropDatabase(external, name);
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
