import { beforeAll, describe, expect, it } from "vitest";
import { fileIncident } from "@/features/incidents/mutations";
import { useTestDatabase } from "@/test/database";
import { AGENDA_LIST_LIMIT } from "../agenda";
import { overdueActionItemFacts, pendingPostmortemFacts } from "./backlog-facts";
import { engineer } from "../test-week";

const { db } = useTestDatabase();
const WEEK_START = new Date("2026-03-02T00:00:00Z"); // 2026-W10, meeting judged on 2026-03-11

async function sev1(title: string, startedAt: string, postmortem: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | null) {
  const incident = await fileIncident(
    db,
    {
      title,
      severity: "SEV1",
      status: "RESOLVED",
      services: ["checkout-api"],
      startedAt,
      mitigatedAt: startedAt,
      resolvedAt: startedAt,
      impact: { usersAffected: 1 },
      blastRadius: "SINGLE_SERVICE",
      rootCause: { category: "UNKNOWN" },
      change: { approval: "NONE" },
      ai: { involvement: "NONE" },
    },
    engineer,
    new Date("2026-03-12T00:00:00Z"),
  );
  // Something written, so a draft reads as started.
  if (postmortem) await db.postmortem.create({ data: { incidentId: incident.id, state: postmortem, impactStatement: "Checkout failed." } });
  return incident;
}

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
});

describe("the backlog an agenda reviews", () => {
  it("lists SEV1 postmortems unpublished 14 days after the start, in the organisation's zone", async () => {
    await sev1("No postmortem at all", "2026-02-01T10:00:00Z", null);
    await sev1("Draft, 14 days before the meeting", "2026-02-25T10:00:00Z", "DRAFT");
    await sev1("In review, 13 days before", "2026-02-26T10:00:00Z", "IN_REVIEW");
    await sev1("Published", "2026-01-10T10:00:00Z", "PUBLISHED");
    // 2026-02-25 23:30 UTC is already the 26th in Berlin: 13 days before the meeting there.
    await sev1("Late on the 25th in UTC", "2026-02-25T23:30:00Z", "DRAFT");
    const utc = await pendingPostmortemFacts(db, WEEK_START, "2026-03-11", "UTC", 10);
    expect(utc.rows.map((p) => p.title)).toEqual(["No postmortem at all", "Draft, 14 days before the meeting", "Late on the 25th in UTC"]);
    expect(utc.rows.map((p) => p.postmortemState)).toEqual([null, "DRAFT", "DRAFT"]);
    expect(utc.total).toBe(3);
    const berlin = await pendingPostmortemFacts(db, WEEK_START, "2026-03-11", "Europe/Berlin", 10);
    expect(berlin.rows.map((p) => p.title)).toEqual(["No postmortem at all", "Draft, 14 days before the meeting"]);
    expect(berlin.total).toBe(2);
  });

  it("shows the oldest pending postmortems up to the limit and counts them all", async () => {
    const bounded = await pendingPostmortemFacts(db, WEEK_START, "2026-03-11", "UTC", 2);
    expect(bounded.rows.map((p) => p.title)).toEqual(["No postmortem at all", "Draft, 14 days before the meeting"]);
    expect(bounded.total).toBe(3);
  });

  it("shows the most overdue action items first up to the limit, counts them all, and leaves out finished ones and those due on the day", async () => {
    const owner = await db.user.create({ data: { email: "owner@example.test", role: "ENGINEER" } });
    const incident = await db.incident.findFirstOrThrow();
    const due = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
    await db.actionItem.createMany({
      data: Array.from({ length: AGENDA_LIST_LIMIT + 2 }, (_, n) => ({
        incidentId: incident.id,
        title: `Item ${n}`,
        ownerId: owner.id,
        dueDate: due(n),
        type: "PREVENT" as const,
      })),
    });
    await db.actionItem.create({
      data: { incidentId: incident.id, title: "Done long ago", ownerId: owner.id, dueDate: due(0), type: "PREVENT", status: "DONE" },
    });
    await db.actionItem.create({
      data: { incidentId: incident.id, title: "Due on the day", ownerId: owner.id, dueDate: new Date("2026-03-11T00:00:00Z"), type: "PREVENT" },
    });
    await db.actionItem.create({
      data: {
        incidentId: incident.id,
        title: "Started, due first",
        ownerId: owner.id,
        dueDate: new Date("2025-12-31T00:00:00Z"),
        type: "DETECT",
        status: "IN_PROGRESS",
        priority: "P1",
      },
    });
    await db.actionItem.create({ data: { incidentId: incident.id, title: "Dropped", ownerId: owner.id, dueDate: due(0), type: "PREVENT", status: "WONT_DO" } });
    const items = await overdueActionItemFacts(db, "2026-03-11", AGENDA_LIST_LIMIT);
    expect(items.total).toBe(AGENDA_LIST_LIMIT + 3);
    expect(items.rows).toHaveLength(AGENDA_LIST_LIMIT);
    expect(items.rows[0]).toMatchObject({
      title: "Started, due first",
      dueDate: "2025-12-31",
      status: "IN_PROGRESS",
      owner: "owner@example.test",
      incidentReference: incident.reference,
    });
    expect(items.rows.slice(1).map((a) => a.title)).toEqual(Array.from({ length: AGENDA_LIST_LIMIT - 1 }, (_, n) => `Item ${n}`));
  });
});
