import { spawnSync } from "node:child_process";

/** Runs the app's command line against the database of the app under test; its stdout lines. */
export function runCli(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim().split("\n");
}

export const mintToken = (name: string, role: string) => runCli(["token", "create", "--name", name, "--role", role]).at(-1)!;
