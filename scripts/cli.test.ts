import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authenticateBearer } from "@/lib/auth/api-tokens";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_DATABASE_NAME, runningDemoDatabaseUrl } from "@/lib/db/demo-database";
import { makeTempParent, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/prisma/migrate";
import { createDatabase } from "@/scripts/scratch-database";
import { useTestDatabase } from "@/test/database";

const { db, url } = useTestDatabase({ poolMax: 2 });

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the command line as `npm run cli` does, with `input` on its stdin. */
function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/cli.ts", ...args], {
      env: options.env ?? { ...process.env, DATABASE_URL: url() },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** The environment of a shell in which DATABASE_URL is not set. */
function withoutDatabaseUrl(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPS_REVIEW_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";

describe("token commands", () => {
  it("token create prints the token alone on the last stdout line, and it authenticates with its role", async () => {
    const run = await cli(["token", "create", "--name", "ci", "--role", "ENGINEER"]);
    expect(run.code, run.stderr).toBe(0);
    const token = lastLine(run.stdout);
    expect(token).toMatch(/^opr_[A-Za-z0-9_-]{43}$/);
    expect(run.stderr).toMatch(/not be shown again|cannot be shown again/);
    expect(await authenticateBearer(db, `Bearer ${token}`, new Date())).toMatchObject({ role: "ENGINEER", label: "ci", method: "API" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "token.create" } });
    expect(audit).toMatchObject({ method: "CLI", actorLabel: "cli" });
  });

  it("token list shows names and prefixes, and token revoke stops the token at once", async () => {
    const token = lastLine((await cli(["--", "token", "create", "--name", "to-revoke", "--role", "VIEWER"])).stdout);
    const { id, prefix } = await db.apiToken.findFirstOrThrow({ where: { name: "to-revoke" } });
    const list = await cli(["token", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`${prefix}…`);
    expect(list.stdout).not.toContain(token);

    const revoke = await cli(["token", "revoke", "--id", id]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(await authenticateBearer(db, `Bearer ${token}`, new Date())).toBeNull();
    const unknown = await cli(["token", "revoke", "--id", "00000000-0000-4000-8000-000000000000"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No API token/);
  });
});

describe("user create", () => {
  it("creates a user with the password from stdin, hashed, and audits it", async () => {
    const run = await cli(["user", "create", "--email", "Ada@Example.test", "--role", "LEAD", "--name", "Ada", "--password-stdin"], {
      input: "correct horse battery staple\n",
    });
    expect(run.code, run.stderr).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.test" }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ role: "LEAD", name: "Ada", active: true });
    expect(await verifyPassword(user.passwordHash, "correct horse battery staple")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(audit).toMatchObject({ method: "CLI", actorLabel: "cli" });
    expect(JSON.stringify(audit.changes)).not.toContain("horse");
  });

  it("refuses a short password with a clear message, creating no one", async () => {
    const run = await cli(["user", "create", "--email", "short@example.test", "--role", "VIEWER", "--password-stdin"], { input: "hunter2\n" });
    expect([1, 2]).toContain(run.code);
    expect(run.stderr).toMatch(/password: must be at least 12 characters/);
    expect(await db.user.count({ where: { email: "short@example.test" } })).toBe(0);
  });

  it("refuses an e-mail already taken with exit 1", async () => {
    const run = await cli(["user", "create", "--email", "ada@example.test", "--role", "VIEWER", "--password-stdin"], { input: "another long password" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ada@example.test already exists/);
  });
});

describe("usage", () => {
  it.concurrent.each([
    [[]],
    [["token"]],
    [["token", "create", "--name", "x"]],
    [["token", "create", "--name", "x", "--role", "OWNER"]],
    [["token", "create", "--name", "x", "--role", "VIEWER", "--colour", "red"]],
    [["user", "create", "--email", "a@example.test"]],
    [["frobnicate"]],
  ])("exits 2 with the usage for %j", async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: npm run --silent cli --");
    expect(run.stdout).toBe("");
  });

  it("says so when DATABASE_URL is not set and no embedded database runs", async () => {
    const run = await cli(["token", "list"], { env: withoutDatabaseUrl(path.join(makeTempParent("ops-review-cli-"), "pg")) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/DATABASE_URL is not set, and no embedded database is running/);
  });
});

describe("without DATABASE_URL", () => {
  it("finds the embedded database of a running `npm start` from its data directory", async () => {
    const dataDir = path.join(makeTempParent("ops-review-cli-"), "pg");
    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    try {
      await applyMigrations(await createDatabase(server.urlFor("postgres"), DEMO_DATABASE_NAME));
      const run = await cli(["token", "create", "--name", "found-it", "--role", "VIEWER"], { env: withoutDatabaseUrl(dataDir) });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain("Using the embedded database");
      const demo = createPrismaClient({ url: server.urlFor(DEMO_DATABASE_NAME), poolMax: 1 });
      expect(await authenticateBearer(demo, `Bearer ${lastLine(run.stdout)}`)).toMatchObject({ label: "found-it", role: "VIEWER" });
      await demo.$disconnect();
    } finally {
      await server.stop();
    }
    // Stopped, it is no longer found (its data directory is still there).
    expect(runningDemoDatabaseUrl(dataDir)).toBeNull();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });
});
