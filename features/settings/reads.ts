import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import type { OrganisationSettingsInput } from "./schemas";

type Reader = Pick<Database, "organisationSettings" | "auditEvent"> | Prisma.TransactionClient;

export const SETTINGS_ENTITY = { entityType: "OrganisationSettings", entityId: "1" } as const;

/** Who last saved the settings, and when (ISO instant); what they changed, as { field: { from, to } }. */
export type SettingsChange = { by: string; at: string; changes: Record<string, unknown> };

/** The settings as the form edits them, with the version an edit must be based on. */
export type EditableSettings = { values: OrganisationSettingsInput; version: number; lastChange: SettingsChange | null };

export async function lastSettingsChange(db: Reader): Promise<SettingsChange | null> {
  const event = await db.auditEvent.findFirst({
    where: { ...SETTINGS_ENTITY, action: "settings.update" },
    orderBy: { occurredAt: "desc" },
    select: { actorLabel: true, occurredAt: true, changes: true },
  });
  if (!event) return null;
  const changes = event.changes && typeof event.changes === "object" && !Array.isArray(event.changes) ? event.changes : {};
  return { by: event.actorLabel, at: event.occurredAt.toISOString(), changes };
}

export async function readEditableSettings(db: Reader): Promise<EditableSettings> {
  const [values, row, lastChange] = await Promise.all([
    getOrganisationSettings(db),
    db.organisationSettings.findUnique({ where: { id: 1 }, select: { version: true } }),
    lastSettingsChange(db),
  ]);
  // No row yet: the first save creates it at version 1, the column's default.
  return { values, version: row?.version ?? 1, lastChange };
}
