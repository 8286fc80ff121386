import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileIncident } from "@/features/incidents/mutations";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { AGENDA_LIST_LIMIT } from "./agenda";
import { overdueActionItemFacts, pendingPostmortemFacts } from "./backlog-facts";
import { engineer } from "./test-week";

let testDb: TestDatabase;
let db: Database;
const WEEK_START = new Date("2026-03-02T00:00:00Z"); // 2026-W10, meeting judged on 2026-03-11

async function sev1(title: string, startedAt: string, postmortem: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | null) {
  const incident = await fileIncident(db, {
    title, severity: "SEV1", status: "RESOLVED", services: ["checkout-api"], startedAt, mitigatedAt: startedAt, resolvedAt: startedAt,
    impact: { usersAffected: 1 }, blastRadius: "SINGLE_SERVICE", rootCause: { category: "UNKNOWN" }, change: { approval: "NONE" }, ai: { involvement: "NONE" },
  }, engineer, new Date("2026-03-12T00:00:00Z"));
  if (postmortem) await db.postmortem.create({ data: { incidentId: incident.id, state: postmortem } });
  return incident;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createPrismaClient({ url: testDb.url, poolMax: 4 });
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
});
afterAll(async () => {
  await db.$disconnect();
  await testDb.drop();
});

describe("the backlog an agenda reviews", () => {
  it("lists SEV1 postmortems unpublished 14 days after the start, in the organisation's zone", async () => {
    await sev1("No postmortem at all", "2026-02-01T10:00:00Z", null);
    await sev1("Draft, 14 days before the meeting", "2026-02-25T10:00:00Z", "DRAFT");
    await sev1("In review, 13 days before", "2026-02-26T10:00:00Z", "IN_REVIEW");
    await sev1("Published", "2026-01-10T10:00:00Z", "PUBLISHED");
    // 2026-02-25 23:30 UTC is already the 26th in Berlin: 13 days before the meeting there.
    await sev1("Late on the 25th in UTC", "2026-02-25T23:30:00Z", "DRAFT");
    const utc = await pendingPostmortemFacts(db, WEEK_START, "2026-03-11", "UTC");
    expect(utc.map((p) => p.title)).toEqual(["No postmortem at all", "Draft, 14 days before the meeting", "Late on the 25th in UTC"]);
    expect(utc.map((p) => p.postmortemState)).toEqual([null, "DRAFT", "DRAFT"]);
    const berlin = await pendingPostmortemFacts(db, WEEK_START, "2026-03-11", "Europe/Berlin");
    expect(berlin.map((p) => p.title)).toEqual(["No postmortem at all", "Draft, 14 days before the meeting"]);
  });

  it("lists every overdue action item, most overdue first, and leaves out finished ones", async () => {
    const owner = await db.user.create({ data: { email: "owner@example.test", role: "ENGINEER" } });
    const incident = await db.incident.findFirstOrThrow();
    const due = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
    await db.actionItem.createMany({
      data: Array.from({ length: AGENDA_LIST_LIMIT + 2 }, (_, n) => ({ incidentId: incident.id, title: `Item ${n}`, ownerId: owner.id, dueDate: due(n), type: "PREVENT" as const })),
    });
    await db.actionItem.create({ data: { incidentId: incident.id, title: "Done long ago", ownerId: owner.id, dueDate: due(0), type: "PREVENT", status: "DONE" } });
    await db.actionItem.create({ data: { incidentId: incident.id, title: "Due on the day", ownerId: owner.id, dueDate: new Date("2026-03-11T00:00:00Z"), type: "PREVENT" } });
    const items = await overdueActionItemFacts(db, "2026-03-11");
    expect(items).toHaveLength(AGENDA_LIST_LIMIT + 2);
    expect(items[0]).toMatchObject({ title: "Item 0", dueDate: "2026-01-01", owner: "owner@example.test" });
  });
});
