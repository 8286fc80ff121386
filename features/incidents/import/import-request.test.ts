import { describe, expect, it } from "vitest";
import { importUrl, mappingParameter, problemTotal, refusalOf, refusalPlace } from "./import-request";

describe("the import request", () => {
  it("maps each header of the file to its field, or null to ignore it, whatever the header is called", () => {
    const mapping = mappingParameter(["Incident Number", "Notes", "__proto__"], ["reference", null, "title"]);
    // As JSON, the way it is sent: "__proto__" stays a column like any other.
    expect(JSON.stringify(mapping)).toBe('{"Incident Number":"reference","Notes":null,"__proto__":"title"}');
  });

  it("carries the dry-run flag and the mapping as JSON in the query", () => {
    const url = new URL(importUrl(true, { "Created On": "started_at", "a&b": null }), "http://localhost");
    expect(url.pathname).toBe("/api/v1/incidents/import");
    expect(url.searchParams.get("dryRun")).toBe("true");
    expect(JSON.parse(url.searchParams.get("mapping")!)).toEqual({ "Created On": "started_at", "a&b": null });
    expect(new URL(importUrl(false, {}), "http://localhost").searchParams.get("dryRun")).toBe("false");
  });

  it("counts the problems past the listed ones when the answer caps its list", () => {
    const report = { rows: 900, imported: 0, skipped: 0, columns: [], errors: [{ line: 2, column: "title", message: "is required" }] };
    expect(problemTotal(report)).toBe(1);
    expect(problemTotal({ ...report, errorCount: 700 })).toBe(700);
  });
});

describe("a refusal", () => {
  it("keeps the problem's detail and the messages of the fields it names", () => {
    const refusal = refusalOf(400, {
      title: "Bad Request",
      detail: "The request has invalid fields; see errors.",
      errors: [{ field: "mapping", messages: ["names no field x"] }],
    });
    expect(refusal).toEqual({
      status: 400,
      detail: "The request has invalid fields; see errors.",
      fields: [{ field: "mapping", messages: ["names no field x"] }],
    });
    expect(refusalPlace(refusal)).toBe("mapping");
  });

  it("words a body that is no problem document, and places it by what it is about", () => {
    expect(refusalOf(502, null)).toEqual({ status: 502, detail: "The import was refused (HTTP 502).", fields: [] });
    expect(refusalOf(413, { title: "Content Too Large", detail: "the request body is larger than the limit" }).detail).toBe(
      "the request body is larger than the limit",
    );
    expect(refusalPlace(refusalOf(415, { detail: "send text/csv" }))).toBe("file");
    expect(refusalPlace(refusalOf(400, { errors: [{ field: "body", messages: ["is empty"] }] }))).toBe("file");
    expect(refusalPlace(refusalOf(503, { detail: "The database is unavailable" }))).toBe("actions");
    expect(refusalOf(401, { detail: "Sign in first, or send Authorization: Bearer <token>." }).detail).toMatch(/^You are signed out: sign in again/);
  });
});
