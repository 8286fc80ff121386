import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/uuid";
import { fieldErrorsOf } from "@/lib/validation";
import type { z } from "zod";
import { findRepeats } from "./reads";
import { notRepeatMarkSchema, notRepeatPairSchema, type NotRepeatPair } from "./schemas";

const MARK = ["incident:markNotRepeat", "mark an earlier incident as not a repeat"] as const;

/** Whether the call changed anything: marking a marked pair again, or undoing an undone mark, is no change. */
export type NotRepeatMarkResult = { changed: boolean; incident: string; earlier: string };

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function incidentNamed(tx: Prisma.TransactionClient, field: string, idOrReference: string) {
  const where = isUuid(idOrReference) ? { id: idOrReference } : { reference: idOrReference.toUpperCase() };
  const incident = await tx.incident.findUnique({ where, select: { id: true, reference: true } });
  if (!incident) throw new NotFoundError(`No incident with id or reference "${idOrReference}" (${field}).`);
  return incident;
}

async function pairOf(tx: Prisma.TransactionClient, input: { incident: string; earlier: string }) {
  const [later, earlier] = [await incidentNamed(tx, "incident", input.incident), await incidentNamed(tx, "earlier", input.earlier)];
  return { later, earlier, key: { incidentId: later.id, earlierIncidentId: earlier.id } };
}

type Pair = Awaited<ReturnType<typeof pairOf>>;
/** What a change of a mark records in the later incident's history; null when nothing changed. */
type MarkChange = { action: string; changes: Record<string, { from: string | null; to: string | null }> } | null;

/** Runs `change` on the named pair in one transaction with its audit event. */
function changeMark(
  db: Database,
  actor: Actor,
  input: { incident: string; earlier: string },
  change: (tx: Prisma.TransactionClient, pair: Pair) => Promise<MarkChange>,
) {
  return db.$transaction(async (tx): Promise<NotRepeatMarkResult> => {
    const pair = await pairOf(tx, input);
    const audit = await change(tx, pair);
    if (audit) await tx.auditEvent.create({ data: auditEventData(actor, { ...audit, entityType: "Incident", entityId: pair.later.id }) });
    return { changed: audit !== null, incident: pair.later.reference, earlier: pair.earlier.reference };
  });
}

/**
 * A LEAD's judgement that `earlier` is not a repeat of `incident`: kept (with the reason) and
 * audited, and the pair leaves the repeats everywhere. Only a pair the rule makes a repeat can
 * be marked; marking a marked pair again changes nothing.
 */
export async function markNotRepeat(db: Database, pair: NotRepeatPair, rawMark: unknown, actor: Actor): Promise<NotRepeatMarkResult> {
  assertMay(actor, ...MARK);
  const input = parse(notRepeatMarkSchema, rawMark);
  return changeMark(db, actor, parse(notRepeatPairSchema, pair), async (tx, { later, earlier, key }) => {
    if (await tx.notRepeatMark.findUnique({ where: { incidentId_earlierIncidentId: key } })) return null;
    if (!(await findRepeats(tx, later.id)).some((repeat) => repeat.id === earlier.id)) {
      throw new ConflictError(`${earlier.reference} is not a repeat of ${later.reference} (any more): there is nothing to mark.`);
    }
    const { count } = await tx.notRepeatMark.createMany({
      data: [{ ...key, reason: input.reason, markedById: actor.userId }],
      skipDuplicates: true, // someone marked the pair at the same moment: theirs stands
    });
    if (count === 0) return null;
    return {
      action: "incident.not_repeat",
      changes: { notRepeatOf: { from: null, to: earlier.reference }, notRepeatReason: { from: null, to: input.reason || null } },
    };
  });
}

/** Undoes a not-a-repeat mark (audited): the pair is a repeat again wherever the rule says so. */
export async function undoNotRepeatMark(db: Database, pair: NotRepeatPair, actor: Actor): Promise<NotRepeatMarkResult> {
  assertMay(actor, ...MARK);
  return changeMark(db, actor, parse(notRepeatPairSchema, pair), async (tx, { earlier, key }) => {
    const { count } = await tx.notRepeatMark.deleteMany({ where: key });
    return count === 0 ? null : { action: "incident.not_repeat_undone", changes: { notRepeatOf: { from: earlier.reference, to: null } } };
  });
}
