import { HTTP_METHODS, openApiDocumentSchema, type JsonSchema, type OpenApiDocument, type Parameter } from "./schemas";
import { exampleOf, refName, schemaRows, type SchemaRow } from "./schema-view";

// The API reference page's reading of the OpenAPI document: operations grouped by tag (or, for
// an untagged operation, by the first path segment after /api/v1), each with its parameters,
// request body and responses.

export type ReferenceBody = { contentType: string; schemaName?: string; rows: SchemaRow[]; example: string };
export type ReferenceResponse = { status: string; description: string; body?: ReferenceBody };
export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  needsToken: boolean;
  parameters: Parameter[];
  requestBody?: ReferenceBody & { required: boolean };
  responses: ReferenceResponse[];
};
export type ReferenceGroup = { id: string; name: string; operations: ReferenceOperation[] };

export function parseOpenApiDocument(json: unknown): OpenApiDocument {
  return openApiDocumentSchema.parse(json);
}

/** "/api/v1/metrics/weekly" → "Metrics"; "/api/health" → "Health". */
export function groupNameOf(path: string): string {
  const segment = path.replace(/^\/api\/(v\d+\/)?/, "").split("/")[0] || "General";
  return segment.charAt(0).toUpperCase() + segment.slice(1);
}

export const operationId = (method: string, path: string) =>
  `${method}-${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/-+$/, "");

function bodyOf(content: Record<string, { schema?: JsonSchema }> | undefined, schemas: Record<string, JsonSchema>): ReferenceBody | undefined {
  const [contentType, media] = Object.entries(content ?? {})[0] ?? [];
  if (!contentType || !media?.schema) return undefined;
  const schema = media.schema;
  return {
    contentType,
    schemaName: schema.$ref ? refName(schema.$ref) : undefined,
    rows: schemaRows(schema, schemas),
    example: JSON.stringify(exampleOf(schema, schemas), null, 2),
  };
}

export function apiReference(document: OpenApiDocument): ReferenceGroup[] {
  const schemas = document.components?.schemas ?? {};
  const groups = new Map<string, ReferenceGroup>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const name = operation.tags?.[0] ?? groupNameOf(path);
      const group = groups.get(name) ?? { id: `group-${operationId("", name).replace(/^-/, "")}`, name, operations: [] };
      groups.set(name, group);
      const request = operation.requestBody;
      const requestBody = bodyOf(request?.content, schemas);
      group.operations.push({
        id: operationId(method, path),
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
        description: operation.description,
        needsToken: (operation.security ?? document.security ?? []).length > 0,
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])],
        requestBody: requestBody && { ...requestBody, required: request?.required ?? false },
        responses: Object.entries(operation.responses).map(([status, response]) => ({
          status,
          description: response.description,
          body: bodyOf(response.content, schemas),
        })),
      });
    }
  }
  return [...groups.values()];
}
