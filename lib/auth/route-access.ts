import type { Permission } from "./permissions";

/**
 * Who may reach each route of the app: the permission it demands, or "public". The
 * authorization tests are generated from this list and fail for any route missing from it.
 * A route whose methods need different permissions has one entry per permission.
 */
export type RouteAccess = {
  kind: "page" | "api";
  /** The route as its folder names it under app/, e.g. "/incidents/[reference]". */
  route: string;
  methods?: ("GET" | "POST" | "PATCH" | "PUT" | "DELETE")[];
  access: Permission | "public";
};

export const ROUTE_ACCESS: RouteAccess[] = [
  { kind: "page", route: "/", access: "public" },
  { kind: "page", route: "/sign-in", access: "public" },
  { kind: "page", route: "/api-docs", access: "public" },
  { kind: "page", route: "/incidents", access: "incident:read" },
  { kind: "page", route: "/incidents/new", access: "incident:create" },
  { kind: "page", route: "/incidents/import", access: "incident:create" },
  { kind: "page", route: "/incidents/[reference]", access: "incident:read" },
  { kind: "page", route: "/incidents/[reference]/postmortem", access: "incident:read" },
  { kind: "page", route: "/action-items", access: "incident:read" },
  { kind: "page", route: "/action-items/mine", access: "incident:read" },
  { kind: "page", route: "/incidents/[reference]/edit", access: "incident:update" },
  { kind: "page", route: "/changes", access: "incident:read" },
  { kind: "page", route: "/admin/users", access: "user:manage" },
  { kind: "page", route: "/admin/tokens", access: "token:manage" },
  { kind: "page", route: "/admin/settings", access: "settings:manage" },
  { kind: "page", route: "/admin/integrations", access: "settings:manage" },
  { kind: "page", route: "/admin/webhooks", access: "settings:manage" },
  { kind: "page", route: "/admin/webhooks/[id]", access: "settings:manage" },
  { kind: "page", route: "/dashboard", access: "incident:read" },
  { kind: "page", route: "/executive", access: "incident:read" },
  { kind: "page", route: "/services", access: "incident:read" },
  { kind: "page", route: "/services/[slug]", access: "incident:read" },
  { kind: "page", route: "/services/new", access: "service:manage" },
  { kind: "page", route: "/services/[slug]/edit", access: "service:manage" },
  { kind: "page", route: "/teams", access: "incident:read" },
  { kind: "page", route: "/teams/new", access: "service:manage" },
  { kind: "page", route: "/teams/[slug]/edit", access: "service:manage" },
  { kind: "page", route: "/reviews", access: "incident:read" },
  { kind: "page", route: "/reviews/[week]", access: "incident:read" },
  { kind: "api", route: "/api/health", methods: ["GET"], access: "public" },
  { kind: "api", route: "/api/auth/[...nextauth]", methods: ["GET", "POST"], access: "public" },
  { kind: "api", route: "/api/v1/incidents", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/incidents", methods: ["POST"], access: "incident:create" },
  // CSV import (docs/integrations.md): a bearer token, or the signed-in browser from this site.
  { kind: "api", route: "/api/v1/incidents/import", methods: ["POST"], access: "incident:create" },
  { kind: "api", route: "/api/v1/incidents/[id]/not-repeats/[earlier]", methods: ["PUT", "DELETE"], access: "incident:markNotRepeat" },
  { kind: "api", route: "/incidents/export", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/incidents/[id]", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/incidents/[id]", methods: ["PATCH"], access: "incident:update" },
  { kind: "api", route: "/api/v1/incidents/[id]/similar", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/services", methods: ["POST"], access: "service:manage" },
  { kind: "api", route: "/api/v1/services/[slug]", methods: ["PATCH"], access: "service:manage" },
  { kind: "api", route: "/api/v1/teams", methods: ["POST"], access: "service:manage" },
  { kind: "api", route: "/api/v1/teams/[slug]", methods: ["PATCH"], access: "service:manage" },
  { kind: "api", route: "/api/v1/metrics/weekly", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/metrics/changes", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/metrics/follow-through", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/changes", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/changes", methods: ["POST"], access: "change:record" },
  { kind: "api", route: "/api/v1/changes/check", methods: ["POST"], access: "change:record" },
  { kind: "api", route: "/api/v1/reviews/[week]/agenda", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/reviews/[week]/agenda.md", methods: ["GET"], access: "incident:read" },
  { kind: "api", route: "/api/v1/openapi.json", methods: ["GET"], access: "public" },
  // PagerDuty integration: the settings are an ADMIN's; the webhook is signed, not token-authenticated.
  { kind: "api", route: "/api/v1/integrations/pagerduty", methods: ["GET", "PUT"], access: "settings:manage" },
  { kind: "api", route: "/api/v1/integrations/pagerduty/webhook", methods: ["POST"], access: "public" },
  // Outgoing webhooks (docs/integrations.md): configured by an ADMIN only.
  { kind: "api", route: "/api/v1/webhooks", methods: ["GET", "POST"], access: "settings:manage" },
  { kind: "api", route: "/api/v1/webhooks/schedule", methods: ["GET", "PUT"], access: "settings:manage" },
  { kind: "api", route: "/api/v1/webhooks/[id]", methods: ["GET", "PATCH", "DELETE"], access: "settings:manage" },
  { kind: "api", route: "/api/v1/webhooks/[id]/test", methods: ["POST"], access: "settings:manage" },
  { kind: "api", route: "/api/v1/webhooks/[id]/deliveries", methods: ["GET"], access: "settings:manage" },
];
