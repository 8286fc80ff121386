import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/test/database";
import { fileIncident } from "./mutations";
import { findIncident } from "./reads";
import { formatIncidentReference, INCIDENT_REFERENCE } from "./reference";

const { db, url } = useTestDatabase({ poolMax: 20 });
const actor: Actor = { userId: null, tokenId: null, label: "oncall@example.test", method: "API", role: "ENGINEER" };
const now = new Date("2026-11-24T12:00:00Z");
const input = (title: string) => ({
  title,
  severity: "SEV2",
  status: "INVESTIGATING",
  services: ["checkout-api"],
  startedAt: "2026-11-24T08:00:00Z",
  impact: { usersAffected: 3 },
  blastRadius: "SINGLE_SERVICE",
});
const numberOf = (reference: string) => Number(reference.split("-")[2]);

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
});

describe("incident references", () => {
  it("are distinct, well formed and stored as returned for concurrent filings, each with its audit event", async () => {
    const filed = await Promise.all(Array.from({ length: 20 }, (_, n) => fileIncident(db, input(`Concurrent filing ${n}`), actor, now)));
    const references = filed.map((incident) => incident.reference);
    expect(new Set(references).size).toBe(20);
    for (const reference of references) expect(reference).toMatch(/^INC-2026-\d{4}$/);
    // Nothing failed, so the 20 numbers are the first 20 of the year, whatever order they committed in.
    expect(references.map(numberOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    for (const incident of filed) expect((await findIncident(db, incident.id, now))?.reference).toBe(incident.reference);
    expect(await db.auditEvent.count({ where: { action: "incident.create", entityId: { in: filed.map((i) => i.id) } } })).toBe(20);
  });

  it("use no number for a refused filing", async () => {
    const before = await fileIncident(db, input("Before the refusal"), actor, now);
    const refused = await fileIncident(db, { ...input("Refused"), services: ["no-such-service"] }, actor, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    const after = await fileIncident(db, input("After the refusal"), actor, now);
    expect(numberOf(after.reference)).toBe(numberOf(before.reference) + 1);
  });

  it("grow past four digits", async () => {
    expect(formatIncidentReference(2026, 42)).toBe("INC-2026-0042");
    expect(formatIncidentReference(2026, 12345)).toBe("INC-2026-12345");
    await db.$executeRaw`UPDATE incident_reference_counters SET last_number = 9999 WHERE year = 2026`;
    const filed = await fileIncident(db, input("The ten thousandth"), actor, now);
    expect(filed.reference).toBe("INC-2026-10000");
    expect(filed.reference).toMatch(INCIDENT_REFERENCE);
  });

  it("do not hold the counter while a filing waits inside its transaction", async () => {
    // Hold the settings row as a policy change does: the filing waits inside its transaction.
    const admin = new pg.Client({ connectionString: url() });
    const probe = new pg.Client({ connectionString: url() });
    await Promise.all([admin.connect(), probe.connect()]);
    try {
      await admin.query("BEGIN");
      await admin.query("SELECT 1 FROM organisation_settings WHERE id = 1 FOR UPDATE");
      const pending = fileIncident(db, input("Waiting for the settings"), actor, now);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await probe.query("BEGIN");
      // NOWAIT fails at once if the waiting filing still held the counter's row lock.
      await expect(probe.query("SELECT last_number FROM incident_reference_counters WHERE year = 2026 FOR UPDATE NOWAIT")).resolves.toBeDefined();
      await probe.query("ROLLBACK");
      await admin.query("COMMIT");
      expect((await pending).reference).toMatch(INCIDENT_REFERENCE);
    } finally {
      await Promise.all([admin.end(), probe.end()]);
    }
  });
});
