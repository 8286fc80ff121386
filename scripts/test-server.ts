// The production build served for the browser tests: the same server as `npm start`
// (scripts/serve.ts) on a free port of 127.0.0.1, so that what the tests see is what ships.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findFreePort } from "../lib/db/embedded-postgres";
import { serveEnvironment } from "./serve-process";

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app on ${baseUrl} did not become healthy within ${timeoutMs / 1000} s`);
}

export type TestServerOptions = {
  databaseUrl: string;
  /** OPS_REVIEW_DEMO: "1" lists the demo accounts on the sign-in page. */
  demo: boolean;
  /** More environment for the server, e.g. lower limits a test reaches quickly. */
  env?: Record<string, string>;
  stdio?: StdioOptions;
};

/** Starts the server and resolves once its health check answers. */
export async function startTestServer(options: TestServerOptions): Promise<{ app: ChildProcess; baseUrl: string }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const settings = {
    port,
    host: "127.0.0.1",
    databaseUrl: options.databaseUrl,
    secret: randomBytes(32).toString("base64url"),
    publicUrl: baseUrl,
    demo: options.demo ? "1" : "",
  };
  const app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "serve.ts")], {
    stdio: options.stdio ?? "ignore",
    env: { ...serveEnvironment(settings), ...options.env },
  });
  try {
    await waitForHealth(baseUrl, 60_000);
  } catch (error) {
    await stopTestServer(app);
    throw error;
  }
  return { app, baseUrl };
}

/** Stops the server and waits for it to exit. */
export async function stopTestServer(app: ChildProcess): Promise<void> {
  app.kill("SIGTERM");
  await new Promise((resolve) => (app.exitCode === null ? app.once("exit", resolve) : resolve(null)));
}
