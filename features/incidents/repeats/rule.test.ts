import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RootCauseCategory } from "@/lib/generated/prisma/enums";
import { useTestDatabase } from "@/test/database";
import { findRepeats, toRepeatResponse } from "./reads";
import { hasRepeatSql } from "./sql";

// The learning loop's rule worked out by hand: the later incident LATER started 2026-06-01 00:00Z
// on checkout and cart, with a code change as its root cause.
const { db } = useTestDatabase();
const LATER_START = new Date("2026-06-01T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ids = new Map<string, string>();
let owner = "";

async function incident(reference: string, startedAt: Date, services: string[], category: RootCauseCategory = "CODE_CHANGE") {
  const links = await db.service.findMany({ where: { slug: { in: services } } });
  const row = await db.incident.create({
    data: {
      reference,
      title: reference,
      severity: "SEV2",
      status: "RESOLVED",
      startedAt,
      blastRadius: "SINGLE_SERVICE",
      rootCauseCategory: category,
      services: { create: links.map((s) => ({ serviceId: s.id })) },
    },
  });
  ids.set(reference, row.id);
  return row.id;
}

const repeatsOf = async (reference: string) => (await findRepeats(db, ids.get(reference)!)).map((r) => r.reference);

beforeAll(async () => {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  for (const slug of ["checkout", "cart", "search"]) await db.service.create({ data: { slug, name: slug, teamId: team.id } });
  owner = (await db.user.create({ data: { email: "owner@example.test", role: "ENGINEER" } })).id;
  await incident("LATER", LATER_START, ["checkout", "cart"]);
  await incident("EDGE-90-DAYS", new Date(LATER_START.getTime() - 90 * DAY), ["cart", "search"]); // exactly 90 days: a repeat
  await incident("JUST-OVER-90", new Date(LATER_START.getTime() - 90 * DAY - 1), ["cart"]); // 1 ms too early
  await incident("OTHER-SERVICE", new Date("2026-05-20T00:00:00Z"), ["search"]);
  await incident("OTHER-CATEGORY", new Date("2026-05-21T00:00:00Z"), ["checkout"], "CONFIG_CHANGE");
  await incident("RECENT", new Date("2026-05-31T23:59:59Z"), ["checkout"]);
  await incident("AFTERWARDS", new Date("2026-06-02T00:00:00Z"), ["checkout"]);
  await incident("SAME-START", LATER_START, ["checkout"]);
  await incident("MARKED", new Date("2026-05-10T00:00:00Z"), ["checkout"]);
  await db.notRepeatMark.create({ data: { incidentId: ids.get("LATER")!, earlierIncidentId: ids.get("MARKED")!, reason: "Different code path" } });
  await incident("UNKNOWN-LATER", new Date("2026-08-01T00:00:00Z"), ["search"], "UNKNOWN");
  await incident("UNKNOWN-EARLIER", new Date("2026-07-25T00:00:00Z"), ["search"], "UNKNOWN");
});

describe("an incident's repeats", () => {
  it("are the earlier incidents of the 90 days before it sharing a service and the root-cause category, newest first", async () => {
    expect(await repeatsOf("LATER")).toEqual(["RECENT", "EDGE-90-DAYS"]);
  });

  it("count one shared service among several as enough", async () => {
    // EDGE-90-DAYS shares only cart with LATER (checkout, cart) and has search besides.
    const [, edge] = await findRepeats(db, ids.get("LATER")!);
    expect(edge).toMatchObject({ reference: "EDGE-90-DAYS", sharedServices: ["cart"] });
  });

  it("are never found through the Unknown category", async () => {
    expect(await repeatsOf("UNKNOWN-LATER")).toEqual([]);
  });

  it("leave out a pair a LEAD marked as not a repeat, for that pair only", async () => {
    expect(await repeatsOf("LATER")).not.toContain("MARKED");
    // MARKED is still a repeat of the incidents it was not marked against.
    expect(await repeatsOf("RECENT")).toContain("MARKED");
  });

  it("never include a later incident or one that started at the same moment", async () => {
    expect(await repeatsOf("AFTERWARDS")).toContain("LATER");
    expect(await repeatsOf("LATER")).not.toContain("AFTERWARDS");
    expect(await repeatsOf("LATER")).not.toContain("SAME-START");
  });

  it("count the earlier incident's action items done before the repeat started, judged at its start", async () => {
    const item = (title: string, status: "OPEN" | "DONE" | "WONT_DO", completedAt: Date | null) =>
      db.actionItem.create({
        data: { incidentId: ids.get("RECENT")!, title, ownerId: owner, dueDate: new Date("2026-06-15"), type: "PREVENT", status, completedAt },
      });
    await item("done an hour before", "DONE", new Date(LATER_START.getTime() - 60 * 60 * 1000));
    await item("done at the very moment it started", "DONE", LATER_START);
    await item("done a day after", "DONE", new Date(LATER_START.getTime() + DAY));
    await item("still open", "OPEN", null);
    await item("dropped before", "WONT_DO", null);
    const [recent] = await findRepeats(db, ids.get("LATER")!);
    expect(toRepeatResponse(recent!)).toEqual({ reference: "RECENT", startedAt: "2026-05-31T23:59:59.000Z", actionItems: { total: 5, doneBeforeRepeat: 1 } });
    // For AFTERWARDS, a day later, the item done "a day after" LATER was still not done when it started (a tie is not before).
    const afterwards = await findRepeats(db, ids.get("AFTERWARDS")!);
    expect(afterwards.find((r) => r.reference === "RECENT")?.actionItems).toEqual({ total: 5, doneBeforeRepeat: 2 });
  });

  it("mark an incident as a repeat in SQL exactly when it has one", async () => {
    const rows = await db.$queryRaw<{ reference: string }[]>(Prisma.sql`SELECT i.reference FROM incidents i WHERE ${hasRepeatSql("i")} ORDER BY i.reference`);
    // EDGE-90-DAYS repeats JUST-OVER-90 (cart, 1 ms apart); OTHER-SERVICE repeats EDGE-90-DAYS
    // (search); RECENT repeats MARKED; SAME-START repeats RECENT. JUST-OVER-90, MARKED, OTHER-CATEGORY
    // and the two Unknown incidents have none.
    expect(rows.map((r) => r.reference)).toEqual(["AFTERWARDS", "EDGE-90-DAYS", "LATER", "OTHER-SERVICE", "RECENT", "SAME-START"]);
  });
});

describe("the repeat condition in a WHERE", () => {
  it("is asked row by row, never pulled up into a semi-join of every incident with every other of its category", async () => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN SELECT i.id FROM incidents i WHERE ${hasRepeatSql("i")} ORDER BY i.started_at DESC LIMIT 50`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    // Each incident of the scan is filtered by a subplan that looks up its own candidates in the
    // category index, bounded by its start: never a join of the whole table with itself.
    expect(text).toMatch(/Filter: \(SubPlan \d+\)/);
    expect(text).toMatch(
      /incidents_root_cause_category_started_at_idx on incidents rep[^\n]*\n\s+Index Cond: \(\(root_cause_category = i\.root_cause_category\)/,
    );
  });
});
