import { randomBytes } from "node:crypto";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { makeTempParent, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../prisma/migrate";
import { createDatabase, dropDatabase } from "../scripts/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL of a database on the test server from which test databases are created. */
    adminDatabaseUrl: string;
    /** A database on that server with every migration applied, which test databases are copied from. */
    migratedTemplate: string;
  }
}

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL's server when set, otherwise an
 * embedded one under the OS temp directory. Each test file creates and drops its own database,
 * a copy of one migrated once here (copying is several times faster than migrating).
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? null : await startEmbeddedPostgres({ dataDir: path.join(makeTempParent("ops-review-test-"), "pg"), persistent: false });
  const adminUrl = external ?? server!.urlFor("postgres");
  const template = `test_template_${randomBytes(6).toString("hex")}`;
  await applyMigrations(await createDatabase(adminUrl, template));
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("migratedTemplate", template);
  return async () => {
    await dropDatabase(adminUrl, template);
    await server?.stop();
  };
}
