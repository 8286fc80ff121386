import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { createCatalogue } from "@/features/incidents/list/test-fixtures";
import { fileIncident } from "@/features/incidents/mutations";
import { importCsv, importer } from "./test-import";

const { db } = useTestDatabase({ seed: createCatalogue });

const HEADER = "reference,title,severity,status,services,started_at,mitigated_at,resolved_at,summary";
const row = (reference: string, title = "Cart totals wrong", extra = "") =>
  `${reference},${title},SEV2,RESOLVED,cart,2026-03-01T10:00:00Z,2026-03-01T11:00:00Z,2026-03-01T12:00:00Z,${extra}`;

describe("a dry run", () => {
  // Line 1 the header (after a byte order mark); the record of line 2 spans lines 2-3, that of
  // line 5 lines 5-8; CRLF line ends, but LF before the last two records.
  it("reports every problem by the line its record starts on and the file's column header, writing nothing", async () => {
    const file = [
      `\uFEFF${HEADER}`,
      row("INC-2025-0001", '"Quoted, with a comma and ""quotes"""', '"A summary\r\nover two lines"'),
      row("INC-2025-0002", "Fine").replace("SEV2", "SEV3"),
      row("INC-2025-0003", '"A title\nover lines"', '"more\nlines\nhere"').replace(",cart,", ",nowhere,"),
      row("42"),
      row("INC-2025-0005").replace("2026-03-01T11:00:00Z", "yesterday"),
      row("INC-2025-0006").replace("2026-03-01T12:00:00Z", "2026-03-01T10:30:00Z"),
    ].join("\r\n");
    const result = await importCsv(db, file.replace(/\r\n(?=INC-2025-000[56])/g, "\n"), true);
    expect(result).toMatchObject({ rows: 6, imported: 0, skipped: 0 });
    expect(result.errors).toEqual([
      { line: 4, column: "severity", message: "SEV3 is below SEV2: only SEV1 and SEV2 incidents are tracked" },
      { line: 5, column: "services", message: "unknown service: nowhere (name each by its slug or its name)" },
      { line: 9, column: "reference", message: expect.stringMatching(/^must look like INC-2026-0042 .*leave the reference column unmapped/) },
      { line: 10, column: "mitigated_at", message: expect.stringContaining("must be a date and time") },
      { line: 11, column: "resolved_at", message: "cannot be before the impact was mitigated" },
    ]);
    expect(await db.incident.count()).toBe(0);
  });

  it("reads the first record's quoted fields exactly", async () => {
    const file = `${HEADER}\n${row("INC-2025-0011", '"Quoted, ""quotes"" and\na line"', '"x,\r\ny"')}\n`;
    expect((await importCsv(db, file, true)).errors).toEqual([]);
    await importCsv(db, file, false);
    const incident = await db.incident.findUniqueOrThrow({ where: { reference: "INC-2025-0011" } });
    expect([incident.title, incident.summary]).toEqual(['Quoted, "quotes" and\na line', "x,\r\ny"]);
  });

  it("names the line of a quote that is never closed", async () => {
    const result = await importCsv(db, `${HEADER}\n${row("INC-2025-0021")}\n${row("INC-2025-0022", '"open')}\n${row("INC-2025-0023")}\n`, true);
    expect(result.errors).toEqual([{ line: 3, column: "title", message: "a quoted cell is never closed: its closing quote is missing" }]);
  });

  it("names a required field with no column on line 1", async () => {
    const result = await importCsv(db, "title,severity\nDown,SEV1\n", true);
    expect(result.errors).toEqual([
      { line: 1, column: "services", message: "no column is mapped to services (Affected services), which is required" },
      { line: 1, column: "started_at", message: "no column is mapped to started_at (Impact started), which is required" },
    ]);
  });

  it("reads at most 100 000 rows", async () => {
    const result = await importCsv(db, `title\n${"x\n".repeat(100_001)}`, true);
    expect(result.rows).toBe(100_000);
    expect(result.errors).toContainEqual({ line: 100_002, column: "", message: "the file has more than 100000 rows: split it into several files" });
  });

  it("names a column the mapping names that the file does not have, and two columns given one field", async () => {
    const result = await importCsv(db, "title,Headline,severity,services,started_at\n", true, { Headline: "title", Nope: null, title: "title" });
    expect(result.errors).toEqual([
      { line: 1, column: "Nope", message: "the mapping names a column the file does not have" },
      { line: 1, column: "Headline", message: 'title is already read from the column "title"' },
    ]);
  });

  it("keeps the first 1 000 errors and counts them all", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => row(`INC-2019-${String(i + 1).padStart(4, "0")}`).replace("SEV2", "SEV9"));
    const result = await importCsv(db, [HEADER, ...rows].join("\n"), true);
    expect([result.rows, result.errors.length, result.errorCount]).toEqual([1_200, 1_000, 1_200]);
  });
});

describe("an import", () => {
  it("is all or nothing: one bad row, and nothing is written", async () => {
    const rows = Array.from({ length: 1_100 }, (_, i) => row(`INC-2024-${String(i + 1).padStart(4, "0")}`));
    rows[1_050] = rows[1_050]!.replace("SEV2", "SEV7"); // after the first batches were written
    const audits = await db.auditEvent.count();
    const result = await importCsv(db, [HEADER, ...rows].join("\r\n"), false);
    expect(result).toMatchObject({ rows: 1_100, imported: 0, errors: [{ line: 1_052, column: "severity" }] });
    expect(await db.incident.count({ where: { reference: { startsWith: "INC-2024-" } } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("adds nothing when the same file comes twice, and counts the skipped rows (and a reference repeated in the file)", async () => {
    const file = [HEADER, row("INC-2023-0001"), row("INC-2023-0002"), row("INC-2023-0001", "Again")].join("\n");
    expect(await importCsv(db, file, false)).toMatchObject({ rows: 3, imported: 2, skipped: 1, errors: [] });
    expect(await importCsv(db, file, true)).toMatchObject({ rows: 3, imported: 0, skipped: 3, errors: [] });
    expect(await importCsv(db, file, false)).toMatchObject({ rows: 3, imported: 0, skipped: 3, errors: [] });
    expect(await db.incident.count({ where: { reference: { startsWith: "INC-2023-" } } })).toBe(2);
  });

  it("writes each row once when two imports of the same file run at once", async () => {
    const rows = Array.from({ length: 700 }, (_, i) => row(`INC-2016-${String(i + 1).padStart(4, "0")}`));
    const file = [HEADER, ...rows].join("\n");
    const results = await Promise.all([importCsv(db, file, false), importCsv(db, file, false)]);
    expect(results.map((r) => r.errors)).toEqual([[], []]);
    expect(results.map((r) => r.imported).reduce((a, b) => a + b)).toBe(700);
    expect(results.map((r) => r.imported + r.skipped)).toEqual([700, 700]);
    expect(await db.incident.count({ where: { reference: { startsWith: "INC-2016-" } } })).toBe(700);
  });

  it("writes what a filing writes: services, the policy flag, and an audit event per incident", async () => {
    const file =
      "reference,title,severity,services,started_at,ai_involvement,change_author_level,change_approval\n" +
      "INC-2022-0007,Policy,SEV1,cart search,2026-02-01T00:00:00Z,AI-generated,Mid-level,Peer\n";
    await importCsv(db, file, false);
    const incident = await db.incident.findUniqueOrThrow({ where: { reference: "INC-2022-0007" }, include: { services: { include: { service: true } } } });
    expect(incident).toMatchObject({
      policyViolation: true,
      status: "INVESTIGATING",
      blastRadius: "MULTI_SERVICE",
      aiInvolvement: "GENERATED",
      changeAuthorLevel: "MID",
    });
    expect(incident.services.map((s) => s.service.slug).sort()).toEqual(["cart", "search"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: incident.id } });
    expect(audit).toMatchObject({
      action: "incident.import",
      actorLabel: importer.label,
      method: "API",
      changes: { created: { reference: "INC-2022-0007" }, line: 2 },
    });
  });

  it("raises each year's reference counter to the highest imported number, so a later filing takes the next", async () => {
    await importCsv(db, [HEADER, row("INC-2021-0040"), row("INC-2021-0012")].join("\n"), false);
    const filed = await fileIncident(
      db,
      {
        title: "Later",
        severity: "SEV2",
        status: "INVESTIGATING",
        services: ["cart"],
        startedAt: "2021-06-01T00:00:00Z",
        impact: { usersAffected: 1 },
        blastRadius: "SINGLE_SERVICE",
      },
      importer,
      new Date("2021-06-02T00:00:00Z"),
    );
    expect(filed.reference).toBe("INC-2021-0041");
  });

  it("allocates references in the year each incident started when the file has none", async () => {
    const file =
      "title,severity,services,started_at\nOld one,SEV1,Cart,2020-05-01T00:00:00Z\nNewer,SEV2,cart,2020-07-01 08:00\nOther year,P1,cart,2018-01-01T00:00:00+01:00\n";
    expect(await importCsv(db, file, false)).toMatchObject({ imported: 3, errors: [] });
    const references = (await db.incident.findMany({ where: { title: { in: ["Old one", "Newer", "Other year"] } }, orderBy: { startedAt: "asc" } })).map(
      (i) => i.reference,
    );
    expect(references).toEqual(["INC-2017-0001", "INC-2020-0001", "INC-2020-0002"]);
  });
});
