import { z } from "zod";
import { AgendaItemKind } from "@/lib/generated/prisma/enums";
import { changeCheckSchema, changeInputSchema } from "@/features/changes/schemas";
import { incidentInputSchema } from "@/features/incidents/schemas";
import { incidentPatchSchema } from "@/features/incidents/patch";
import { serviceInputSchema, servicePatchSchema } from "@/features/services/schemas";
import { teamInputSchema, teamPatchSchema } from "@/features/teams/schemas";
import { changeMetricsSchema } from "./change-metrics-schema";
import { followThroughSchema } from "./follow-through-schema";
import { durationStats, nullable, weeklySeries } from "./schema-parts";

type JsonSchema = { [key: string]: unknown };

// Instants are checked by a refinement, which JSON Schema cannot say; the API takes ISO 8601 strings with an offset.
function markInstants(schema: unknown, key = ""): unknown {
  if (Array.isArray(schema)) return schema.map((s) => markInstants(s));
  if (!schema || typeof schema !== "object") return schema;
  const entries = Object.entries(schema as JsonSchema);
  const instant = entries.length === 0 || (entries.length === 1 && (schema as JsonSchema).type === "string");
  if (instant && key.endsWith("At")) return { type: "string", format: "date-time" };
  return Object.fromEntries(entries.map(([k, v]) => [k, markInstants(v, k)]));
}

/** The request body schemas, from the very zod schemas the API validates with. */
export function requestSchema(schema: z.ZodType): JsonSchema {
  const json = { ...(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema) };
  delete json.$schema; // the document's own dialect applies
  return markInstants(json) as JsonSchema;
}

const reviewChangeCounts = {
  type: "object",
  properties: {
    changes: { type: "integer" },
    failed: { type: "integer" },
    changeFailureRate: { ...nullable("number"), description: "failed / changes; null when none" },
  },
  required: ["changes", "failed", "changeFailureRate"],
};

export const components = {
  IncidentInput: requestSchema(incidentInputSchema),
  IncidentPatch: requestSchema(incidentPatchSchema),
  ServiceInput: requestSchema(serviceInputSchema),
  ServicePatch: requestSchema(servicePatchSchema),
  TeamInput: requestSchema(teamInputSchema),
  TeamPatch: requestSchema(teamPatchSchema),
  Service: {
    type: "object",
    description: "A service with its team, SLO target (a fraction: 0.999 is 99.9 %), retirement and version.",
    properties: {
      id: { type: "string", format: "uuid" },
      slug: { type: "string" },
      name: { type: "string" },
      team: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } }, required: ["slug", "name"] },
      sloTarget: { type: "number" },
      retiredAt: { ...nullable("string"), format: "date-time", description: "When it was retired; null while in service" },
      version: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
    },
    required: ["id", "slug", "name", "team", "sloTarget", "retiredAt", "version", "createdAt"],
  },
  Team: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      slug: { type: "string" },
      name: { type: "string" },
      retiredAt: { ...nullable("string"), format: "date-time", description: "When it was retired; null while active" },
      version: { type: "integer" },
    },
    required: ["id", "slug", "name", "retiredAt", "version"],
  },
  ChangeInput: requestSchema(changeInputSchema),
  ChangeCheck: requestSchema(changeCheckSchema),
  Change: {
    type: "object",
    description:
      "A recorded change with its derived fields: ai.detected (from commit trailers), ai.effective (the stronger of declared and detected), ai.mismatch, policyViolation, requiredApproval, and the incidents that name it (failed when there is at least one). Lists leave out commits and give commitCount.",
    properties: {
      id: { type: "string", format: "uuid" },
      reference: { type: "string" },
      service: { type: "string" },
      deployedAt: { type: "string", format: "date-time" },
      ai: {
        type: "object",
        properties: {
          involvement: { type: "string", enum: ["NONE", "ASSISTED", "GENERATED", "AGENT"] },
          detected: { type: "string", enum: ["NONE", "ASSISTED", "GENERATED", "AGENT"] },
          effective: { type: "string", enum: ["NONE", "ASSISTED", "GENERATED", "AGENT"] },
          mismatch: { type: "boolean" },
        },
      },
      policyViolation: { type: "boolean" },
      requiredApproval: { type: "array", items: { type: "string" } },
      failed: { type: "boolean" },
      incidents: {
        type: "array",
        items: { type: "object", properties: { reference: { type: "string" }, severity: { type: "string" }, ttmMinutes: nullable("integer") } },
      },
      version: { type: "integer" },
    },
    required: ["id", "reference", "service", "deployedAt", "ai", "policyViolation", "requiredApproval", "failed", "incidents", "version"],
    additionalProperties: true,
  },
  GateAnswer: {
    type: "object",
    properties: {
      allowed: { type: "boolean" },
      requiredApproval: { type: "array", items: { type: "string", enum: ["NONE", "PEER", "SENIOR", "MANAGER"] } },
      reason: { type: "string", description: "One sentence for the pipeline's log" },
      ai: {
        type: "object",
        properties: { declared: { type: "string" }, detected: { type: "string" }, detectedTool: nullable("string"), mismatch: { type: "boolean" } },
      },
    },
    required: ["allowed", "requiredApproval", "reason", "ai"],
  },
  Incident: {
    type: "object",
    description: "An incident with its derived fields (impactMinutes, ttdMinutes, ttmMinutes, ttrMinutes, policyViolation).",
    properties: {
      id: { type: "string", format: "uuid" },
      reference: { type: "string", examples: ["INC-2026-0042"] },
      version: { type: "integer" },
      impactMinutes: { type: "integer" },
      ttdMinutes: nullable("integer"),
      ttmMinutes: nullable("integer"),
      ttrMinutes: nullable("integer"),
      policyViolation: { type: "boolean" },
      source: { $ref: "#/components/schemas/IncidentSource" },
    },
    required: ["id", "reference", "version", "impactMinutes", "policyViolation"],
    additionalProperties: true,
  },
  WeeklyMetrics: weeklySeries(
    {
      sev1: { type: "integer" },
      sev2: { type: "integer" },
      aiInvolved: { type: "integer" },
      incidents: { type: "integer" },
      aiShare: { ...nullable("number"), description: "aiInvolved / incidents; null for a week without incidents" },
      policyViolations: { type: "integer" },
      usersAffected: { type: "integer" },
      impactMinutes: { type: "integer", description: "minutes of the week covered by merged impact intervals" },
      availability: { type: "number", description: "1 − impactMinutes / minutes in the week" },
      ttd: durationStats,
      ttm: durationStats,
      ttr: durationStats,
    },
    ["sev1", "sev2", "aiInvolved", "policyViolations", "impactMinutes", "availability", "ttm"],
  ),
  ChangeMetrics: changeMetricsSchema,
  FollowThrough: followThroughSchema,
  ReviewAgenda: {
    type: "object",
    properties: {
      week: { type: "string" },
      status: { type: "string", enum: ["NOT_PREPARED", "PREPARED", "IN_PROGRESS", "DONE"] },
      frozen: { type: "boolean", description: "true once the meeting started: items and figures are the snapshot taken then" },
      weekEnded: { type: "boolean", description: "false while the week is still running (as of the request)" },
      items: {
        type: "array",
        items: {
          type: "object",
          properties: {
            kind: {
              type: "string",
              // Every kind, in the proposed agenda's order (the schema's), so a new kind cannot be left out.
              enum: Object.values(AgendaItemKind),
            },
            title: { type: "string" },
            incidentReferences: {
              type: "array",
              items: { type: "string" },
              description: "the incidents the item shows; a long list names its first 50 (see total)",
            },
            order: { type: "integer" },
            minutes: { type: "integer" },
            actionItemIds: {
              type: "array",
              items: { type: "string", format: "uuid" },
              description:
                "OVERDUE_ACTION_ITEMS: the overdue items shown, the most overdue first; FOLLOW_UPS: the action items agreed in the previous held meeting, in the order they were agreed",
            },
            total: {
              type: "integer",
              description:
                "AI_CHANGE_REVIEW, SEV2_ROUNDUP, OVERDUE_ACTION_ITEMS and POSTMORTEMS_PENDING only: how many incidents (or action items) the item is about",
            },
            shown: {
              type: "integer",
              description:
                "the same items only: how many of them incidentReferences (actionItemIds for OVERDUE_ACTION_ITEMS) names, at most 50; equal to total in a snapshot frozen before lists were bounded",
            },
            listUrl: {
              type: "string",
              description: "the same items only: the app's page listing all of them (the filtered incident list, or the action items page)",
            },
            service: { type: "string", description: "WHEEL only: the picked service's slug" },
            partial: {
              type: "boolean",
              description: "METRICS only: true when the figures are the week so far (it had not ended when they were taken, kept in a frozen snapshot)",
            },
            changes: {
              type: ["object", "null"],
              description:
                "METRICS only: the week's changes (deployed in the week; failed = linked to at least one incident, whenever it started); null when the meeting was frozen before changes were counted",
              properties: {
                ...reviewChangeCounts.properties,
                aiInvolved: { ...reviewChangeCounts, description: "declared or detected AI involvement ≠ NONE" },
                other: reviewChangeCounts,
                withoutRequiredSignOff: { type: "integer", description: "changes that lacked the sign-off the change-approval policy requires" },
                weekRunning: { type: "boolean", description: "true while the week is still running: the figures are the week so far" },
              },
              required: ["changes", "failed", "changeFailureRate", "aiInvolved", "other", "withoutRequiredSignOff", "weekRunning"],
            },
          },
          required: ["kind", "title", "incidentReferences", "order", "minutes"],
        },
      },
    },
    required: ["week", "status", "frozen", "items"],
  },
  Problem: {
    type: "object",
    description: "RFC 9457 problem details; validation errors list each field.",
    properties: {
      type: { type: "string" },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string" },
      errors: {
        type: "array",
        items: {
          type: "object",
          properties: { field: { type: "string" }, messages: { type: "array", items: { type: "string" } } },
          required: ["field", "messages"],
        },
      },
    },
    required: ["title", "status"],
  },
};
