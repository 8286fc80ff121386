// The browser tests: a fresh database (never the demo one) with demo data, the production
// build served against it, and Playwright driving the system's Chromium.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { makeTempParent, startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../prisma/migrate";
import { createDatabase, dropDatabase } from "./scratch-database";
import { seedDemoData } from "./seed";
import { startTestServer, stopTestServer } from "./test-server";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`No Chromium at ${chromium}. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (npm test does).");
  process.exit(1);
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

let exitCode = 1;
try {
  // Low enough that the throttling test reaches it quickly; webhooks may reach the tests' own receivers on 127.0.0.1.
  const { app, baseUrl } = await startTestServer({
    databaseUrl,
    demo: true,
    env: { SIGNIN_MAX_FAILURES: "5", WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    exitCode = await run(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_DATABASE_URL: databaseUrl,
    });
  } finally {
    await stopTestServer(app);
  }
} finally {
  if (server) await server.stop();
  else await dropDatabase(adminUrl, databaseName);
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
}
process.exit(exitCode);
