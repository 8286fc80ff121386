import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import type { Postmortem, Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import type { PostmortemSections } from "@/lib/domain/postmortem-enums";
import { isEditable, sectionsOf } from "../state";

export type Tx = Prisma.TransactionClient;

/** A change based on an old version, carrying what is stored now so the editor can show it. */
export class PostmortemConflictError extends ConflictError {
  constructor(readonly current: { version: number; sections: PostmortemSections }) {
    super(`The postmortem was changed by someone else since you opened it (it is now at version ${current.version}). Nothing was saved.`);
  }
}

/** The outcome of every postmortem change: enough for the editor to carry on from. */
export type PostmortemChangeResult = { postmortemId: string; incidentReference: string; version: number };

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

type Change = {
  /** Fields of the postmortem row to set along with the new version. */
  data?: Prisma.PostmortemUncheckedUpdateInput;
  /** The audit event; null when the change turned out to change nothing. */
  audit: { action: string; changes: Record<string, unknown> } | null;
};

type ChangeOptions = {
  /** Refuses the change once the postmortem is published. */
  content: boolean;
  /** Overrides "the version must be the stored one" (the sections compare their text instead). */
  isStale?: (row: Postmortem) => boolean;
};

/**
 * Runs one change of an incident's postmortem in a transaction: creates the postmortem on
 * first use, locks it, refuses a change based on an old version, applies the change, moves
 * the version on by one and writes the audit event. Concurrent changes queue on the row lock,
 * so of two based on the same version exactly one succeeds.
 */
export async function changePostmortem(
  db: Database,
  ref: { incidentId: string; version: number },
  actor: Actor,
  options: ChangeOptions,
  apply: (tx: Tx, row: Postmortem) => Promise<Change>,
): Promise<PostmortemChangeResult> {
  // Every postmortem change needs at least this; publishing checks its own permission first.
  assertMay(actor, "postmortem:edit", "edit postmortems");
  return db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: ref.incidentId }, select: { id: true, reference: true } });
    if (!incident) throw new NotFoundError(`No incident with id ${ref.incidentId}.`);
    // Version 0 marks a row made just now; a concurrent first save waits on it, then conflicts.
    await tx.postmortem.createMany({ data: [{ incidentId: incident.id, version: 0 }], skipDuplicates: true });
    await tx.$queryRaw`SELECT id FROM postmortems WHERE incident_id = ${incident.id}::uuid FOR UPDATE`;
    const row = await tx.postmortem.findUniqueOrThrow({ where: { incidentId: incident.id } });

    const stale = options.isStale ? options.isStale(row) : row.version !== ref.version;
    if (stale) throw new PostmortemConflictError({ version: row.version, sections: sectionsOf(row) });
    if (options.content && !isEditable(row.state)) {
      throw new RuleViolationError({ state: ["a published postmortem can no longer be changed"] });
    }

    const change = await apply(tx, row);
    if (!change.audit && row.version > 0) return { postmortemId: row.id, incidentReference: incident.reference, version: row.version };
    const updated = await tx.postmortem.update({ where: { id: row.id }, data: { ...change.data, version: row.version + 1 }, select: { version: true } });
    const audit = (action: string, changes: Record<string, unknown>) =>
      tx.auditEvent.create({
        data: auditEventData(actor, {
          action,
          entityType: "Postmortem",
          entityId: row.id,
          changes: { incidentId: incident.id, incident: incident.reference, ...changes },
        }),
      });
    if (row.version === 0) await audit("postmortem.create", {});
    if (change.audit) await audit(change.audit.action, change.audit.changes);
    return { postmortemId: row.id, incidentReference: incident.reference, version: updated.version };
  });
}
