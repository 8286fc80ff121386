import { describe, expect, it } from "vitest";
import { parseIncidentListParams } from "./params";
import { encodeCursor } from "./sort";
import { listSearchParams } from "./url";

const parse = (query: string, strict = true) => parseIncidentListParams(new URLSearchParams(query), { strict });

describe("parseIncidentListParams", () => {
  it("reads lists given comma-separated or repeated, and drops blanks a GET form sends", () => {
    const { params, errors } = parse("severity=SEV1,SEV2&status=RESOLVED&status=MITIGATED&q=&team=&from=");
    expect(errors).toEqual({});
    expect(params.filters).toMatchObject({ severity: ["SEV1", "SEV2"], status: ["RESOLVED", "MITIGATED"], team: [] });
    expect(params.filters.q).toBeUndefined();
    expect(params.filters.from).toBeUndefined();
  });

  it("accepts a Next.js searchParams object too", () => {
    const { params } = parseIncidentListParams({ service: ["cart", "search"], policyViolation: "true", q: "  card payments  " });
    expect(params.filters).toMatchObject({ service: ["cart", "search"], policyViolation: true, q: "card payments" });
  });

  it("reads repeat strictly as true, the only value, and writes it back into the URL", () => {
    expect(parse("repeat=true").params.filters.repeat).toBe(true);
    const only = ['must be "true" (only incidents with at least one repeat)'];
    for (const value of ["yes", "TRUE", "false", "1"]) expect(parse(`repeat=${value}`).errors).toEqual({ repeat: only });
    expect(parse("repeat=true&repeat=true").errors).toEqual({ repeat: ["give it once"] });
    const { params } = parse("repeat=true&severity=SEV1");
    expect(listSearchParams(params).toString()).toBe("severity=SEV1&repeat=true");
  });

  it("expands ai=involved to every involvement but NONE", () => {
    expect(parse("ai=involved").params.filters.ai).toEqual(["ASSISTED", "GENERATED", "AGENT"]);
  });

  it("names each bad parameter with what it should be, and leaves it at its default", () => {
    const { params, errors } = parse(
      "severity=SEV9&from=2026-02-30&to=yesterday&policyViolation=maybe&sort=title&limit=1000&service=Not%20A%20Slug&severty=SEV1",
    );
    expect(errors).toEqual({
      severity: ['"SEV9" is not one of SEV1, SEV2'],
      from: [expect.stringContaining("must be a date (YYYY-MM-DD)")],
      to: [expect.stringContaining("must be a date (YYYY-MM-DD)")],
      policyViolation: ['must be "true" or "false"'],
      sort: ["must be one of startedAt, severity"],
      limit: ["must be at most 200"],
      service: ["must be slugs (a-z, 0-9, -)"],
      severty: [expect.stringContaining("is not a parameter of this list")],
    });
    expect(params.filters.severity).toEqual([]);
    expect(params.sort).toEqual({ column: "startedAt", direction: "desc" });
    expect(params.pageSize).toBe(25);
  });

  it("ignores unknown parameters unless strict (the page tolerates utm_source and friends)", () => {
    expect(parse("utm_source=mail", false).errors).toEqual({});
  });

  it("refuses a range that ends before it starts", () => {
    expect(parse("from=2026-03-10&to=2026-03-01").errors).toEqual({ to: ["must not be before from"] });
  });

  it("takes each column's natural first direction when no order is given", () => {
    expect(parse("sort=severity").params.sort).toEqual({ column: "severity", direction: "asc" });
    expect(parse("sort=startedAt").params.sort).toEqual({ column: "startedAt", direction: "desc" });
  });

  it("refuses a cursor that is garbage or belongs to another order", () => {
    const cursor = encodeCursor("startedAt", { startedAt: new Date("2026-03-01T00:00:00Z"), id: "0b6f6c7e-4a4e-4e8e-9d1c-7d1b2f0f6a11", severity: "SEV2" });
    expect(parse(`cursor=${cursor}`).params.after).toBe(cursor);
    expect(parse(`cursor=${cursor}&sort=severity`).errors.cursor).toBeDefined();
    expect(parse("cursor=garbage").errors.cursor).toEqual([expect.stringContaining("is not a cursor of this list")]);
  });
});

describe("listSearchParams", () => {
  it("writes a view back to the query string it was read from", () => {
    const query =
      "q=card+payments&severity=SEV1&service=cart%2Csearch&ai=AGENT&postmortem=NONE&policyViolation=false&from=2026-03-01&to=2026-03-31&sort=severity&order=desc";
    const { params } = parse(query);
    expect(listSearchParams(params).toString()).toBe(query);
    expect(parse(listSearchParams(params).toString()).params).toEqual(params);
  });

  it("leaves defaults out", () => {
    expect(listSearchParams(parse("").params).toString()).toBe("");
  });
});
