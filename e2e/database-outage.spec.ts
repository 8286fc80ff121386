import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort, makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { createDatabaseWithViewer, signIn, startOwnApp } from "./own-app";

// The pages while PostgreSQL is down, and after it is back. This spec runs an app and a
// database of its own, so stopping the database disturbs no other test.
test.describe.configure({ mode: "serial" });

const viewer = { email: "outage@example.test", password: "a long enough password" };
let dataDir = "";
let dbPort = 0;
let baseUrl = "";
let database: RunningPostgres;
let app: ChildProcess;

const startDatabase = (persistent: boolean) => startEmbeddedPostgres({ dataDir, port: dbPort, persistent });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = path.join(makeTempParent("ops-review-e2e-outage-"), "pg");
  dbPort = await findFreePort();
  database = await startDatabase(true);
  const url = await createDatabaseWithViewer(database, "outage", viewer);
  ({ app, baseUrl } = await startOwnApp(url, { DATABASE_CONNECT_TIMEOUT_MS: "1000" }));
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await database?.stop();
});

test("with the database down, pages say so and offer to try again; once it is back, Try again shows the page", async ({ page }) => {
  await signIn(page, baseUrl, viewer);

  await database.stop();
  const answer = await page.goto(`${baseUrl}/incidents`);
  expect(answer?.status(), "an outage is a 503, not a 500").toBe(503);
  expect(answer?.headers()["retry-after"]).toMatch(/^\d+$/);
  await expect(page.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  expect((await page.context().request.get(`${baseUrl}/api/health`)).status()).toBe(503);

  database = await startDatabase(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
});
