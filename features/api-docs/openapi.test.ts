import { describe, expect, it } from "vitest";
import { LIST_PARAMETERS } from "@/features/incidents/list/params";
import { ROUTE_ACCESS } from "@/lib/auth/route-access";
import { openApiDocument } from "./openapi";

const document = openApiDocument();
type Operation = { parameters?: { name: string }[]; security?: unknown[] };
const operations = document.paths as Record<string, Record<string, Operation>>;

describe("the OpenAPI document", () => {
  it("describes every method of every public API route, and nothing else", () => {
    const documented = Object.entries(operations).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== "parameters")
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, "[$1]")}`),
    );
    const served = ROUTE_ACCESS.filter(
      (r) => r.kind === "api" && (r.route.startsWith("/api/v1/") || r.route === "/api/health") && !r.route.endsWith("openapi.json"),
    ).flatMap((r) => (r.methods ?? []).map((m) => `${m} ${r.route}`));
    expect(documented.sort()).toEqual(served.sort());
  });

  it("documents every filter of the incident list", () => {
    const names = operations["/api/v1/incidents"]?.get?.parameters?.map((p) => p.name) ?? [];
    expect(names.sort()).toEqual(LIST_PARAMETERS.filter((p) => p !== "before").sort());
  });

  it("takes request bodies from the schemas the API validates with", () => {
    const input = document.components.schemas.IncidentInput as { properties: Record<string, unknown>; required: string[] };
    expect(input.properties.startedAt).toEqual({ type: "string", format: "date-time" });
    expect(input.properties.severity).toEqual({ type: "string", enum: ["SEV1", "SEV2"] });
    expect(input.required).toEqual(expect.arrayContaining(["title", "severity", "status", "services", "startedAt", "impact", "blastRadius"]));
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
