import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { listIncidentPage } from "../reads";
import { pageQuery } from "./keyset";
import type { IncidentListFilters } from "./params";
import { filterConditions } from "./sql";
import type { IncidentListSort } from "./sort";

const { db } = useTestDatabase();
let made = 0;
const DAY = 86_400_000;
const epoch = Date.parse("2026-01-01T00:00:00Z");

type Shape = { startedAt: Date; severity: "SEV1" | "SEV2"; usersAffected: number };
async function insert(shape: Shape) {
  made += 1;
  return db.incident.create({
    data: { reference: `T-${String(made).padStart(5, "0")}`, title: `Incident ${made}`, status: "INVESTIGATING", blastRadius: "SINGLE_SERVICE", ...shape },
    select: { id: true },
  });
}

/** 40 incidents with many ties: 4 share each start instant, users affected take 3 values. */
async function seed() {
  await db.incident.deleteMany();
  for (let i = 0; i < 40; i++) {
    await insert({ startedAt: new Date(epoch + Math.floor(i / 4) * DAY), severity: i % 3 === 0 ? "SEV1" : "SEV2", usersAffected: [10, 500, 10_000][i % 3]! });
  }
  return (await db.incident.findMany({ select: { id: true } })).map((r) => r.id);
}

const orders: [string, IncidentListSort][] = [
  ["newest first", { column: "startedAt", direction: "desc" }],
  ["oldest first", { column: "startedAt", direction: "asc" }],
  ["Sev1 first", { column: "severity", direction: "asc" }],
  ["Sev2 first", { column: "severity", direction: "desc" }],
];

describe("keyset paging returns every row exactly once across pages while rows are being added", () => {
  for (const [name, sort] of orders) {
    for (const filters of [{}, { severity: ["SEV2"] }] as Partial<IncidentListFilters>[]) {
      it(`${name}${filters.severity ? ", Sev2 only" : ""}`, async () => {
        const existing = await seed();
        const matching = new Set(
          filters.severity ? (await db.incident.findMany({ where: { severity: "SEV2" }, select: { id: true } })).map((r) => r.id) : existing,
        );
        const seen: string[] = [];
        let page = await listIncidentPage(db, { sort, filters, pageSize: 5 });
        seen.push(...page.items.map((i) => i.id));
        let round = 0;
        while (page.nextCursor) {
          round += 1;
          if (round > 100) throw new Error("paging never ends: a cursor leads back to rows already read");
          // Between two page reads: an incident newer and one older than everything, and one
          // with the exact sort key of the last row read (so it ties with the cursor).
          const last = page.items.at(-1)!;
          await insert({ startedAt: new Date(epoch + 400 * DAY + round), severity: "SEV2", usersAffected: 1_000_000 });
          await insert({ startedAt: new Date(epoch - 400 * DAY - round), severity: "SEV1", usersAffected: 0 });
          await insert({ startedAt: new Date(last.startedAt), severity: last.severity, usersAffected: last.impact.usersAffected });
          page = await listIncidentPage(db, { sort, filters, pageSize: 5, after: page.nextCursor });
          seen.push(...page.items.map((i) => i.id));
        }
        expect(new Set(seen).size, "no row twice").toBe(seen.length);
        const seenExisting = seen.filter((id) => matching.has(id));
        expect(seenExisting.length, "every pre-existing row once").toBe(matching.size);
        expect(round).toBeGreaterThan(3);
      });
    }
  }

  it("pages backwards to the same rows it paged forwards", async () => {
    await seed();
    const sort: IncidentListSort = { column: "severity", direction: "asc" };
    const forwards: string[][] = [];
    let page = await listIncidentPage(db, { sort, pageSize: 7 });
    forwards.push(page.items.map((i) => i.id));
    while (page.nextCursor) {
      page = await listIncidentPage(db, { sort, pageSize: 7, after: page.nextCursor });
      forwards.push(page.items.map((i) => i.id));
    }
    const backwards: string[][] = [];
    // From the last page back to the first, by each page's previousCursor.
    while (page.previousCursor) {
      page = await listIncidentPage(db, { sort, pageSize: 7, before: page.previousCursor });
      backwards.unshift(page.items.map((i) => i.id));
    }
    expect(backwards).toEqual(forwards.slice(0, -1));
    expect(page.previousCursor).toBeNull();
  });

  it("reads the same order as SQL would sort the whole table", async () => {
    await seed();
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listIncidentPage>> = await listIncidentPage(db, {
        sort: { column: "severity", direction: "desc" },
        pageSize: 6,
        after: cursor,
      });
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = await db.incident.findMany({ orderBy: [{ severity: "desc" }, { startedAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(all).toEqual(expected.map((r) => r.id));
  });

  it("reads the same rows whether it walks time (dense matches) or sorts the matches (sparse)", async () => {
    await seed();
    const where = filterConditions(
      { q: undefined, severity: ["SEV1", "SEV2"], status: [], service: [], team: [], ai: [], rootCause: [], postmortem: [] },
      "UTC",
    );
    for (const [, sort] of orders) {
      for (const reading of ["forwards", "backwards"] as const) {
        const read = (sparse: boolean) => db.$queryRaw<{ id: string }[]>(pageQuery(where, sort, null, reading, 50, sparse));
        expect(
          (await read(true)).map((r) => r.id),
          `${sort.column} ${sort.direction} ${reading}`,
        ).toEqual((await read(false)).map((r) => r.id));
      }
    }
  });
});
