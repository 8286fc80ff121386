import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { findFreePort, makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/prisma/migrate";

// The pages while PostgreSQL is down, and after it is back. This spec runs an app and a
// database of its own, so stopping the database disturbs no other test.
test.describe.configure({ mode: "serial" });

const email = "outage@example.test";
const password = "a long enough password";
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
  const admin = new pg.Client({ connectionString: database.urlFor("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE outage");
  await admin.end();
  const url = database.urlFor("outage");
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO users (id, email, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'VIEWER', $2, now())", [email, await hashPassword(password)]);
  await client.end();

  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      OPS_REVIEW_DEMO: "",
    },
  });
  for (let waited = 0; ; waited += 250) {
    if (waited > 60_000) throw new Error("the outage app did not start");
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await database?.stop();
});

test("with the database down, pages say so and offer to try again; once it is back, Try again shows the page", async ({ page }) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);

  await database.stop();
  await page.goto(`${baseUrl}/incidents`);
  await expect(page.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  expect((await page.context().request.get(`${baseUrl}/api/health`)).status()).toBe(503);

  database = await startDatabase(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
});
