import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { mintToken } from "./cli";
import { bearer } from "./fixtures/api";
import { createDatabaseWithViewer, signIn, startOwnApp } from "./own-app";

// The app's pool of two connections held busy: a lock on the sessions table, which every
// signed-in request reads, makes requests hold their connections while the next ones wait.
// This spec runs an app and a database of its own, so the lock disturbs no other test.
test.describe.configure({ mode: "serial" });

const viewer = { email: "busy@example.test", password: "a long enough password" };
let database: RunningPostgres;
let url = "";
let baseUrl = "";
let app: ChildProcess;
let token = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startEmbeddedPostgres({ dataDir: path.join(makeTempParent("ops-review-e2e-busy-"), "pg"), persistent: false });
  url = await createDatabaseWithViewer(database, "busy", viewer);
  ({ app, baseUrl } = await startOwnApp(url, { DATABASE_POOL_MAX: "2", EXPORT_MAX_CONCURRENT: "1", DATABASE_CONNECT_TIMEOUT_MS: "500" }));
  token = mintToken("busy", "VIEWER", url);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await database?.stop();
});

test("with every connection held, pages answer 503 with the busy page and the API 503 problem+json, each with Retry-After; then the app carries on", async ({
  page,
}) => {
  await signIn(page, baseUrl, viewer);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE");
  // Two requests take both connections and wait on the lock.
  const held = [1, 2].map(() => fetch(`${baseUrl}/incidents`, { headers: { cookie } }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  let released = false;
  try {
    const pageAnswer = await fetch(`${baseUrl}/incidents`, { headers: { cookie } });
    expect(pageAnswer.status).toBe(503);
    expect(pageAnswer.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(pageAnswer.headers.get("content-type")).toContain("text/html");
    expect(await pageAnswer.text()).toContain("Ops Review is busy");

    const apiAnswer = await fetch(`${baseUrl}/api/v1/incidents`, { headers: bearer(token) });
    expect(apiAnswer.status).toBe(503);
    expect(apiAnswer.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(apiAnswer.headers.get("content-type")).toBe("application/problem+json");
    expect(await apiAnswer.json()).toMatchObject({ status: 503 });

    await page.goto(`${baseUrl}/incidents`);
    await expect(page.getByRole("heading", { name: "Ops Review is busy" })).toBeVisible();

    await locker.query("COMMIT");
    released = true;
    // The held requests waited, or were refused as busy: never a 500.
    for (const answer of await Promise.all(held)) expect([200, 503]).toContain(answer.status);
  } finally {
    if (!released) await locker.query("ROLLBACK");
    await locker.end();
  }
  // The page streams in behind its skeleton, so the retry clicks only while the busy page is still shown.
  const tryAgain = page.getByRole("link", { name: "Try again" });
  await expect(async () => {
    if (await tryAgain.isVisible()) await tryAgain.click();
    await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
});
