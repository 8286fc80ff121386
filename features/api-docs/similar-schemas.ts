// The similar incidents' parts of the API document.
import { ROOT_CAUSE_CATEGORIES, SEVERITIES } from "@/lib/domain/incident-enums";

type Helpers = {
  ref: (name: keyof typeof similarComponents) => unknown;
  json: (schema: unknown) => unknown;
  problem: (description: string) => unknown;
  refusals: Record<number, unknown>;
};

export const similarComponents = {
  SimilarIncidents: {
    type: "object",
    description:
      "The five earlier incidents whose title, summary and root cause share the most words with this one, closest first (docs/domain.md, Similar incidents)",
    properties: {
      items: {
        type: "array",
        maxItems: 5,
        items: {
          type: "object",
          properties: {
            reference: { type: "string", examples: ["INC-2026-0042"] },
            title: { type: "string" },
            startedAt: { type: "string", format: "date-time" },
            severity: { type: "string", enum: [...SEVERITIES] },
            rootCauseCategory: { type: "string", enum: [...ROOT_CAUSE_CATEGORIES] },
            resemblance: { type: "string", enum: ["close", "many words in common", "some words in common"] },
          },
          required: ["reference", "title", "startedAt", "severity", "rootCauseCategory", "resemblance"],
        },
      },
    },
    required: ["items"],
  },
};

/** GET /api/v1/incidents/{id}/similar. */
export function similarPaths({ ref, json, problem, refusals }: Helpers) {
  return {
    "/api/v1/incidents/{id}/similar": {
      parameters: [{ name: "id", in: "path", required: true, description: "The incident's id or reference, e.g. INC-2026-0042", schema: { type: "string" } }],
      get: {
        summary: "The five earlier incidents most similar to this one by text, closest first",
        responses: { 200: { description: "The similar incidents", content: json(ref("SimilarIncidents")) }, 404: problem("Unknown"), ...refusals },
      },
    },
  };
}
