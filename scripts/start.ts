// `npm start`: serves the production build (scripts/serve.ts). Without DATABASE_URL it runs an
// embedded PostgreSQL in .data/, migrates it and fills an empty database with demo data, and
// then listens on 127.0.0.1 only unless HOST says otherwise.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_DATABASE_NAME, demoDataDir } from "../lib/db/demo-database";
import { EmbeddedPostgresError, findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../prisma/migrate";
import { listenHost } from "./app-server";
import { HeapLimitError, heapLimitMb, serveArguments, serveEnvironment } from "./serve-process";
import { setDemoPasswords } from "../prisma/demo-data/insert";
import { seedDemoData } from "./seed";

const DATABASE_NAME = DEMO_DATABASE_NAME;
const port = Number(process.env.PORT ?? 3000);
const log = (line: string) => console.log(`[ops-review] ${line}`);

async function ensureDatabase(server: RunningPostgres): Promise<string> {
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  await admin.end();
  return server.urlFor(DATABASE_NAME);
}

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM incidents) AND NOT EXISTS (SELECT 1 FROM services) AS empty");
  await client.end();
  return rows[0]?.empty ?? false;
}

/** The key that signs session cookies: NEXTAUTH_SECRET, or in demo mode one kept beside the data. */
function authSecret(embeddedDataDir: string | null): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!embeddedDataDir) {
    throw new StartError("NEXTAUTH_SECRET is not set. Set it to a long random value (e.g. `openssl rand -base64 32`); every app instance needs the same one.");
  }
  const file = path.join(path.dirname(embeddedDataDir), "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

class StartError extends Error {}

/** Demo data made before sign-in existed gets the demo accounts' passwords. */
async function ensureDemoSignIn(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await setDemoPasswords(client);
  } finally {
    await client.end();
  }
}

async function main() {
  let embedded: RunningPostgres | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  let dataDir: string | null = null;
  if (!databaseUrl) {
    dataDir = demoDataDir();
    const shown = dataDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), dataDir) : dataDir;
    log(`starting the embedded PostgreSQL (data in ${shown})`);
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: process.env.EMBEDDED_POSTGRES_PORT ? Number(process.env.EMBEDDED_POSTGRES_PORT) : await findFreePort(),
      persistent: true,
    });
    databaseUrl = await ensureDatabase(embedded);
  }
  const secret = authSecret(dataDir);
  const heapMb = heapLimitMb();
  const applied = await applyMigrations(databaseUrl, { log });
  if (applied.length === 0) log("database schema is up to date");
  if (embedded && (await isEmpty(databaseUrl))) {
    log("empty database: adding a year of demo data");
    await seedDemoData(databaseUrl, { now: new Date() });
  } else if (embedded) {
    await ensureDemoSignIn(databaseUrl);
  }

  const host = listenHost(process.env.HOST, Boolean(embedded));
  const next = spawn(process.execPath, serveArguments(heapMb), {
    stdio: "inherit",
    env: serveEnvironment({
      port,
      host: host ?? "",
      databaseUrl,
      secret,
      publicUrl: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      demo: embedded ? "1" : (process.env.OPS_REVIEW_DEMO ?? ""),
    }),
  });
  const where = process.env.HOST ? ` (listening on ${host})` : host ? ` (this machine only: set HOST=0.0.0.0 to open it to the network)` : "";
  log(`serving on http://localhost:${port}${where}, heap limit ${heapMb} MB (OPS_REVIEW_HEAP_MB)`);
  if (embedded) log("command line: npm run --silent cli -- --help (it finds this embedded database while the app runs)");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill("SIGTERM");
    await new Promise((resolve) => (next.exitCode === null ? next.once("exit", resolve) : resolve(null)));
    if (embedded) {
      log("stopping the embedded PostgreSQL");
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  if (error instanceof EmbeddedPostgresError || error instanceof StartError || error instanceof HeapLimitError) console.error(`[ops-review] ${error.message}`);
  else console.error("[ops-review] could not start:", error);
  process.exit(1);
});
