// Where `npm start` keeps the embedded PostgreSQL of demo mode, and how other commands (the
// command line) find it while it runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { embeddedUrl } from "./embedded-postgres";

export const DEMO_DATABASE_NAME = "ops_review";

/** OPS_REVIEW_DATA_DIR, or .data/postgres in the current directory. */
export const demoDataDir = (env: Partial<Record<string, string>> = process.env) => path.resolve(env.OPS_REVIEW_DATA_DIR || ".data/postgres");

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's (the "postgres" OS user's)
  }
};

/**
 * The URL of the demo database while its server runs, read from PostgreSQL's own
 * postmaster.pid in the data directory (line 1 the server's pid, line 4 its port), or null
 * when no server runs there.
 */
export function runningDemoDatabaseUrl(dataDir = demoDataDir()): string | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || port > 65_535 || !alive(pid)) return null;
  return embeddedUrl(port, DEMO_DATABASE_NAME);
}
