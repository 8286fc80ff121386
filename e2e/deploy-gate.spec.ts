import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { mintToken } from "./cli";
import { queryAppDatabase } from "./db";

// The copy-paste pipeline step of docs/deploy-gate.md, run as a pipeline runs it: a git
// repository with commits since the last deploy, the script asking the running app.
const script = path.resolve("scripts/deploy-gate.sh");
let repo = "";
let base = "";

const git = (...args: string[]) => {
  const result = spawnSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "Dev", GIT_AUTHOR_EMAIL: "dev@example.com", GIT_COMMITTER_NAME: "Dev", GIT_COMMITTER_EMAIL: "dev@example.com" },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
};

test.beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), "deploy-gate-"));
  git("init", "-q");
  git("commit", "-q", "--allow-empty", "-m", "Deployed last week");
  base = git("rev-parse", "HEAD");
  git(
    "commit",
    "-q",
    "--allow-empty",
    "-m",
    'Retry card authorisation "once"\n\nUses the `$backoff` helper.\n\nCo-authored-by: Claude <noreply@anthropic.com>',
  );
  git("commit", "-q", "--allow-empty", "-m", "Log the retry\n\nCo-authored-by: Jane Doe <jane@example.com>");
});
test.afterAll(() => rmSync(repo, { recursive: true, force: true }));

function gate(mode: "check" | "record", env: Record<string, string>) {
  const result = spawnSync("bash", [script, mode], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, OPS_REVIEW_URL: process.env.E2E_BASE_URL!, DEPLOY_BASE: base, CHANGE_AUTHOR_LEVEL: "MID", ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test("the deploy gate fails the pipeline with the reason when AI-assisted commits lack the sign-off, and passes with it", async () => {
  const token = mintToken(`e2e-gate-${Date.now()}`, "ENGINEER");
  const refused = gate("check", { OPS_REVIEW_TOKEN: token, OPS_REVIEW_SERVICE: "checkout-api", CHANGE_APPROVAL: "PEER" });
  expect(refused.status, refused.output).toBe(1);
  expect(refused.output).toContain(
    "NOT ALLOWED: Blocked: AI-assisted change by a Mid-level engineer has Peer sign-off; the policy requires Senior or Manager sign-off.",
  );
  expect(refused.output).toContain("detected from the commits ASSISTED");

  const allowed = gate("check", { OPS_REVIEW_TOKEN: token, OPS_REVIEW_SERVICE: "checkout-api", CHANGE_APPROVAL: "SENIOR" });
  expect(allowed.status, allowed.output).toBe(0);
  expect(allowed.output).toContain("deploy-gate: allowed");

  const badToken = gate("check", { OPS_REVIEW_TOKEN: "opr_not-a-token", OPS_REVIEW_SERVICE: "checkout-api" });
  expect(badToken.status, badToken.output).toBe(2);
  expect(await queryAppDatabase("SELECT 1 FROM changes WHERE reference LIKE 'e2e-gate-%'")).toHaveLength(0);
});

test("after the deploy the step records the change with its commits, and a re-run updates the same record", async () => {
  const token = mintToken(`e2e-record-${Date.now()}`, "ENGINEER");
  const reference = `e2e-gate-${Date.now()}`;
  const env = {
    OPS_REVIEW_TOKEN: token,
    OPS_REVIEW_SERVICE: "checkout-api",
    CHANGE_REFERENCE: reference,
    CHANGE_APPROVAL: "SENIOR",
    DEPLOYED_AT: "2019-06-03T10:00:00Z",
  };
  const first = gate("record", env);
  expect(first.status, first.output).toBe(0);
  expect(first.output).toContain(`change ${reference} recorded`);
  const again = gate("record", { ...env, CHANGE_TITLE: "Retry card authorisation" });
  expect(again.status, again.output).toBe(0);
  expect(again.output).toContain(`change ${reference} updated`);

  const rows = await queryAppDatabase<{ title: string; ai_detected: string; version: number; commits: { sha: string; message: string }[] }>(
    "SELECT title, ai_detected::text, version, commits FROM changes WHERE reference = $1",
    [reference],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ title: "Retry card authorisation", ai_detected: "ASSISTED", version: 2 });
  expect(rows[0]!.commits.map((c) => c.message.split("\n")[0])).toEqual(["Log the retry", 'Retry card authorisation "once"']);
  expect(rows[0]!.commits[1]!.message).toContain("`$backoff`");
});
