import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { fileIncident } from "../mutations";
import { investigatingIncident } from "../test-input";
import { listIncidentPage } from "../reads";
import { csvCell, incidentCsvStream, withoutFormulaPrefix } from "./csv";
import { EMPTY_FILTERS } from "./params";
import { DEFAULT_SORT } from "./sort";
import { parseCsv } from "./test-csv";
import { createCatalogue, fileFixtures, NOW, testActor } from "./test-fixtures";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ['=HYPERLINK("http://evil","click")', `"'=HYPERLINK(""http://evil"",""click"")"`],
    ["a=b", "a=b"],
    ["'=1", "''=1"],
    ["'plain", "'plain"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("is undone by withoutFormulaPrefix for any text", () => {
    for (const text of ["=1", "'=1", "''+x", "'plain", "plain", "-", "'", "@", "a=b"])
      expect(withoutFormulaPrefix(csvCell(text).replace(/^"|"$/g, ""))).toBe(text);
  });

  it("writes numbers, booleans and nothing plainly", () => {
    expect([csvCell(42), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual(["42", "true", "", ""]);
  });
});

describe("incidentCsvStream", () => {
  const { db } = useTestDatabase();
  beforeAll(async () => {
    await createCatalogue(db);
    await fileFixtures(db);
    // Hostile text: a formula in the title, quotes, commas and line breaks in the summary.
    await fileIncident(
      db,
      investigatingIncident({
        title: '=HYPERLINK("http://evil.example","Refund")',
        summary: 'Line one, with "quotes"\r\nline two',
        service: "cart",
        startedAt: "2026-03-20T10:00:00Z",
        usersAffected: 1,
        rootCause: { category: "SECURITY", description: "@import of a bad package" },
      }),
      testActor,
      NOW,
    );
  });

  const exportCsv = async (filters = EMPTY_FILTERS) =>
    parseCsv(await new Response(incidentCsvStream(db, { filters, sort: DEFAULT_SORT }, { timeZone: "UTC", now: NOW })).text());

  it("holds exactly the filtered rows, in the list's order, across export pages", async () => {
    const filters = { ...EMPTY_FILTERS, service: ["checkout-api", "cart"] };
    const [header, ...rows] = await exportCsv(filters);
    const listed = await listIncidentPage(db, { filters, pageSize: 100, now: NOW });
    expect(header?.[0]).toBe("reference");
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((i) => i.reference));
    expect(rows).toHaveLength(5);
  });

  it("writes each column from the incident, and hostile text inert but whole", async () => {
    const [header, ...rows] = await exportCsv({ ...EMPTY_FILTERS, rootCause: ["SECURITY"] });
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((name, i) => [name, rows[0]![i]]));
    expect(row).toMatchObject({
      title: `'=HYPERLINK("http://evil.example","Refund")`,
      summary: 'Line one, with "quotes"\r\nline two',
      root_cause_description: "'@import of a bad package",
      severity: "SEV2",
      services: "cart",
      teams: "storefront",
      started_at: "2026-03-20T10:00:00.000Z",
      policy_violation: "false",
      postmortem_state: "NONE",
      users_affected: "1",
    });
  });

  it("streams every row when there are more than one export page of them", async () => {
    const base = { severity: "SEV2", status: "INVESTIGATING", blastRadius: "SINGLE_SERVICE", usersAffected: 3 } as const;
    await db.incident.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        ...base,
        reference: `BULK-${i}`,
        title: `Bulk ${i}`,
        startedAt: new Date(Date.parse("2025-01-01T00:00:00Z") + i * 60_000),
      })),
    });
    const [, ...rows] = await exportCsv({ ...EMPTY_FILTERS, q: "bulk" });
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1203);
  });
});
