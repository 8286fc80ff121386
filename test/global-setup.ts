import path from "node:path";
import type { TestProject } from "vitest/node";
import { makeTempParent, startEmbeddedPostgres } from "../lib/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A URL of a database on the test server from which test databases are created. */
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL's server when set, otherwise an
 * embedded one under the OS temp directory. Each test file creates and drops its own database.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide("adminDatabaseUrl", external);
    return;
  }
  const dataDir = path.join(makeTempParent("ops-review-test-"), "pg");
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
  };
}
