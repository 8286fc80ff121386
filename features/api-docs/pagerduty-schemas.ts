// The PagerDuty integration's parts of the API document.
import { pagerDutySettingsInput } from "@/features/pagerduty/schemas";
import { requestSchema } from "./document-components";
import { nullable } from "./schema-parts";

const severityMap = { type: "object", additionalProperties: { type: "string", enum: ["SEV1", "SEV2"] } };

export const pagerDutyComponents = {
  PagerDutySettingsInput: requestSchema(pagerDutySettingsInput),
  PagerDutySettings: {
    type: "object",
    description: "The PagerDuty integration's settings. The signing secrets are never returned, only how many there are.",
    properties: {
      signingSecretCount: { type: "integer" },
      services: { type: "object", additionalProperties: { type: "string" }, description: "PagerDuty service id → service slug" },
      defaultService: { ...nullable("string"), description: "The service slug for PagerDuty services not mapped; null: none" },
      priorities: { ...severityMap, description: "PagerDuty priority name → severity; events of other priorities file nothing" },
      version: { type: "integer", description: "Also sent as the ETag; send it back as If-Match to save only over this version" },
      updatedAt: { ...nullable("string"), format: "date-time" },
      updatedBy: nullable("string"),
    },
    required: ["signingSecretCount", "services", "defaultService", "priorities", "version", "updatedAt"],
  },
  PagerDutyWebhookAnswer: {
    type: "object",
    properties: {
      status: { type: "integer", enum: [200, 202] },
      outcome: { type: "string", enum: ["applied", "ignored"] },
      reason: { ...nullable("string"), description: "Why the event changed nothing, e.g. an unmapped priority or a person's edit" },
      incident: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, reference: { type: "string" } } },
      created: { type: "boolean" },
      duplicate: { type: "boolean", description: "The event had been received before" },
    },
    required: ["status", "outcome", "reason", "incident", "created", "duplicate"],
  },
  IncidentSource: {
    type: ["object", "null"],
    description: "Where a tool-filed incident came from; null for one a person filed",
    properties: { system: { type: "string", examples: ["pagerduty"] }, id: { type: "string" }, url: nullable("string") },
    required: ["system", "id", "url"],
  },
};
