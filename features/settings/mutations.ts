import { isDeepStrictEqual } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { auditEventData } from "@/lib/audit";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { redetectChangeInvolvement } from "@/features/changes/redetect";
import { recomputeChangePolicyViolations, recomputePolicyViolations, type ViolationRecount } from "./policy-violations";
import { readEditableSettings, SETTINGS_ENTITY, type EditableSettings } from "./reads";
import { updateSettingsSchema, type OrganisationSettingsInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Refused because someone saved the settings after the edit's version: what they are now, and who changed them. */
export class SettingsVersionConflictError extends ConflictError {
  constructor(readonly current: EditableSettings) {
    const who = current.lastChange ? ` by ${current.lastChange.by}` : "";
    super(`The settings were changed${who} since you loaded them (now version ${current.version}); nothing was saved.`);
  }
}

export type SettingsUpdateResult = {
  values: OrganisationSettingsInput;
  version: number;
  changed: boolean;
  /** Set when the approval policy changed and every incident's policyViolation was re-derived. */
  violations: ViolationRecount | null;
  /** The same for the recorded changes. */
  changeViolations: ViolationRecount | null;
  /** Set when the AI tools changed: how many recorded changes' detected involvement was rewritten. */
  changesRedetected: number | null;
};

const FIELDS = ["timeZone", "meetingWeekday", "meetingLengthMinutes", "sloTarget", "approvalPolicy", "aiTools"] as const;

function changesBetween(before: OrganisationSettingsInput, after: OrganisationSettingsInput) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of FIELDS) {
    if (!isDeepStrictEqual(before[field], after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

/** The settings row, created with the defaults when missing (safe when two requests race), locked until commit. */
async function lockSettingsRow(tx: Tx): Promise<number> {
  await tx.$executeRaw`INSERT INTO organisation_settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM organisation_settings WHERE id = 1 FOR UPDATE`;
  if (!row) throw new Error("The organisation settings row vanished while it was being saved");
  return row.version;
}

/**
 * Saves the organisation settings when the edit is based on the current version. A new
 * approval policy re-derives every incident's policyViolation in the same transaction, so no
 * reader ever sees the new policy with the old flags.
 */
export async function updateOrganisationSettings(db: Database, rawInput: unknown, actor: Actor): Promise<SettingsUpdateResult> {
  assertMay(actor, "settings:manage", "manage the organisation settings");
  const parsed = updateSettingsSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const { version, ...values } = parsed.data;
  return db.$transaction(async (tx) => {
    const currentVersion = await lockSettingsRow(tx);
    if (currentVersion !== version) throw new SettingsVersionConflictError(await readEditableSettings(tx));
    const before = (await readEditableSettings(tx)).values;
    const changes = changesBetween(before, values);
    if (Object.keys(changes).length === 0) return { values, version, changed: false, violations: null, changeViolations: null, changesRedetected: null };
    const updated = await tx.organisationSettings.update({
      where: { id: 1 },
      data: { ...values, version: { increment: 1 } },
      select: { version: true },
    });
    const violations = changes.approvalPolicy ? await recomputePolicyViolations(tx, values.approvalPolicy) : null;
    // A new tool list re-reads every change's co-authors, and re-judges them under the policy being saved.
    const redetected = changes.aiTools ? await redetectChangeInvolvement(tx, values.aiTools, values.approvalPolicy) : null;
    const changeViolations = changes.approvalPolicy ? await recomputeChangePolicyViolations(tx, values.approvalPolicy) : null;
    const audited = {
      ...changes,
      ...(violations ? { policyViolations: violations } : {}),
      ...(changeViolations ? { changePolicyViolations: changeViolations } : {}),
      ...(redetected !== null ? { changesRedetected: redetected } : {}),
    };
    await tx.auditEvent.create({
      data: auditEventData(actor, { action: "settings.update", ...SETTINGS_ENTITY, changes: audited }),
    });
    return { values, version: updated.version, changed: true, violations, changeViolations, changesRedetected: redetected };
  });
}
