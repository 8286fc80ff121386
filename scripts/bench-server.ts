// The app under load as `npm start` serves it: the production build (scripts/serve.ts) under
// the same heap limit, on a free port, against the benchmark's database; its memory sampled
// over its whole process tree; a session cookie and an API token to call it with.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { findFreePort } from "../lib/db/embedded-postgres";
import { serveArguments, serveEnvironment } from "./serve-process";

export type RunningApp = { url: string; process: ChildProcess; stop(): Promise<void> };

export function buildApp(): void {
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

export async function startApp(databaseUrl: string, heapMb: number, secret: string): Promise<RunningApp> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, serveArguments(heapMb), {
    stdio: ["ignore", "inherit", "inherit"],
    env: serveEnvironment({ port, host: "127.0.0.1", databaseUrl, secret, publicUrl: url, demo: "" }),
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the app stopped while starting (exit ${code})`))));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the app did not answer /api/health within 60 s on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  exited.catch(() => {}); // from now on an exit is reported by the requests that fail
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export type ProcessRow = { pid: number; ppid: number; rssKb: number };

/** The resident memory of `root` and all its descendants, in kB. */
export function treeRssKb(rows: readonly ProcessRow[], root: number): number {
  const children = new Map<number, ProcessRow[]>();
  for (const row of rows) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  let total = 0;
  const stack = rows.filter((r) => r.pid === root);
  while (stack.length > 0) {
    const row = stack.pop() as ProcessRow;
    total += row.rssKb;
    stack.push(...(children.get(row.pid) ?? []));
  }
  return total;
}

export const parsePs = (output: string): ProcessRow[] =>
  output
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((cells) => cells.length === 3 && cells.every(Number.isFinite))
    .map(([pid, ppid, rssKb]) => ({ pid: pid as number, ppid: ppid as number, rssKb: rssKb as number }));

/** Samples the RSS of `pid`'s process tree every `everyMs`; `stop` returns the peak in MB. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number } {
  let peakKb = 0;
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, treeRssKb(parsePs(execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })), pid));
    } catch (error) {
      console.error("RSS sample failed:", error);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peakKb / 1024;
    },
  };
}

/** Runs the app's command line against `databaseUrl`; its last line of stdout. */
export function runCli(databaseUrl: string, args: string[], input?: string): string {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    input,
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")} failed (exit ${result.status}): ${result.stderr}`);
  return result.stdout.trim().split("\n").at(-1) ?? "";
}

/** Signs `email` in through next-auth's credentials endpoint, as the sign-in form does; the Cookie header of the session. */
export async function signIn(appUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";", 1)[0] as string);
  const answer = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(answer).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`signing in as ${email} gave no session cookie (HTTP ${answer.status})`);
  return session.join("; ");
}
