import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { apiReference, groupNameOf, parseOpenApiDocument } from "./reference";

// The page reads the document as a client of /api/v1/openapi.json would: JSON, parsed.
const document = parseOpenApiDocument(JSON.parse(JSON.stringify(openApiDocument())));
const groups = apiReference(document);
const operations = groups.flatMap((g) => g.operations);
const find = (method: string, path: string) => operations.find((o) => o.method === method && o.path === path);

describe("the API reference", () => {
  it("shows every operation of the document once, grouped by the first segment of its path", () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => k !== "parameters")
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(documented.sort());
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Health", "Incidents", "Changes", "Metrics", "Reviews", "Services"]));
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
  });

  it("names groups after a tag when the operation has one", () => {
    expect(groupNameOf("/api/v1/metrics/weekly")).toBe("Metrics");
    expect(groupNameOf("/api/health")).toBe("Health");
    const tagged = apiReference({ ...document, paths: { "/api/v1/x": { get: { tags: ["Odd"], responses: { 200: { description: "ok" } } } } } });
    expect(tagged.map((g) => g.name)).toEqual(["Odd"]);
  });

  it("gives filing an incident its request fields, nested, with their rules and an example", () => {
    const post = find("POST", "/api/v1/incidents");
    expect(post?.needsToken).toBe(true);
    expect(post?.requestBody?.schemaName).toBe("IncidentInput");
    const rows = new Map(post?.requestBody?.rows.map((r) => [r.name, r]));
    expect(rows.get("severity")).toMatchObject({ required: true, rules: ["one of SEV1, SEV2"] });
    expect(rows.get("impact.usersAffected")).toMatchObject({ type: "integer", required: true });
    expect(rows.get("startedAt")?.type).toBe("string (date-time)");
    expect(JSON.parse(post?.requestBody?.example ?? "{}")).toMatchObject({ severity: "SEV1", impact: { usersAffected: 0 } });
    expect(post?.responses.map((r) => r.status)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "422"]));
    expect(post?.responses.find((r) => r.status === "400")?.body?.contentType).toBe("application/problem+json");
  });

  it("carries the path's own parameters onto its operations, and knows the health check needs no token", () => {
    expect(find("GET", "/api/v1/incidents/{id}")?.parameters.map((p) => p.name)).toEqual(["id"]);
    expect(find("GET", "/api/health")?.needsToken).toBe(false);
    const weekly = find("GET", "/api/v1/metrics/weekly");
    expect(weekly?.parameters.filter((p) => p.required).map((p) => p.name)).toEqual(["from", "to"]);
    expect(weekly?.responses[0]?.body?.rows.map((r) => r.name)).toContain("weeks[].ttm.median");
  });

  it("refuses a document that is not OpenAPI", () => {
    expect(() => parseOpenApiDocument({ paths: {} })).toThrow();
  });
});
