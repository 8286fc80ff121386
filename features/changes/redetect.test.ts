import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import { createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import { updateOrganisationSettings } from "@/features/settings/mutations";
import { actorOf, DEFAULT_SETTINGS_INPUT } from "@/features/settings/test-fixtures";
import { useTestDatabase } from "@/test/database";
import { recordChange } from "./mutations";

const { db } = useTestDatabase();
const admin = actorOf("admin@example.test");
const NOW = new Date("2026-03-10T12:00:00Z");
const settings = DEFAULT_SETTINGS_INPUT;

beforeAll(async () => {
  await createMetricsCatalogue(db);
  const send = (reference: string, coAuthor: string) =>
    recordChange(
      db,
      {
        reference,
        service: "cart",
        deployedAt: "2026-03-10T09:00:00Z",
        change: { authorLevel: "MID", approval: "PEER" },
        commits: [{ message: `Fix\n\nCo-authored-by: ${coAuthor}` }],
      },
      admin,
      NOW,
    );
  await send("PR-1", "Claude <noreply@anthropic.com>");
  await send("PR-2", "Helper Bot <helper-bot@example.com>");
  await send("PR-3", "Jane Doe <jane@example.com>");
});

const flags = async () =>
  Object.fromEntries((await db.change.findMany({ orderBy: { reference: "asc" } })).map((c) => [c.reference, [c.aiDetected, c.aiEffective, c.policyViolation]]));

describe("changing the organisation's AI tools or policy", () => {
  it("re-reads every recorded change's co-authors under the new list, and re-judges the policy", async () => {
    expect(await flags()).toEqual({ "PR-1": ["ASSISTED", "ASSISTED", true], "PR-2": ["NONE", "NONE", false], "PR-3": ["NONE", "NONE", false] });
    const result = await updateOrganisationSettings(db, { ...settings, aiTools: ["Helper Bot"], version: 1 }, admin);
    expect(result.changesRedetected).toBe(2);
    expect(await flags()).toEqual({ "PR-1": ["NONE", "NONE", false], "PR-2": ["ASSISTED", "ASSISTED", true], "PR-3": ["NONE", "NONE", false] });
  });

  it("re-judges recorded changes under a new approval policy", async () => {
    const lenient = { ...DEFAULT_APPROVAL_POLICY, MID: ["PEER", "SENIOR", "MANAGER"] as ("PEER" | "SENIOR" | "MANAGER")[] };
    const result = await updateOrganisationSettings(db, { ...settings, aiTools: ["Helper Bot"], approvalPolicy: lenient, version: 2 }, admin);
    expect(result.changeViolations).toEqual({ flagged: 0, cleared: 1 });
    expect((await flags())["PR-2"]).toEqual(["ASSISTED", "ASSISTED", false]);
  });
});
