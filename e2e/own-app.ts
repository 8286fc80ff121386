// An app and a database of a spec's own, for specs that stop, lock or starve the database and
// so must not disturb the shared app the other specs use.
import type { ChildProcess } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import type { RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/prisma/migrate";
import { createDatabase } from "@/scripts/scratch-database";
import { startTestServer } from "@/scripts/test-server";

/** A migrated database `name` on `server` with one VIEWER who signs in with a password; its URL. */
export async function createDatabaseWithViewer(server: RunningPostgres, name: string, viewer: { email: string; password: string }): Promise<string> {
  const url = await createDatabase(server.urlFor("postgres"), name);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO users (id, email, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, 'VIEWER', $2, now())", [
    viewer.email,
    await hashPassword(viewer.password),
  ]);
  await client.end();
  return url;
}

/** The production server (scripts/serve.ts) on `databaseUrl`, once its health check answers. */
export function startOwnApp(databaseUrl: string, env: Record<string, string> = {}): Promise<{ app: ChildProcess; baseUrl: string }> {
  return startTestServer({ databaseUrl, demo: false, env });
}

export async function signIn(page: Page, baseUrl: string, viewer: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  // An app started with a short connect timeout may answer "Sign-in is unavailable right now"
  // when the machine is busy: that is the app working as designed, so the sign-in is tried again.
  await expect(async () => {
    if (new URL(page.url()).pathname === "/sign-in") await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/incidents$/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
