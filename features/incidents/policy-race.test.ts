import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { useTestDatabase } from "@/test/database";
import { fileIncident, updateIncident } from "./mutations";
import { investigatingIncident } from "./test-input";

// An incident written while the approval policy changes must carry the new policy's flag:
// the policy change re-evaluates every incident, and a write in flight must not slip past it.
const { db, url } = useTestDatabase();
const actor: Actor = { userId: null, tokenId: null, label: "oncall@example.test", method: "UI", role: "ENGINEER" };
// Under the default policy a MID's AI-generated change with SENIOR sign-off is fine; the
// stricter policy below wants MANAGER for everyone.
const STRICT = JSON.stringify({ JUNIOR: ["MANAGER"], MID: ["MANAGER"], UNKNOWN: ["MANAGER"], SENIOR: ["MANAGER"], PRINCIPAL: ["MANAGER"] });
const incident = investigatingIncident({
  title: "Prices wrong after an AI-generated change",
  service: "pricing",
  startedAt: "2026-11-24T08:00:00Z",
  usersAffected: 10,
  change: { authorLevel: "MID", approval: "SENIOR" },
  ai: { involvement: "GENERATED" },
});

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "pricing", name: "Pricing", teamId: team.id } });
});

/** Holds the settings row as a policy change does, runs `write` meanwhile, then commits the new policy. */
async function duringPolicyChange<T>(write: () => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url() });
  await admin.connect();
  try {
    await admin.query("BEGIN");
    await admin.query("SELECT 1 FROM organisation_settings WHERE id = 1 FOR UPDATE");
    await admin.query("UPDATE organisation_settings SET approval_policy = $1::jsonb, version = version + 1 WHERE id = 1", [STRICT]);
    await admin.query("UPDATE incidents SET policy_violation = (ai_involvement <> 'NONE' AND change_approval <> 'MANAGER')");
    const pending = write();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the write is now waiting on the lock
    await admin.query("COMMIT");
    return await pending;
  } finally {
    await admin.end();
  }
}

describe("an incident written while the approval policy changes", () => {
  it("is filed with the new policy's flag", async () => {
    const filed = await duringPolicyChange(() => fileIncident(db, incident, actor, new Date("2026-11-24T12:00:00Z")));
    expect(filed.policyViolation).toBe(true);
  });

  it("is edited with the new policy's flag", async () => {
    await db.organisationSettings.update({
      where: { id: 1 },
      data: {
        approvalPolicy: {
          JUNIOR: ["SENIOR", "MANAGER"],
          MID: ["SENIOR", "MANAGER"],
          UNKNOWN: ["SENIOR", "MANAGER"],
          SENIOR: ["MANAGER"],
          PRINCIPAL: ["MANAGER"],
        },
      },
    });
    const filed = await fileIncident(db, { ...incident, title: "Second pricing incident" }, actor, new Date("2026-11-24T12:00:00Z"));
    expect(filed.policyViolation).toBe(false);
    const edited = await duringPolicyChange(() =>
      updateIncident(db, filed.reference, { version: filed.version, impact: { usersAffected: 20 } }, actor, new Date("2026-11-24T12:00:00Z")),
    );
    expect(edited.policyViolation).toBe(true);
  });
});
