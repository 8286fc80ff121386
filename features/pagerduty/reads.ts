import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/uuid";
import { DEFAULT_PRIORITIES, PAGERDUTY_SEVERITIES, type PagerDutySeverity } from "./schemas";

type Reader = Pick<Database, "pagerDutySettings" | "pagerDutyEvent" | "service" | "incident"> | Prisma.TransactionClient;

/** The integration's settings as pages and the API show them: how many secrets, never a secret. */
export type PagerDutySettingsView = {
  signingSecretCount: number;
  /** PagerDuty service id → service slug. */
  services: Record<string, string>;
  defaultService: string | null;
  /** PagerDuty priority name → severity. */
  priorities: Record<string, PagerDutySeverity>;
  version: number;
  /** When and by whom the settings were last saved (ISO instant, actor label); null before the first save. */
  updatedAt: string | null;
  updatedBy: string | null;
};

/** One received webhook event of an incident, and what it did to it. */
export type PagerDutyEventView = {
  id: string;
  type: string;
  occurredAt: string;
  receivedAt: string;
  outcome: "applied" | "ignored";
  reason: string | null;
};

/** The settings as the webhook applies them: services by PagerDuty id, as service ids. */
export type PagerDutyMapping = {
  signingSecrets: string[];
  /** PagerDuty service id → service id (uuid). */
  serviceIds: Record<string, string>;
  defaultServiceId: string | null;
  priorities: Record<string, PagerDutySeverity>;
  version: number;
};

const isSeverity = (value: unknown): value is PagerDutySeverity => PAGERDUTY_SEVERITIES.includes(value as PagerDutySeverity);

/** A JSON object of text values, as the settings row stores its maps; anything else reads as empty. */
function textMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export const prioritiesOf = (value: unknown): Record<string, PagerDutySeverity> =>
  Object.fromEntries(Object.entries(textMap(value)).filter((entry): entry is [string, PagerDutySeverity] => isSeverity(entry[1])));

/** The settings with the secrets, for verifying and applying webhooks only; never shown. */
export async function readPagerDutyMapping(db: Reader): Promise<PagerDutyMapping> {
  const row = await db.pagerDutySettings.findUnique({
    where: { id: 1 },
    select: { signingSecrets: true, serviceMap: true, defaultServiceId: true, priorities: true, version: true },
  });
  if (!row) return { signingSecrets: [], serviceIds: {}, defaultServiceId: null, priorities: { ...DEFAULT_PRIORITIES }, version: 1 };
  return {
    signingSecrets: row.signingSecrets,
    serviceIds: textMap(row.serviceMap),
    defaultServiceId: row.defaultServiceId,
    priorities: prioritiesOf(row.priorities),
    version: row.version,
  };
}

export async function readPagerDutySettings(db: Reader): Promise<PagerDutySettingsView> {
  const row = await db.pagerDutySettings.findUnique({
    where: { id: 1 },
    select: { signingSecrets: true, serviceMap: true, defaultServiceId: true, priorities: true, version: true, updatedAt: true, updatedBy: true },
  });
  const serviceIds = textMap(row?.serviceMap);
  const wanted = [...new Set([...Object.values(serviceIds), ...(row?.defaultServiceId ? [row.defaultServiceId] : [])])];
  const services = wanted.length > 0 ? await db.service.findMany({ where: { id: { in: wanted } }, select: { id: true, slug: true } }) : [];
  const slugOf = new Map(services.map((service) => [service.id, service.slug]));
  return {
    signingSecretCount: row?.signingSecrets.length ?? 0,
    services: Object.fromEntries(
      Object.entries(serviceIds)
        .filter(([, id]) => slugOf.has(id))
        .map(([pagerDutyId, id]) => [pagerDutyId, slugOf.get(id)!]),
    ),
    defaultService: row?.defaultServiceId ? (slugOf.get(row.defaultServiceId) ?? null) : null,
    priorities: row ? prioritiesOf(row.priorities) : { ...DEFAULT_PRIORITIES },
    version: row?.version ?? 1,
    updatedAt: row?.updatedAt?.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

type EventRow = { id: string; eventType: string; occurredAt: Date; receivedAt: Date; outcome: string; reason: string | null };

export const toPagerDutyEventView = (row: EventRow): PagerDutyEventView => ({
  id: row.id,
  type: row.eventType,
  occurredAt: row.occurredAt.toISOString(),
  receivedAt: row.receivedAt.toISOString(),
  outcome: row.outcome === "ignored" ? "ignored" : "applied",
  reason: row.reason,
});

/** The webhook events received for an incident, newest first (by when they occurred at PagerDuty). */
export async function listPagerDutyEvents(db: Reader, incidentId: string): Promise<PagerDutyEventView[]> {
  if (!isUuid(incidentId)) return [];
  const rows = await db.pagerDutyEvent.findMany({
    where: { incidentId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { id: true, eventType: true, occurredAt: true, receivedAt: true, outcome: true, reason: true },
  });
  return rows.map(toPagerDutyEventView);
}

/**
 * The fields people edited on an incident a tool filed, which its events no longer change
 * (field names as in the incident's history, e.g. "severity", "mitigatedAt"); sorted.
 */
export async function listPersonEditedFields(db: Reader, incidentId: string): Promise<string[]> {
  if (!isUuid(incidentId)) return [];
  const row = await db.incident.findUnique({ where: { id: incidentId }, select: { personEditedFields: true } });
  return row?.personEditedFields ?? [];
}
