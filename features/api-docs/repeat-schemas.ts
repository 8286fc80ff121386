// The learning loop's parts of the API document: an incident's repeats, the list's repeat flag,
// and a LEAD's not-a-repeat marks.
import { notRepeatMarkSchema } from "@/features/incidents/repeats/schemas";
import { components, requestSchema } from "./document-components";
import type { PathHelpers } from "./schema-parts";

/** The Incident schema with one more field (spelled out, not allOf, so the reference page lists every field). */
const incidentWith = (description: string, name: string, property: object) => ({
  ...components.Incident,
  description: `${components.Incident.description} ${description}`,
  properties: { ...components.Incident.properties, [name]: property },
  required: [...components.Incident.required, name],
});

export const repeatComponents = {
  Repeat: {
    type: "object",
    description:
      "An earlier incident that is a repeat of this one (docs/domain.md, Repeats), with its action items and how many were completed before this incident started.",
    properties: {
      reference: { type: "string", examples: ["INC-2026-0042"] },
      startedAt: { type: "string", format: "date-time" },
      actionItems: {
        type: "object",
        properties: { total: { type: "integer" }, doneBeforeRepeat: { type: "integer" } },
        required: ["total", "doneBeforeRepeat"],
      },
    },
    required: ["reference", "startedAt", "actionItems"],
  },
  IncidentDetail: incidentWith("One incident as GET, POST and PATCH return it, with its repeats, newest first.", "repeats", {
    type: "array",
    items: { $ref: "#/components/schemas/Repeat" },
  }),
  IncidentListItem: incidentWith("In the list, with whether it has at least one repeat.", "repeat", { type: "boolean" }),
  NotRepeatMarkInput: requestSchema(notRepeatMarkSchema),
  NotRepeatMarkResult: {
    type: "object",
    description: "The pair by reference, and whether the call changed anything (false: it was already so).",
    properties: { incident: { type: "string" }, earlier: { type: "string" }, changed: { type: "boolean" } },
    required: ["incident", "earlier", "changed"],
  },
};

type Helpers = PathHelpers<keyof typeof repeatComponents>;

export function repeatPaths({ ref, json, problem, refusals }: Helpers) {
  const answer = (description: string) => ({ description, content: json(ref("NotRepeatMarkResult")) });
  return {
    "/api/v1/incidents/{id}/not-repeats/{earlier}": {
      parameters: [
        { name: "id", in: "path", required: true, description: "The later incident's id or reference", schema: { type: "string" } },
        { name: "earlier", in: "path", required: true, description: "The earlier incident's id or reference", schema: { type: "string" } },
      ],
      put: {
        summary: "Mark the earlier incident as not a repeat of this one, with an optional reason (kept and audited); LEAD",
        requestBody: { required: false, content: json(ref("NotRepeatMarkInput")) },
        responses: {
          200: answer("Marked (or already marked)"),
          400: problem("Invalid body, the field named"),
          404: problem("Unknown incident"),
          409: problem("The earlier incident is not a repeat of this one"),
          ...refusals,
        },
      },
      delete: {
        summary: "Undo the mark (audited): the pair is a repeat again if the rule says so; LEAD",
        responses: { 200: answer("Undone (or there was no mark)"), 404: problem("Unknown incident"), ...refusals },
      },
    },
  };
}
