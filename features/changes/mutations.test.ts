import { beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "@/features/settings/test-fixtures";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import { insertMitigatedSev1 } from "@/features/incidents/test-input";
import { useTestDatabase } from "@/test/database";
import { checkChange } from "./gate";
import { recordChange } from "./mutations";
import { seedChangeCatalogue } from "./test-fixtures";

const { db } = useTestDatabase({ poolMax: 25, seed: seedChangeCatalogue });
const pipeline = actorOf("deploy-pipeline", "ENGINEER");
const NOW = new Date("2026-03-10T12:00:00Z");

beforeEach(async () => {
  await db.incident.deleteMany();
  await db.change.deleteMany();
  await db.auditEvent.deleteMany();
});

const change = (overrides: Record<string, unknown> = {}) => ({
  reference: "https://git.example.com/shop/pull/812",
  service: "cart",
  deployedAt: "2026-03-10T09:30:00Z",
  title: "Retry payment authorisation",
  change: { authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "NONE" },
  commits: [{ sha: "4f2a9c1", message: "Retry payment authorisation\n\nCo-authored-by: Claude <noreply@anthropic.com>" }],
  ...overrides,
});

const errorFields = async (promise: Promise<unknown>, kind: typeof ValidationError | typeof RuleViolationError) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  return Object.keys((error as ValidationError).fieldErrors).sort();
};

describe("recordChange", () => {
  it("records a new change with the involvement its trailers show, and judges the policy on the stronger", async () => {
    const { change: recorded, created } = await recordChange(db, change(), pipeline, NOW);
    expect(created).toBe(true);
    expect(recorded).toMatchObject({
      reference: "https://git.example.com/shop/pull/812",
      service: "cart",
      deployedAt: "2026-03-10T09:30:00.000Z",
      ai: { involvement: "NONE", detected: "ASSISTED", detectedTool: "Claude", effective: "ASSISTED", mismatch: true },
      // a MID author's AI-assisted change needs SENIOR or MANAGER; PEER is not enough
      policyViolation: true,
      requiredApproval: ["SENIOR", "MANAGER"],
      failed: false,
      incidents: [],
      version: 1,
      commits: [{ sha: "4f2a9c1", message: expect.stringContaining("Co-authored-by") }],
    });
    const audit = await db.auditEvent.findMany();
    expect(audit.map((a) => a.action)).toEqual(["change.record"]);
  });

  it("treats the same reference again as the pipeline re-sending it: 200, the stored change becomes the request", async () => {
    await recordChange(db, change(), pipeline, NOW);
    const again = await recordChange(db, change({ change: { authorLevel: "MID", approval: "SENIOR" } }), pipeline, NOW);
    expect(again.created).toBe(false);
    expect(again.change).toMatchObject({ version: 2, change: { approval: "SENIOR" }, policyViolation: false });
    const same = await recordChange(db, change({ change: { authorLevel: "MID", approval: "SENIOR" } }), pipeline, NOW);
    expect(same).toMatchObject({ created: false, change: { version: 2 } });
    expect(await db.change.count()).toBe(1);
    expect((await db.auditEvent.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["change.record", "change.update"]);
  });

  it("leaves one row when 20 sends of one reference arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => recordChange(db, change({ title: `send ${n}` }), pipeline, NOW)));
    expect(await db.change.count()).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await db.change.findFirstOrThrow();
    // every send after the first was applied on top of the one before it
    expect(stored.version).toBe(1 + (await db.auditEvent.count({ where: { action: "change.update" } })));
  });

  it("finds the incidents that name it", async () => {
    await insertMitigatedSev1(db, {
      title: "Checkout errors",
      startedAt: "2026-03-10T10:00:00Z",
      mitigatedAt: "2026-03-10T10:45:00Z",
      changeReference: "https://git.example.com/shop/pull/812",
    });
    const { change: recorded } = await recordChange(db, change(), pipeline, NOW);
    expect(recorded).toMatchObject({ failed: true, incidents: [{ reference: "INC-2026-0001", severity: "SEV1", ttmMinutes: 45 }] });
  });

  it.each([
    ["an unknown service", { service: "nope" }, ["service"]],
    ["an over-long reference", { reference: "x".repeat(501) }, ["reference"]],
    ["an empty reference", { reference: "  " }, ["reference"]],
    ["501 commits", { commits: Array.from({ length: 501 }, () => ({ message: "m" })) }, ["commits"]],
    ["a commit message over 64 kB", { commits: [{ message: "é".repeat(32_769) }] }, ["commits.message"]],
    ["a deployedAt without an offset", { deployedAt: "2026-03-10T09:30:00" }, ["deployedAt"]],
    ["a number for deployedAt", { deployedAt: 1773135000000 }, ["deployedAt"]],
    ["an unknown field", { severty: "SEV1" }, ["severty"]],
    ["an unknown nested field", { ai: { involvement: "NONE", model: "x" } }, ["ai.model"]],
    ["an unknown approval", { change: { approval: "CEO" } }, ["change.approval"]],
    ["a NUL byte in the title", { title: "a\u0000b" }, ["title"]],
    ["a url that is not http", { url: "javascript:alert(1)" }, ["url"]],
    ["a commit hash that is not hex", { commits: [{ sha: "zzzz", message: "m" }] }, ["commits.sha"]],
  ])("refuses %s with a 400 naming the field, writing nothing", async (_name, overrides, fields) => {
    expect(await errorFields(recordChange(db, change(overrides), pipeline, NOW), ValidationError)).toEqual(fields);
    expect(await db.change.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses a deploy in the future with a 422 on deployedAt, allowing a few minutes of clock skew", async () => {
    expect(await errorFields(recordChange(db, change({ deployedAt: "2026-03-10T12:06:00Z" }), pipeline, NOW), RuleViolationError)).toEqual(["deployedAt"]);
    expect(await db.change.count()).toBe(0);
    await expect(recordChange(db, change({ deployedAt: "2026-03-10T12:04:00Z" }), pipeline, NOW)).resolves.toMatchObject({ created: true });
  });

  it("accepts exactly 500 commits and a 64 kB message", async () => {
    const commits = [{ message: "a".repeat(65_536) }, ...Array.from({ length: 499 }, (_, n) => ({ message: `commit ${n}` }))];
    await expect(recordChange(db, change({ commits }), pipeline, NOW)).resolves.toMatchObject({ change: { commitCount: 500 } });
  });
});

describe("checkChange, the deploy gate", () => {
  const ask = (body: Record<string, unknown>) => checkChange(db, { change: { authorLevel: "MID", approval: "PEER" }, ai: { involvement: "NONE" }, ...body });

  it("blocks a change whose trailers show AI involvement the declared sign-off does not cover, and says why", async () => {
    const answer = await ask({ commits: [{ message: "Fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>" }] });
    expect(answer).toEqual({
      allowed: false,
      requiredApproval: ["SENIOR", "MANAGER"],
      reason:
        "Blocked: AI-assisted change by a Mid-level engineer has Peer sign-off; the policy requires Senior or Manager sign-off. Its commit trailers mark it AI-assisted (Copilot) although no AI involvement was declared.",
      ai: { declared: "NONE", detected: "ASSISTED", detectedTool: "Copilot", mismatch: true },
    });
  });

  it("allows a change with the required sign-off, and one with no AI involvement at all", async () => {
    expect(await ask({ change: { authorLevel: "SENIOR", approval: "MANAGER" }, ai: { involvement: "AGENT", tool: "Kiro" } })).toMatchObject({
      allowed: true,
      requiredApproval: ["MANAGER"],
      reason: "AI agent change by a Senior engineer has Manager sign-off, as the policy requires.",
    });
    expect(await ask({ commits: [{ message: "Fix\n\nCo-authored-by: Jane Doe <jane@example.com>" }] })).toMatchObject({
      allowed: true,
      requiredApproval: [],
      ai: { detected: "NONE" },
    });
  });

  it("writes nothing", async () => {
    await ask({ ai: { involvement: "GENERATED" } });
    await ask({ service: "cart" });
    expect(await db.change.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses an unknown service and a malformed body with a 400 naming the field", async () => {
    expect(await errorFields(ask({ service: "nope" }), ValidationError)).toEqual(["service"]);
    expect(await errorFields(ask({ reference: "PR-1" }), ValidationError)).toEqual(["reference"]);
    expect(await errorFields(checkChange(db, null), ValidationError)).toEqual(["form"]);
  });
});
