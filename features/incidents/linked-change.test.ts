import { beforeEach, describe, expect, it } from "vitest";
import { recordChange } from "@/features/changes/mutations";
import { seedChangeCatalogue } from "@/features/changes/test-fixtures";
import { actorOf } from "@/features/settings/test-fixtures";
import { useTestDatabase } from "@/test/database";
import { fileIncident, updateIncident } from "./mutations";

const { db } = useTestDatabase({ seed: seedChangeCatalogue });
const engineer = actorOf("oncall@example.test", "ENGINEER");
const NOW = new Date("2026-03-10T12:00:00Z");
const REFERENCE = "deploy-cart-2026-03-10-0930";

beforeEach(async () => {
  await db.incident.deleteMany();
  await db.change.deleteMany();
  // Declared NONE by a junior author with peer sign-off; the trailers say Generated-by: Codex.
  await recordChange(
    db,
    {
      reference: REFERENCE,
      service: "cart",
      deployedAt: "2026-03-10T09:30:00Z",
      change: { authorLevel: "JUNIOR", approval: "PEER" },
      commits: [{ message: "Regenerate pricing client\n\nGenerated-by: Codex" }],
    },
    engineer,
    NOW,
  );
});

const incident = (change: Record<string, unknown>, ai: Record<string, unknown> = {}) => ({
  title: "Cart totals wrong",
  severity: "SEV2",
  status: "MITIGATED",
  services: ["cart"],
  startedAt: "2026-03-10T10:00:00Z",
  mitigatedAt: "2026-03-10T10:40:00Z",
  impact: { usersAffected: 120 },
  blastRadius: "SINGLE_SERVICE",
  change,
  ai,
});

/** An engineer's edit of the incident at the version it was read. */
const edit = (read: { reference: string; version: number }, patch: Record<string, unknown>) =>
  updateIncident(db, read.reference, { version: read.version, ...patch }, engineer, NOW);

describe("an incident naming a recorded change", () => {
  it("takes its author level, approval and the stronger AI involvement from the change when filed without them", async () => {
    const filed = await fileIncident(db, incident({ reference: REFERENCE }), engineer, NOW);
    expect(filed.change).toEqual({ reference: REFERENCE, authorLevel: "JUNIOR", approval: "PEER" });
    expect(filed.ai).toMatchObject({ involvement: "GENERATED" });
    expect(filed.policyViolation).toBe(true);
  });

  it("keeps what the request gives", async () => {
    const filed = await fileIncident(db, incident({ reference: REFERENCE, approval: "MANAGER" }, { involvement: "ASSISTED", tool: "Cursor" }), engineer, NOW);
    expect(filed.change).toEqual({ reference: REFERENCE, authorLevel: "JUNIOR", approval: "MANAGER" });
    expect(filed.ai).toMatchObject({ involvement: "ASSISTED", tool: "Cursor" });
    expect(filed.policyViolation).toBe(false);
  });

  it("is left as filed when no change of that reference is recorded", async () => {
    const filed = await fileIncident(db, incident({ reference: "PR-unknown" }), engineer, NOW);
    expect(filed.change).toEqual({ reference: "PR-unknown", authorLevel: null, approval: "NONE" });
    expect(filed.ai.involvement).toBe("NONE");
  });

  it("fills on an edit that names the change, and leaves the fields alone on an edit that does not", async () => {
    const filed = await fileIncident(db, incident({}), engineer, NOW);
    const linked = await edit(filed, { change: { reference: REFERENCE } });
    expect(linked.change).toEqual({ reference: REFERENCE, authorLevel: "JUNIOR", approval: "PEER" });
    expect(linked.ai.involvement).toBe("GENERATED");
    const corrected = await edit(linked, { ai: { involvement: "ASSISTED" } });
    expect(corrected.ai.involvement).toBe("ASSISTED");
    expect(corrected.change.approval).toBe("PEER");
  });

  it("fills again what an edit clears while the reference stays, and only that", async () => {
    const filed = await fileIncident(
      db,
      incident({ reference: REFERENCE, authorLevel: "SENIOR", approval: "MANAGER" }, { involvement: "ASSISTED", tool: "Cursor" }),
      engineer,
      NOW,
    );
    // The edit form's empty choice arrives as a key with undefined; the API's as null.
    const cleared = await edit(filed, { change: { approval: undefined }, ai: { involvement: null } });
    expect(cleared.change).toEqual({ reference: REFERENCE, authorLevel: "SENIOR", approval: "PEER" });
    expect(cleared.ai).toMatchObject({ involvement: "GENERATED", tool: "Cursor" });
  });

  it("clears to none when the reference names no recorded change", async () => {
    const filed = await fileIncident(db, incident({ reference: "PR-unknown", approval: "SENIOR" }, { involvement: "AGENT" }), engineer, NOW);
    const cleared = await edit(filed, { change: { approval: undefined }, ai: { involvement: undefined } });
    expect(cleared.change.approval).toBe("NONE");
    expect(cleared.ai.involvement).toBe("NONE");
    expect(cleared.policyViolation).toBe(false);
  });
});
