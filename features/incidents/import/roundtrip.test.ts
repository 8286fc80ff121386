import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { fileIncident } from "@/features/incidents/mutations";
import { incidentCsvStream } from "@/features/incidents/list/csv";
import { EMPTY_FILTERS } from "@/features/incidents/list/params";
import { DEFAULT_SORT } from "@/features/incidents/list/sort";
import { createCatalogue, FIXTURES, NOW, testActor } from "@/features/incidents/list/test-fixtures";
import { parseCsv } from "@/features/incidents/list/test-csv";
import { importCsv } from "./test-import";

// Export → import into an empty database (the same teams and services, no incidents) → export
// gives the same bytes. Postmortems are not imported, so postmortem_state reads NONE after an
// import: the source incidents here have none, and the files can be equal byte for byte.
const databases: { test: TestDatabase; db: Database }[] = [];
async function openDatabase() {
  const test = await createTestDatabase();
  const db = createPrismaClient({ url: test.url, poolMax: 4 });
  databases.push({ test, db });
  await createCatalogue(db);
  return db;
}
afterAll(async () => {
  for (const { test, db } of databases) {
    await db.$disconnect();
    await test.drop();
  }
});

const exportCsv = (db: Database) => new Response(incidentCsvStream(db, { filters: EMPTY_FILTERS, sort: DEFAULT_SORT }, { timeZone: "UTC", now: NOW })).text();

/** Text a spreadsheet would take for a formula, or that looks like one after its quote is taken off. */
const HOSTILE = {
  title: '=HYPERLINK("http://evil.example","Refund")',
  summary: 'Line one, with "quotes"\r\nline two\nline three\rand a lone CR; a tab\there',
  rootCause: { category: "SECURITY", description: "'=already quoted" },
  change: { reference: "+1 change", authorLevel: "PRINCIPAL", approval: "MANAGER" },
  ai: { involvement: "AGENT", tool: "@tool" },
  // A start of its own: rows that start together are ordered by id, which differs between databases.
  startedAt: "2026-03-20T00:00:00Z",
  mitigatedAt: "2026-03-20T01:00:00Z",
  resolvedAt: "2026-03-20T02:00:00Z",
};

let source: Database;
let target: Database;
beforeAll(async () => {
  [source, target] = await Promise.all([openDatabase(), openDatabase()]);
  for (const input of [
    ...Object.values(FIXTURES),
    { ...FIXTURES.E, ...HOSTILE, impact: { usersAffected: 3, failedTransactions: 12, regions: ["eu-west-1", "us-east-1"], capabilities: ["pay"] } },
  ]) {
    await fileIncident(source, input, testActor, NOW);
  }
});

describe("export → import → export", () => {
  it("gives the same file", async () => {
    const exported = await exportCsv(source);
    expect(parseCsv(exported)).toHaveLength(7); // the header and six incidents
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"",""Refund"")"`);
    expect(exported).toContain("''=already quoted");
    expect(await importCsv(target, exported, true)).toMatchObject({ rows: 6, imported: 6, skipped: 0, errors: [] });
    expect(await importCsv(target, exported, false)).toMatchObject({ rows: 6, imported: 6, skipped: 0, errors: [] });
    expect(await exportCsv(target)).toBe(exported);
    expect(await importCsv(target, exported, false)).toMatchObject({ rows: 6, imported: 0, skipped: 6, errors: [] });
  });
});

describe("other tools' exports", () => {
  it("imports PagerDuty's incident CSV with its headers and values", async () => {
    const file = [
      "Incident ID,Incident Number,Description,Status,Urgency,Priority,Service Name,Created On,Acknowledged On,Resolved On",
      "Q1ABC,1042,Checkout errors,resolved,high,P1,Checkout API,2025-11-03T09:12:00-05:00,2025-11-03T09:20:00-05:00,2025-11-03T10:02:00-05:00",
      "Q2DEF,1043,Cart slow,acknowledged,low,,cart,2025-11-04 13:00:00 UTC,2025-11-04 13:05:00 UTC,",
    ].join("\r\n");
    const dry = await importCsv(target, file, true);
    expect(dry.errors[0]).toEqual({ line: 2, column: "Incident Number", message: expect.stringContaining("leave the reference column unmapped") });
    const result = await importCsv(target, file, false, { "Incident Number": null });
    expect(result).toMatchObject({ rows: 2, imported: 2, errors: [] });
    const incidents = await target.incident.findMany({ where: { title: { in: ["Checkout errors", "Cart slow"] } }, orderBy: { startedAt: "asc" } });
    expect(incidents.map((i) => [i.reference.slice(0, 9), i.severity, i.status, i.startedAt.toISOString(), i.mitigatedAt?.toISOString() ?? null])).toEqual([
      ["INC-2025-", "SEV1", "RESOLVED", "2025-11-03T14:12:00.000Z", "2025-11-03T15:02:00.000Z"],
      ["INC-2025-", "SEV2", "INVESTIGATING", "2025-11-04T13:00:00.000Z", null],
    ]);
  });

  it("imports Opsgenie's alert CSV with its headers and values, a column named by the mapping holding the services", async () => {
    const file = [
      "TinyId,Alias,Message,Status,CreatedAt,ClosedAt,Priority,Description,Tags,Acknowledged time",
      "17,INC-2025-0900,Search down,closed,2025-10-01T08:00:00Z,2025-10-01T09:30:00Z,P2,The index was gone,search,2025-10-01T08:03:00Z",
      "18,INC-2025-0901,Minor,open,2025-10-02T08:00:00Z,,P4,,search,",
    ].join("\n");
    const mapping = { Tags: "services" } as const;
    expect((await importCsv(target, file, true, mapping)).errors).toEqual([
      { line: 3, column: "Priority", message: "P4 is below SEV2: only SEV1 and SEV2 incidents are tracked" },
    ]);
    const result = await importCsv(target, file.split("\n").slice(0, 2).join("\n"), false, mapping);
    expect(result.columns.map((c) => c.field)).toEqual([
      null,
      "reference",
      "title",
      "status",
      "started_at",
      "resolved_at",
      "severity",
      "summary",
      "services",
      "detected_at",
    ]);
    const incident = await target.incident.findUniqueOrThrow({ where: { reference: "INC-2025-0900" } });
    expect(incident).toMatchObject({
      title: "Search down",
      summary: "The index was gone",
      severity: "SEV2",
      status: "RESOLVED",
      detectedAt: new Date("2025-10-01T08:03:00Z"),
    });
    expect(incident.mitigatedAt).toEqual(incident.resolvedAt);
  });
});
