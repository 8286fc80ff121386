import { components as incidentComponents } from "./document-components";
import { pagerDutyComponents } from "./pagerduty-schemas";
import { similarComponents, similarPaths } from "./similar-schemas";
import { webhookComponents, webhookPaths } from "./webhook-schemas";
import { repeatComponents, repeatPaths } from "./repeat-schemas";

const components = { ...incidentComponents, ...pagerDutyComponents, ...webhookComponents, ...similarComponents, ...repeatComponents };
const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const refusals = { 401: problem("No token, or a bad one"), 403: problem("The token's role is too low") };

/** An operation that takes a JSON body: its answers, then the refusals every authenticated call can meet. */
const withBody = (summary: string, body: keyof typeof components, responses: Record<number, unknown>) => ({
  summary,
  requestBody: { required: true, content: json(ref(body)) },
  responses: { ...responses, ...refusals },
});

/** A PATCH of a versioned resource: 200 with it, or the refusals every such edit can meet. */
const versionedPatch = (
  what: string,
  summary: string,
  schemas: { body: keyof typeof components; result: keyof typeof components },
  answers: { 200: string; 400: string; 404: string; 422: string },
) =>
  withBody(summary, schemas.body, {
    200: { description: answers[200], content: json(ref(schemas.result)) },
    400: problem(answers[400]),
    404: problem(answers[404]),
    409: problem(`Stale version: the body carries currentVersion and the current ${what}`),
    422: problem(answers[422]),
  });
/** A service or team by slug: the PATCH that edits it, refused for an unknown slug. */
const catalogueEntry = (what: "service" | "team", example: string, summary: string, answers: { 400: string; 422: string }) => ({
  parameters: [path("slug", `The ${what}'s slug, e.g. ${example}`)],
  patch: versionedPatch(what, summary, what === "service" ? { body: "ServicePatch", result: "Service" } : { body: "TeamPatch", result: "Team" }, {
    200: "Updated (or unchanged)",
    404: "Unknown slug",
    ...answers,
  }),
});

/** A GET of a list, a page at a time: the page of `item`s and the cursor of the next, or a bad parameter. */
const pagedList = (summary: string, parameters: unknown[], item: keyof typeof components) => ({
  summary,
  parameters,
  responses: {
    200: {
      description: "A page",
      content: json({ type: "object", properties: { items: { type: "array", items: ref(item) }, nextCursor: { type: ["string", "null"] } } }),
    },
    400: problem("A bad parameter, named"),
    ...refusals,
  },
});

/** A GET of figures over a window, for a service or team if named. */
const metricsGet = (summary: string, parameters: unknown[], answer: { description: string; schema: keyof typeof components }) => ({
  summary,
  parameters,
  responses: {
    200: { description: answer.description, content: json(ref(answer.schema)) },
    400: problem("A bad parameter, named"),
    404: problem("Unknown service or team"),
    ...refusals,
  },
});
const query = (name: string, description: string, required = false) => ({ name, in: "query", required, description, schema: { type: "string" } });
/** The window of a metrics GET, and with it the scope of incidents the incident metrics take. */
const windowDates = [query("from", "YYYY-MM-DD", true), query("to", "YYYY-MM-DD", true)];
const windowAndScope = [...windowDates, query("service", "Service slug"), query("team", "Team slug")];
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });

const importResult = {
  type: "object",
  required: ["rows", "imported", "skipped", "errors", "columns"],
  properties: {
    rows: { type: "integer" },
    imported: { type: "integer", description: "0 when there is any error; on a dry run, how many would be" },
    skipped: { type: "integer", description: "Rows whose reference exists already, in the database or earlier in the file" },
    errors: {
      type: "array",
      description: "At most 1 000",
      items: { type: "object", properties: { line: { type: "integer" }, column: { type: "string" }, message: { type: "string" } } },
    },
    errorCount: { type: "integer", description: "Every error's count, when over 1 000" },
    columns: { type: "array", items: { type: "object", properties: { header: { type: "string" }, field: { type: ["string", "null"] } } } },
  },
};

const incidentFilters = [
  query("from", "Started at or after: a day (YYYY-MM-DD, organisation time zone) or an instant with offset"),
  query("to", "Started at or before: a day (YYYY-MM-DD) or an instant with offset"),
  query("severity", "SEV1 or SEV2; repeat for several"),
  query("status", "INVESTIGATING, MITIGATED or RESOLVED; repeatable"),
  query("service", "Service slug; repeatable"),
  query("team", "Team slug; repeatable"),
  query("ai", "AI involvement NONE, ASSISTED, GENERATED, AGENT, or `involved` for any but NONE; repeatable"),
  query("rootCause", "Root-cause category; repeatable"),
  query("postmortem", "Postmortem state; repeatable"),
  query("policyViolation", "true or false"),
  query("repeat", "true: only incidents with at least one repeat (the only value)"),
  query("q", "Full-text search over title, summary and root cause"),
  query("sort", "Sort column"),
  query("order", "asc or desc"),
  query("limit", "Page size"),
  query("cursor", "nextCursor of the previous page"),
  query("source", "Filed from another tool's incident: `pagerduty:<PagerDuty incident id>`"),
];

/** The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. */
export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Ops Review API",
      version: "1",
      description:
        "Incidents, services, changes and the deploy gate, weekly metrics and the weekly review agenda. Authenticate with `Authorization: Bearer <token>`; errors are RFC 9457 problem+json.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: components },
    paths: {
      "/api/health": {
        get: {
          summary: "Liveness and database reachability",
          security: [],
          responses: {
            200: { description: "Up", content: json({ type: "object" }) },
            503: { description: "The database is down", content: json({ type: "object" }) },
          },
        },
      },
      "/api/v1/services": {
        post: withBody("Create a service (its team, named by slug, is created when new); LEAD", "ServiceInput", {
          201: { description: "Created", content: json(ref("Service")) },
          400: problem("Invalid fields"),
          409: problem("The slug is taken"),
          422: problem("The team is retired"),
        }),
      },
      "/api/v1/services/{slug}": catalogueEntry(
        "service",
        "checkout-api",
        "Edit a service: `version` plus any of name, team (an existing team's slug), sloTarget, retired; LEAD",
        { 400: "Invalid fields, or a team that does not exist, named", 422: "A retired team: an active service cannot join it" },
      ),
      "/api/v1/teams": {
        post: withBody("Create a team; LEAD", "TeamInput", {
          201: { description: "Created", content: json(ref("Team")) },
          400: problem("Invalid fields"),
          409: problem("The slug is taken"),
        }),
      },
      "/api/v1/teams/{slug}": catalogueEntry("team", "storefront", "Rename, retire or bring back a team: `version` plus name and/or retired; LEAD", {
        400: "Invalid fields",
        422: "The team still owns active services, named in the message",
      }),
      "/api/v1/incidents": {
        get: pagedList("Incidents matching the filters, newest first, a page at a time", incidentFilters, "IncidentListItem"),
        post: withBody("File an incident; ENGINEER", "IncidentInput", {
          201: { description: "Filed", content: json(ref("IncidentDetail")) },
          400: problem("Invalid fields"),
          422: problem("A rule between fields broken"),
        }),
      },
      "/api/v1/incidents/import": {
        post: {
          summary: "Import incidents from CSV (docs/integrations.md, CSV import): all or nothing; ENGINEER. A signed-in browser of this site may call it too",
          parameters: [
            query("dryRun", "true: check the file and write nothing; false: import it", true),
            query("mapping", 'JSON { "<header>": "<field>" | null }; headers not named keep the guessed field'),
          ],
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
          responses: {
            200: { description: "What was read, imported and skipped, and every problem by line and column", content: json(importResult) },
            400: problem("dryRun or mapping wrong, named"),
            413: problem("The file is too large"),
            415: problem("The body is not text/csv"),
            ...refusals,
          },
        },
      },
      "/api/v1/incidents/{id}": {
        parameters: [path("id", "The incident's id or reference, e.g. INC-2026-0042")],
        get: {
          summary: "One incident",
          responses: { 200: { description: "The incident", content: json(ref("IncidentDetail")) }, 404: problem("Unknown"), ...refusals },
        },
        patch: versionedPatch(
          "incident",
          "Edit an incident: `version` plus the fields to change; ENGINEER",
          { body: "IncidentPatch", result: "IncidentDetail" },
          { 200: "Updated", 400: "Invalid fields", 404: "Unknown", 422: "A rule between fields broken" },
        ),
      },
      ...similarPaths({ ref, json, problem, refusals }),
      "/api/v1/changes": {
        get: pagedList(
          "Recorded changes matching the filters, newest deploy first, a page at a time",
          [
            query("from", "Deployed at or after: a day (YYYY-MM-DD, organisation time zone) or an instant with offset"),
            query("to", "Deployed at or before: a day or an instant with offset"),
            query("service", "Service slug; repeatable"),
            query("team", "Team slug; repeatable"),
            query("ai", "Declared-or-detected AI involvement NONE, ASSISTED, GENERATED, AGENT, or `involved`; repeatable"),
            query("signOff", "compliant or violating (the approval policy)"),
            query("failed", "true: linked to at least one incident; false: to none"),
            query("mismatch", "true: trailers show AI involvement the author did not declare"),
            query("limit", "Page size, 1 to 200 (50 by default)"),
            query("cursor", "nextCursor of the previous page"),
          ],
          "Change",
        ),
        post: withBody("Record a change from the deploy pipeline (idempotent by reference); ENGINEER", "ChangeInput", {
          201: { description: "Recorded", content: json(ref("Change")) },
          200: { description: "The reference was recorded before: the stored change now is the request", content: json(ref("Change")) },
          400: problem("Invalid fields"),
          422: problem("deployedAt lies in the future"),
        }),
      },
      "/api/v1/changes/check": {
        post: withBody("The deploy gate: would this change have the sign-off the policy requires? Writes nothing; ENGINEER", "ChangeCheck", {
          200: { description: "The verdict", content: json(ref("GateAnswer")) },
          400: problem("Invalid fields"),
        }),
      },
      "/api/v1/metrics/weekly": {
        get: metricsGet("Figures per ISO week (organisation time zone) for every week overlapping [from, to], empty weeks included", windowAndScope, {
          description: "The weeks",
          schema: "WeeklyMetrics",
        }),
      },
      "/api/v1/metrics/changes": {
        get: metricsGet(
          "Change failure rate per ISO week (organisation time zone) for every week overlapping [from, to], and over the whole window, by AI involvement and by sign-off",
          [...windowDates, query("service", "Service slug: changes deployed to it"), query("team", "Team slug: changes deployed to its services")],
          { description: "The weeks and the total", schema: "ChangeMetrics" },
        ),
      },
      "/api/v1/metrics/follow-through": {
        get: metricsGet(
          "Action items due per ISO week (organisation time zone), the share done by their due date and incidents with a repeat; open action items now by age and priority",
          windowAndScope,
          { description: "The weeks, their total and the open action items", schema: "FollowThrough" },
        ),
      },
      "/api/v1/integrations/pagerduty": {
        get: {
          summary: "The PagerDuty integration's settings (never a secret; the version is also the ETag); ADMIN",
          responses: { 200: { description: "The settings", content: json(ref("PagerDutySettings")) }, ...refusals },
        },
        put: withBody(
          "Configure the PagerDuty integration; without signingSecrets the stored ones are kept. Send If-Match with the version to refuse a save over someone else's; ADMIN",
          "PagerDutySettingsInput",
          {
            200: { description: "Saved (or unchanged)", content: json(ref("PagerDutySettings")) },
            400: problem("Invalid fields, or a service slug that does not exist, named (e.g. services.PXYZ123, defaultService)"),
            409: problem("If-Match names an older version: the body carries currentVersion and the current settings"),
          },
        ),
      },
      "/api/v1/integrations/pagerduty/webhook": {
        post: {
          summary:
            "PagerDuty V3 webhook deliveries. No bearer token: X-PagerDuty-Signature (v1=<hex HMAC-SHA256 of the raw body>, comma-separated during rotation) must match a configured signing secret",
          security: [],
          parameters: [{ name: "X-PagerDuty-Signature", in: "header", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: json({ type: "object", description: "PagerDuty's V3 webhook envelope: { event: { id, event_type, resource_type, occurred_at, data } }" }),
          },
          responses: {
            200: { description: "The event was stored and the incident brought in line with all of its events", content: json(ref("PagerDutyWebhookAnswer")) },
            202: {
              description: "Not for this app (type not handled, priority or service not mapped): nothing written; reason says why",
              content: json(ref("PagerDutyWebhookAnswer")),
            },
            400: problem("A malformed body, the field named"),
            401: problem("The signature is missing or matches no configured secret (also when none is configured): nothing written"),
            413: problem("The body is larger than 512 KB"),
          },
        },
      },
      ...webhookPaths({ ref, json, problem, refusals }),
      ...repeatPaths({ ref, json, problem, refusals }),
      "/api/v1/reviews/{week}/agenda": {
        parameters: [path("week", "ISO week, e.g. 2026-W10")],
        get: {
          summary: "The weekly review's agenda: proposed, as edited by a LEAD, or frozen once the meeting started",
          responses: { 200: { description: "The agenda", content: json(ref("ReviewAgenda")) }, 400: problem("A malformed week"), ...refusals },
        },
      },
    },
  };
}
