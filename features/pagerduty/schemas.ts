import { z } from "zod";
import { slugSchema } from "@/features/teams/schemas";
import { isoInstant, storableString } from "@/lib/schemas";

export const PAGERDUTY_SEVERITIES = ["SEV1", "SEV2"] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];

/** The mapping a new installation starts with (SPEC.md, "Integrations"). */
export const DEFAULT_PRIORITIES: Record<string, PagerDutySeverity> = { P1: "SEV1", P2: "SEV2" };

const MAX_MAPPED = 500;

const pagerDutyKey = (what: string) =>
  storableString(`must be a PagerDuty ${what}`)
    .trim()
    .min(1, { message: `must be a PagerDuty ${what}` })
    .max(100, { message: `a PagerDuty ${what} is at most 100 characters` });

const signingSecret = storableString("must be a signing secret (text)")
  .trim()
  .min(1, { message: "must not be empty" })
  .max(500, { message: "must be at most 500 characters" });

/**
 * What an ADMIN saves (PUT /api/v1/integrations/pagerduty and the admin page). Without
 * `signingSecrets` the stored secrets are kept: they are never shown, so a form cannot send them back.
 */
export const pagerDutySettingsInput = z.strictObject({
  signingSecrets: z
    .array(signingSecret, { error: "must be a list of signing secrets" })
    .min(1, { message: "must hold at least one signing secret" })
    .max(5, { message: "must hold at most 5 signing secrets" })
    .optional(),
  services: z
    .record(pagerDutyKey("service id"), slugSchema(), { error: "must map PagerDuty service ids to service slugs" })
    .refine((map) => Object.keys(map).length <= MAX_MAPPED, { message: `must map at most ${MAX_MAPPED} services` }),
  defaultService: slugSchema().nullable().optional(),
  priorities: z
    .record(pagerDutyKey("priority name"), z.enum(PAGERDUTY_SEVERITIES, { error: "must be SEV1 or SEV2" }), {
      error: "must map PagerDuty priority names to SEV1 or SEV2",
    })
    .refine((map) => Object.keys(map).length <= MAX_MAPPED, { message: `must map at most ${MAX_MAPPED} priorities` }),
});

export type PagerDutySettingsInput = z.infer<typeof pagerDutySettingsInput>;

/** The event types that change an incident; any other type is answered 202 and not stored. */
export const HANDLED_EVENT_TYPES = [
  "incident.triggered",
  "incident.acknowledged",
  "incident.resolved",
  "incident.reopened",
  "incident.priority_updated",
] as const;
export type HandledEventType = (typeof HANDLED_EVENT_TYPES)[number];

const text = (what: string) => z.string({ error: `must be ${what}` });

/**
 * A V3 webhook envelope, as far as this app reads it. PagerDuty adds fields over time, so
 * fields not named here are dropped rather than refused; those named must have their types.
 */
export const pagerDutyEnvelope = z.object(
  {
    event: z.object(
      {
        id: text("the event id").min(1, { message: "must be the event id" }).max(200, { message: "must be at most 200 characters" }),
        event_type: text("the event type").max(200, { message: "must be at most 200 characters" }),
        resource_type: text("the resource type").max(200, { message: "must be at most 200 characters" }),
        occurred_at: isoInstant,
        data: z.unknown(),
      },
      { error: "must be the webhook's event object" },
    ),
  },
  { error: "must be a PagerDuty V3 webhook body: { event: { … } }" },
);

export type PagerDutyEnvelope = z.infer<typeof pagerDutyEnvelope>;

/** The incident an incident.* event carries: the PagerDuty incident as it was when the event occurred. */
export const pagerDutyIncidentData = z.object(
  {
    id: text("the PagerDuty incident id").min(1, { message: "must be the PagerDuty incident id" }).max(200, { message: "must be at most 200 characters" }),
    html_url: text("the incident's web address").max(2000, { message: "must be at most 2000 characters" }),
    created_at: isoInstant,
    title: storableString("must be the incident's title"),
    service: z.object(
      { id: text("the PagerDuty service id").min(1, { message: "must be the PagerDuty service id" }) },
      { error: "must be the incident's service" },
    ),
    priority: z.object({ summary: text("the priority's name") }, { error: "must be the incident's priority, or null" }).nullish(),
  },
  { error: "must be the PagerDuty incident" },
);

export type PagerDutyIncidentData = z.infer<typeof pagerDutyIncidentData>;
