// PagerDuty V3 webhook bodies for tests, shaped as PagerDuty sends them, and the settings they need.
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { savePagerDutySettings } from "./mutations";
import type { HandledEventType } from "./schemas";
import { signatureHeaderFor } from "./signature";

export const TEST_SECRET = "pd-webhook-secret-0123456789";
export const admin: Actor = { userId: null, tokenId: null, label: "admin@example.test", method: "UI", role: "ADMIN" };

export type TestEvent = {
  id: string;
  type: HandledEventType | string;
  pagerDutyId: string;
  occurredAt: string;
  createdAt: string;
  priority?: string | null;
  service?: string;
  title?: string;
};

/** The JSON PagerDuty posts for one event, with fields this app does not read, as the real ones have. */
export function webhookBody(event: TestEvent): string {
  return JSON.stringify({
    event: {
      id: event.id,
      event_type: event.type,
      resource_type: "incident",
      occurred_at: event.occurredAt,
      agent: { id: "PUSER01", type: "user_reference", summary: "On-call engineer" },
      client: null,
      data: {
        id: event.pagerDutyId,
        type: "incident",
        self: `https://api.pagerduty.com/incidents/${event.pagerDutyId}`,
        html_url: `https://acme.pagerduty.com/incidents/${event.pagerDutyId}`,
        number: 42,
        status: "triggered",
        incident_key: `key-${event.pagerDutyId}`,
        created_at: event.createdAt,
        title: event.title ?? `Checkout errors (${event.pagerDutyId})`,
        service: { id: event.service ?? "PCHECKOUT", type: "service_reference", summary: "Checkout" },
        assignees: [],
        escalation_policy: { id: "PEP01", type: "escalation_policy_reference" },
        teams: [],
        priority: event.priority === null ? null : { id: "PPRIO", type: "priority_reference", summary: event.priority ?? "P1" },
        urgency: "high",
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  });
}

/** A delivery as PagerDuty signs it with `secret`. */
export const signed = (event: TestEvent, secret = TEST_SECRET) => {
  const body = webhookBody(event);
  return { body, signature: signatureHeaderFor(body, [secret]) };
};

/** A team and the services a test maps, and settings mapping PCHECKOUT → checkout-api. */
export async function seedPagerDuty(db: Database, settings: Record<string, unknown> = {}) {
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.createMany({ data: ["checkout-api", "cart", "search"].map((slug) => ({ slug, name: slug, teamId: team.id })) });
  await savePagerDutySettings(db, admin, {
    signingSecrets: [TEST_SECRET],
    services: { PCHECKOUT: "checkout-api", PCART: "cart" },
    priorities: { P1: "SEV1", P2: "SEV2" },
    ...settings,
  });
}

/** How many rows the integration could have written, to show that a refused delivery wrote none. */
export async function writtenRows(db: Database) {
  const [incidents, events, audit] = await Promise.all([
    db.incident.count(),
    db.pagerDutyEvent.count(),
    db.auditEvent.count({ where: { entityType: "Incident" } }),
  ]);
  return { incidents, events, audit };
}
