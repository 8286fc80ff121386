import { spawnSync } from "node:child_process";

/** Runs the app's command line against the database of the app under test (or `databaseUrl`); its stdout lines. */
export function runCli(args: string[], databaseUrl = process.env.E2E_DATABASE_URL): string[] {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim().split("\n");
}

export const mintToken = (name: string, role: string, databaseUrl?: string) => runCli(["token", "create", "--name", name, "--role", role], databaseUrl).at(-1)!;
