// Recording a change from the deploy pipeline: idempotent by reference, so a pipeline may
// re-send a change as often as it likes and concurrent re-sends leave one row.
import { isDeepStrictEqual } from "node:util";
import { getOrganisationSettingsForWrite } from "@/lib/organisation-settings";
import { CLOCK_SKEW_MS } from "@/features/incidents/rules";
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { RuleViolationError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { deriveChangeColumns } from "./derive";
import { linkedIncidentsByReference } from "./linked-incidents";
import { changeWithService, toChangeResponse, type ChangeResponse } from "./reads";
import { changeInputSchema, type ChangeInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type RecordedChange = { change: ChangeResponse; created: boolean };

/** The input's shape, then its rules (a deploy cannot lie in the future): 400 or 422 field by field. */
export function parseChangeInput(raw: unknown, now: Date): ChangeInput {
  const parsed = changeInputSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  if (parsed.data.deployedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new RuleViolationError({ deployedAt: ["cannot be in the future"] });
  return parsed.data;
}

async function serviceIdOf(tx: Tx, slug: string): Promise<string> {
  const service = await tx.service.findUnique({ where: { slug }, select: { id: true } });
  if (!service) throw new ValidationError({ service: [`unknown service: ${slug}`] });
  return service.id;
}

/** Every column of the change as the input and the organisation's settings make it. */
async function changeColumns(tx: Tx, input: ChangeInput) {
  const { approvalPolicy, aiTools } = await getOrganisationSettingsForWrite(tx);
  const signOff = { authorLevel: input.change.authorLevel, approval: input.change.approval, aiInvolvement: input.ai.involvement };
  const commits = input.commits.map((c) => (c.sha ? { sha: c.sha, message: c.message } : { message: c.message }));
  return {
    policy: approvalPolicy,
    columns: {
      reference: input.reference,
      serviceId: await serviceIdOf(tx, input.service),
      deployedAt: input.deployedAt,
      title: input.title,
      url: input.url,
      authorLevel: input.change.authorLevel,
      approval: input.change.approval,
      aiInvolvement: input.ai.involvement,
      aiTool: input.ai.tool,
      commits,
      ...deriveChangeColumns(signOff, commits, aiTools, approvalPolicy),
    },
  };
}

type Columns = Awaited<ReturnType<typeof changeColumns>>["columns"];
type StoredColumns = Omit<Columns, "commits"> & { commits: Prisma.JsonValue };

/** Field → { from, to } for the columns a re-send changes. */
function changedColumns(before: StoredColumns, after: Columns): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof Columns)[]) {
    if (!isDeepStrictEqual(before[key], after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/**
 * Records a change: 201 semantics (created) for a new reference; for a known one, the stored
 * change becomes the request (a re-send), version up when anything differs. The reference is
 * locked for the transaction, so concurrent sends of one reference queue behind each other
 * and leave one row; the settings row is share-locked, as an incident write does, so a policy
 * or tool-list change never leaves a change judged by the old one.
 */
export async function recordChange(db: Database, raw: unknown, actor: Actor, now = new Date()): Promise<RecordedChange> {
  assertMay(actor, "change:record", "record changes");
  const input = parseChangeInput(raw, now);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`change:${input.reference}`}, 0))`;
    const { columns, policy } = await changeColumns(tx, input);
    const existing = await tx.change.findUnique({ where: { reference: input.reference } });
    let created = false;
    let row;
    if (!existing) {
      row = await tx.change.create({ data: columns, include: changeWithService });
      await tx.auditEvent.create({
        data: auditEventData(actor, { action: "change.record", entityType: "Change", entityId: row.id, changes: { created: columns } }),
      });
      created = true;
    } else {
      const changes = changedColumns(existing, columns);
      if (Object.keys(changes).length === 0) {
        row = await tx.change.findUniqueOrThrow({ where: { id: existing.id }, include: changeWithService });
      } else {
        row = await tx.change.update({ where: { id: existing.id }, data: { ...columns, version: { increment: 1 } }, include: changeWithService });
        await tx.auditEvent.create({
          data: auditEventData(actor, {
            action: "change.update",
            entityType: "Change",
            entityId: row.id,
            changes: { version: { from: existing.version, to: row.version }, ...changes },
          }),
        });
      }
    }
    const incidents = (await linkedIncidentsByReference(tx, [row.reference])).get(row.reference) ?? [];
    return { change: toChangeResponse(row, incidents, policy), created };
  });
}
