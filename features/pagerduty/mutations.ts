import { isDeepStrictEqual } from "node:util";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { StaleVersionError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addFieldError, fieldErrorsOf, type FieldErrors } from "@/lib/validation";
import { readPagerDutyMapping, readPagerDutySettings, type PagerDutySettingsView } from "./reads";
import { pagerDutySettingsInput } from "./schemas";
import { receiveWebhook, type WebhookAnswer } from "./webhook";

export { WebhookSignatureError, type WebhookAnswer } from "./webhook";

export const PAGERDUTY_SETTINGS_ENTITY = { entityType: "PagerDutySettings", entityId: "1" } as const;

/** Refused because someone saved the settings after the edit's version: what they are now. */
export class PagerDutySettingsVersionConflictError extends StaleVersionError<PagerDutySettingsView> {
  constructor(current: PagerDutySettingsView, yourVersion: number) {
    const who = current.updatedBy ? ` by ${current.updatedBy}` : "";
    super(`The PagerDuty settings were changed${who} since version ${yourVersion} (now version ${current.version}); nothing was saved.`, current, yourVersion);
  }
}

type ServiceRow = { id: string; slug: string; retiredAt: Date | null };

/** Each slug's service; an unknown or retired one is an error on the field that names it. */
function resolveSlugs(named: [field: string, slug: string][], services: ServiceRow[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, slug] of named) {
    const service = services.find((s) => s.slug === slug);
    if (!service) addFieldError(errors, field, `there is no service "${slug}"`);
    else if (service.retiredAt) addFieldError(errors, field, `the service "${slug}" is retired, so it takes no new incidents`);
  }
  return errors;
}

/**
 * Saves the integration's settings (ADMIN). Service slugs are stored as service ids, so a
 * renamed slug keeps its mapping. With `expectedVersion`, a save based on an older version is
 * refused (409) with the settings as they are now. Secrets are audited by count only.
 */
export async function savePagerDutySettings(db: Database, actor: Actor, rawInput: unknown, expectedVersion?: number): Promise<PagerDutySettingsView> {
  assertMay(actor, "settings:manage", "configure the PagerDuty integration");
  const parsed = pagerDutySettingsInput.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const named: [string, string][] = [
    ...Object.entries(input.services).map(([pagerDutyId, slug]): [string, string] => [`services.${pagerDutyId}`, slug]),
    ...(input.defaultService ? [["defaultService", input.defaultService] as [string, string]] : []),
  ];
  const slugs = [...new Set(named.map(([, slug]) => slug))];
  const services = slugs.length > 0 ? await db.service.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, retiredAt: true } }) : [];
  const errors = resolveSlugs(named, services);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const idOf = (slug: string) => services.find((s) => s.slug === slug)!.id;

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO pagerduty_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM pagerduty_settings WHERE id = 1 FOR UPDATE`;
    if (!row) throw new Error("The PagerDuty settings row vanished while it was being saved");
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new PagerDutySettingsVersionConflictError(await readPagerDutySettings(tx), expectedVersion);
    }
    const before = await readPagerDutyMapping(tx);
    const after = {
      signingSecrets: input.signingSecrets ?? before.signingSecrets,
      serviceIds: Object.fromEntries(Object.entries(input.services).map(([pagerDutyId, slug]) => [pagerDutyId, idOf(slug)])),
      defaultServiceId: input.defaultService ? idOf(input.defaultService) : null,
      priorities: input.priorities,
    };
    const changes = settingsChanges(await readPagerDutySettings(tx), input, before.signingSecrets, after.signingSecrets);
    if (Object.keys(changes).length === 0) return readPagerDutySettings(tx);
    await tx.pagerDutySettings.update({
      where: { id: 1 },
      data: {
        signingSecrets: after.signingSecrets,
        serviceMap: after.serviceIds,
        defaultServiceId: after.defaultServiceId,
        priorities: after.priorities,
        version: { increment: 1 },
        updatedAt: new Date(),
        updatedBy: actor.label,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditEventData(actor, { action: "pagerduty.settings.update", ...PAGERDUTY_SETTINGS_ENTITY, changes: changes as Prisma.InputJsonValue }),
      select: { id: true },
    });
    return readPagerDutySettings(tx);
  });
}

/** What the save changes, as { field: { from, to } }; secrets appear as counts and "replaced", never as text. */
function settingsChanges(
  before: PagerDutySettingsView,
  input: { services: Record<string, string>; defaultService?: string | null; priorities: Record<string, string> },
  oldSecrets: string[],
  newSecrets: string[],
) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (!isDeepStrictEqual(oldSecrets, newSecrets))
    changes.signingSecrets = { from: `${oldSecrets.length} secret(s)`, to: `${newSecrets.length} secret(s), replaced` };
  if (!isDeepStrictEqual(before.services, input.services)) changes.services = { from: before.services, to: input.services };
  if (before.defaultService !== (input.defaultService ?? null)) changes.defaultService = { from: before.defaultService, to: input.defaultService ?? null };
  if (!isDeepStrictEqual(before.priorities, input.priorities)) changes.priorities = { from: before.priorities, to: input.priorities };
  return changes;
}

/**
 * A PagerDuty V3 webhook delivery: the signature is checked over the raw body before anything
 * is parsed (401, nothing written, also when no secret is configured), then the body (413 when
 * too large, 400 naming the field when malformed). 200 when the event was stored (or had been
 * already), 202 with the reason when it was not for this app (nothing written).
 */
export async function receivePagerDutyWebhook(db: Database, rawBody: string, signatureHeader: string | null, now = new Date()): Promise<WebhookAnswer> {
  return receiveWebhook(db, rawBody, signatureHeader, now);
}
