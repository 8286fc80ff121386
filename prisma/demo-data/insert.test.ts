import { verifyPassword } from "@/lib/auth/password";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedDemoData } from "@/scripts/seed";
import { insertBulkIncidents } from "./bulk";
import { insertBulkChanges } from "./bulk-changes";
import { generateDemoData } from "./generate";
import { CHECKOUT_OUTAGE_TITLE } from "./outages";
import { demoWeeks } from "./test-weeks";
import { queryWeeklyMetrics } from "@/features/metrics/weekly";
import { listServiceAvailability } from "@/features/services/reads";
import { createPrismaClient } from "@/lib/db/client";
import { addWeeks, isoWeekOf } from "@/lib/time/iso-week";

const now = new Date("2026-11-20T15:30:00Z");
let database: TestDatabase;
let client: pg.Client;

async function count(sql: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(sql);
  return Number(rows[0]?.count);
}

/** The highest number used per year next to its counter. */
async function referencesAndCounters() {
  const { rows } = await client.query<{ year: number; highest: number; counter: number | null }>(`
    SELECT u.year, u.highest, c.last_number AS counter
    FROM (SELECT split_part(reference, '-', 2)::int AS year, max(split_part(reference, '-', 3)::int) AS highest FROM incidents GROUP BY 1) u
    LEFT JOIN incident_reference_counters c ON c.year = u.year ORDER BY 1`);
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("seedDemoData", () => {
  it("fills an empty database with the catalogue, the demo accounts and a year of incidents", async () => {
    const result = await seedDemoData(database.url, { now, seed: 7 });
    expect(result.skipped).toBe(false);

    expect(await count("SELECT count(*) FROM teams")).toBe(5);
    expect(await count("SELECT count(*) FROM services")).toBe(15);
    expect(await count("SELECT count(*) FROM users WHERE email LIKE '%@demo.ops-review.test'")).toBeGreaterThanOrEqual(14);
    // Only the four demo sign-in accounts can sign in, with the passwords the sign-in page shows.
    expect(await count("SELECT count(*) FROM users WHERE password_hash IS NOT NULL")).toBe(4);
    const viewer = (await client.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = 'viewer@demo.ops-review.test'")).rows;
    expect(await verifyPassword(viewer[0]?.password_hash, "viewer-demo-password")).toBe(true);
    expect(await count("SELECT count(DISTINCT role) FROM users")).toBe(4);
    expect(await count("SELECT count(*) FROM organisation_settings WHERE id = 1")).toBe(1);

    const incidents = await count("SELECT count(*) FROM incidents");
    // Two or three a week: an organisation that is up 99.9 % of most weeks has few incidents.
    expect(incidents).toBeGreaterThan(52 * 2);
    expect(incidents).toBeLessThan(52 * 5);
    expect(await count("SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id)")).toBe(0);
    expect(await count("SELECT count(*) FROM audit_events WHERE action = 'incident.create' AND method = 'SYSTEM' AND actor_label = 'demo data'")).toBe(
      incidents,
    );
    expect(await count("SELECT count(*) FROM postmortems")).toBeGreaterThan(incidents * 0.9);
    expect(await count("SELECT count(*) FROM action_items WHERE due_date < DATE '2026-11-20' AND status IN ('OPEN', 'IN_PROGRESS')")).toBeGreaterThan(0);
    expect(await count("SELECT count(*) FROM incidents WHERE started_at > TIMESTAMPTZ '2026-11-20T15:30:00Z'")).toBe(0);

    for (const row of await referencesAndCounters()) expect(row.counter).toBe(row.highest);

    // Four meetings held (frozen, done, with decisions) and last week's agenda prepared.
    expect(result.skipped === false && result.reviews).toBe(5);
    expect(await count("SELECT count(*) FROM reviews WHERE status = 'DONE' AND snapshot IS NOT NULL")).toBe(4);
    expect(await count("SELECT count(*) FROM reviews WHERE status = 'PREPARED' AND snapshot IS NULL")).toBe(1);
    expect(await count("SELECT count(*) FROM agenda_items WHERE decision <> ''")).toBeGreaterThanOrEqual(4);
    // Each held meeting agreed a follow-up on the metrics; the two oldest are done by now.
    expect(await count("SELECT count(*) FROM action_items WHERE review_id IS NOT NULL AND incident_id IS NULL")).toBe(4);
    expect(await count("SELECT count(*) FROM action_items WHERE review_id IS NOT NULL AND status = 'DONE'")).toBe(2);

    // Instants travel as epoch milliseconds: they must land exactly.
    const checkout = generateDemoData({ seed: 7, now }).incidents.find((i) => i.title === CHECKOUT_OUTAGE_TITLE);
    const { rows } = await client.query<{ started_at: Date; mitigated_at: Date; regions: string[] }>(
      "SELECT started_at, mitigated_at, regions FROM incidents WHERE title = $1",
      [CHECKOUT_OUTAGE_TITLE],
    );
    expect(rows).toEqual([{ started_at: checkout?.startedAt, mitigated_at: checkout?.mitigatedAt, regions: checkout?.regions }]);
  });

  it("records the demo year's changes, every incident's change among them, on its services and before it", async () => {
    const { changes } = generateDemoData({ seed: 7, now });
    expect(await count("SELECT count(*) FROM changes")).toBe(changes.length);
    expect(await count("SELECT count(*) FROM changes WHERE deployed_at > TIMESTAMPTZ '2026-11-20T15:30:00Z'")).toBe(0);
    expect(await count("SELECT count(*) FROM incidents WHERE change_reference IS NOT NULL")).toBeGreaterThan(60);
    expect(
      await count(`SELECT count(*) FROM incidents i WHERE i.change_reference IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM changes c JOIN incident_services s ON s.service_id = c.service_id AND s.incident_id = i.id
        WHERE c.reference = i.change_reference AND c.deployed_at < i.started_at
          AND c.ai_involvement = i.ai_involvement AND c.approval = i.change_approval
          AND c.author_level IS NOT DISTINCT FROM i.change_author_level AND c.ai_tool IS NOT DISTINCT FROM i.ai_tool)`),
    ).toBe(0);
    const { rows } = await client.query<{ grp: string; rate: number }>(`
      SELECT CASE WHEN c.ai_effective = 'NONE' THEN 'NONE' WHEN c.policy_violation THEN 'violating' ELSE 'compliant' END AS grp,
             avg((EXISTS (SELECT 1 FROM incidents i WHERE i.change_reference = c.reference))::int)::float8 AS rate
      FROM changes c GROUP BY 1`);
    const rate = Object.fromEntries(rows.map((r) => [r.grp, r.rate]));
    expect(rate.violating).toBeGreaterThan(rate.compliant ?? 1);
    expect(rate.compliant).toBeGreaterThan(rate.NONE ?? 1);
    // The derived columns and the commits land as generated.
    const sample = changes.find((c) => c.derived.coAuthors.length > 1 && c.commits.length > 1);
    const stored = await client.query("SELECT commits, co_authors, ai_detected, ai_detected_tool, policy_violation FROM changes WHERE reference = $1", [
      sample?.reference,
    ]);
    expect(stored.rows).toEqual([
      {
        commits: sample?.commits,
        co_authors: sample?.derived.coAuthors,
        ai_detected: sample?.derived.aiDetected,
        ai_detected_tool: sample?.derived.aiDetectedTool,
        policy_violation: sample?.derived.policyViolation,
      },
    ]);
  });

  it("reads as a realistic organisation through the app's own figures: most weeks 99.5 % to 99.99 %, a few services over budget", async () => {
    const db = createPrismaClient({ url: database.url, poolMax: 2 });
    try {
      const to = isoWeekOf(now, "UTC");
      const period = { from: addWeeks(to, -51), to, timeZone: "UTC", now };
      const weeks = await queryWeeklyMetrics(db, { ...period, scope: {} });
      expect(weeks).toHaveLength(52);
      // The same figures as the merge rule gives on the generated data.
      const generated = demoWeeks(generateDemoData({ seed: 7, now }).incidents, now);
      expect(weeks.map((w) => w.impactMinutes)).toEqual(generated.map((w) => w.impactMinutes));
      const inRange = weeks.filter((w) => w.availability >= 0.995 && w.availability <= 0.9999).length;
      const bad = weeks.filter((w) => w.availability < 0.995).length;
      expect(inRange / weeks.length).toBeGreaterThanOrEqual(0.8);
      expect(bad).toBeGreaterThanOrEqual(2);
      expect(bad).toBeLessThanOrEqual(6);
      const overspent = (await listServiceAvailability(db, period)).filter((s) => s.budget.overspent);
      expect(overspent.length).toBeGreaterThanOrEqual(1);
      expect(overspent.length).toBeLessThanOrEqual(3);
    } finally {
      await db.$disconnect();
    }
  });

  it("stores each postmortem's five whys from the story of its incident's root cause", async () => {
    const { rows } = await client.query<{ reference: string; category: string; whys: string[] }>(`
      SELECT i.reference, i.root_cause_category AS category, array_agg(w.text ORDER BY w.position) AS whys
      FROM incidents i JOIN postmortems p ON p.incident_id = i.id JOIN five_whys w ON w.postmortem_id = p.id
      GROUP BY i.id`);
    expect(rows.length).toBeGreaterThan(50);
    // A fresh database: the references are the generated ones.
    const generated = new Map(generateDemoData({ seed: 7, now }).incidents.map((i) => [i.reference, i]));
    for (const row of rows) {
      const incident = generated.get(row.reference);
      expect({ category: row.category, whys: row.whys }).toEqual({ category: incident?.story.category, whys: incident?.postmortem?.fiveWhys });
    }
  });

  it("does nothing when the database already has incidents", async () => {
    const before = await count("SELECT count(*) FROM incidents");
    const again = await seedDemoData(database.url, { now, seed: 7 });
    expect(again.skipped).toBe(true);
    expect(await count("SELECT count(*) FROM incidents")).toBe(before);
    expect(await count("SELECT count(*) FROM services")).toBe(15);
    expect(await count("SELECT count(*) FROM users")).toBe(14);
    expect(await count("SELECT count(*) FROM changes")).toBe(generateDemoData({ seed: 7, now }).changes.length);
  });
});

describe("insertBulkIncidents", () => {
  it("adds incidents above the references already used, and reuses the catalogue", async () => {
    const before = await count("SELECT count(*) FROM incidents");
    const result = await insertBulkIncidents(database.url, { count: 2_000, seed: 3, now });
    expect(result.incidents).toBe(2_000);
    expect(await count("SELECT count(*) FROM incidents")).toBe(before + 2_000);
    expect(await count("SELECT count(*) FROM audit_events WHERE entity_type = 'Incident'")).toBe(before + 2_000);
    expect(await count("SELECT count(*) FROM services")).toBe(15);
    expect(await count("SELECT count(*) FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_services s WHERE s.incident_id = i.id)")).toBe(0);
    for (const row of await referencesAndCounters()) expect(row.counter).toBe(row.highest);

    // Twice with the same seed: still no reference reused.
    await insertBulkIncidents(database.url, { count: 500, seed: 3, now });
    expect(await count("SELECT count(DISTINCT reference) FROM incidents")).toBe(before + 2_500);
  });
});

describe("insertBulkChanges", () => {
  it("adds numbered changes and the incidents of the failed ones, above what is there, twice without a clash", async () => {
    const changesBefore = await count("SELECT count(*) FROM changes");
    const incidentsBefore = await count("SELECT count(*) FROM incidents");
    const result = await insertBulkChanges(database.url, { count: 3_000, seed: 4, now });
    expect(result.changes).toBe(3_000);
    expect(await count("SELECT count(*) FROM changes")).toBe(changesBefore + 3_000);
    expect(result.incidents).toBeGreaterThan(50);
    expect(result.incidents).toBeLessThan(400);
    expect(await count("SELECT count(*) FROM incidents")).toBe(incidentsBefore + result.incidents);
    expect(await count("SELECT count(*) FROM incidents i JOIN changes c ON c.reference = i.change_reference WHERE c.reference LIKE 'DEP-%'")).toBe(
      result.incidents,
    );
    for (const row of await referencesAndCounters()) expect(row.counter).toBe(row.highest);

    await insertBulkChanges(database.url, { count: 500, seed: 4, now });
    expect(await count("SELECT count(*) FROM changes WHERE reference LIKE 'DEP-%'")).toBe(3_500);
    expect(await count("SELECT max(substring(reference FROM 5)::int) AS count FROM changes WHERE reference LIKE 'DEP-%'")).toBe(3_500);
  });
});
