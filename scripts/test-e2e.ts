// The browser tests: a fresh database (never the demo one) with demo data, the production
// build served against it, and Playwright driving the system's Chromium.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { findFreePort, makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../prisma/migrate";
import { seedDemoData } from "./seed";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`No Chromium at ${chromium}. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (npm test does).");
  process.exit(1);
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy at ${baseUrl} within ${timeoutMs / 1000} s`);
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => spawn(command, args, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));

let server: RunningPostgres | null = null;
let tempRoot: string | null = null;
const external = process.env.TEST_DATABASE_URL;
if (!external) {
  tempRoot = makeTempParent("ops-review-e2e-");
  server = await startEmbeddedPostgres({ dataDir: path.join(tempRoot, "pg"), persistent: false });
}
const adminUrl = external ?? server!.urlFor("postgres");
const databaseName = `e2e_${Date.now()}`;
const databaseUrl = await createDatabase(adminUrl, databaseName);
await applyMigrations(databaseUrl);
await seedDemoData(databaseUrl, { now: new Date() });

const port = await findFreePort();
const baseUrl = `http://127.0.0.1:${port}`;
// The same server as `npm start` (scripts/serve.ts), so that what the browser tests see is what ships.
const app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    OPS_REVIEW_DEMO: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    // Low enough that the throttling test reaches it quickly.
    SIGNIN_MAX_FAILURES: "5",
  },
});
let exitCode = 1;
try {
  await waitForHealth(baseUrl, 60_000);
  exitCode = await run(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
    ...process.env,
    E2E_BASE_URL: baseUrl,
    E2E_DATABASE_URL: databaseUrl,
  });
} finally {
  app.kill("SIGTERM");
  await new Promise((resolve) => (app.exitCode === null ? app.once("exit", resolve) : resolve(null)));
  if (server) await server.stop();
  else await dropDatabase(adminUrl, databaseName);
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
}
process.exit(exitCode);
