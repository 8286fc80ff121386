// An app and a database of a spec's own, for specs that stop, lock or starve the database and
// so must not disturb the shared app the other specs use.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { findFreePort, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/prisma/migrate";

/** A migrated database `name` on `server` with one VIEWER who signs in with a password; its URL. */
export async function createDatabaseWithViewer(server: RunningPostgres, name: string, viewer: { email: string; password: string }): Promise<string> {
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.urlFor(name);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO users (id, email, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'VIEWER', $2, now())", [viewer.email, await hashPassword(viewer.password)]);
  await client.end();
  return url;
}

/** The production server (scripts/serve.ts) on `databaseUrl`, once its health check answers. */
export async function startOwnApp(databaseUrl: string, env: Record<string, string> = {}): Promise<{ app: ChildProcess; baseUrl: string }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: baseUrl,
      OPS_REVIEW_DEMO: "",
      ...env,
    },
  });
  for (let waited = 0; !(await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)); waited += 250) {
    if (waited > 60_000) throw new Error(`the app on ${databaseUrl} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { app, baseUrl };
}

export async function signIn(page: Page, baseUrl: string, viewer: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);
}
