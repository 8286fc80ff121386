// An incident names its triggering change by reference; when that change was recorded by the
// deploy pipeline, its sign-off and AI involvement fill the incident's, unless the request
// gave them (SPEC: Changes and change failure rate).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IncidentInput } from "./schemas";

/** The incident fields a recorded change can fill, as "group.field". */
export const FILLABLE_FROM_CHANGE = ["change.authorLevel", "change.approval", "ai.involvement", "ai.tool"] as const;
export type FillableField = (typeof FILLABLE_FROM_CHANGE)[number];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/** The fillable fields a request sent a key for, with what it sent. */
function sentFillableValues(raw: unknown): [FillableField, unknown][] {
  if (!isRecord(raw)) return [];
  return FILLABLE_FROM_CHANGE.flatMap((path) => {
    const [group, field] = path.split(".") as [string, string];
    const values = raw[group];
    return isRecord(values) && field in values ? [[path, values[field]] as [FillableField, unknown]] : [];
  });
}

/** Which fillable fields a request gave: present, and neither null nor empty text. */
export const givenFillableFields = (raw: unknown) => new Set(sentFillableValues(raw).flatMap(([path, value]) => (isEmpty(value) ? [] : [path])));

/** Which fillable fields an edit cleared: sent, as null, undefined (the form's empty choice) or empty text. */
export const clearedFillableFields = (raw: unknown) => new Set(sentFillableValues(raw).flatMap(([path, value]) => (isEmpty(value) ? [path] : [])));

/**
 * The input with the fields the request left out taken from the recorded change of its
 * reference: the change's author level and approval, the stronger of its declared and
 * detected AI involvement, and its tool (declared, or the one its trailers named). Unchanged
 * when there is no reference or no such change.
 */
export async function fillFromRecordedChange(tx: Prisma.TransactionClient, input: IncidentInput, given: ReadonlySet<FillableField>): Promise<IncidentInput> {
  const reference = input.change.reference;
  if (!reference) return input;
  const change = await tx.change.findUnique({
    where: { reference },
    select: { authorLevel: true, approval: true, aiEffective: true, aiTool: true, aiDetectedTool: true },
  });
  if (!change) return input;
  const pick = <T>(field: FillableField, own: T, fromChange: T): T => (given.has(field) ? own : fromChange);
  return {
    ...input,
    change: {
      ...input.change,
      authorLevel: pick("change.authorLevel", input.change.authorLevel, change.authorLevel ?? undefined),
      approval: pick("change.approval", input.change.approval, change.approval),
    },
    ai: {
      ...input.ai,
      involvement: pick("ai.involvement", input.ai.involvement, change.aiEffective),
      tool: pick("ai.tool", input.ai.tool, change.aiTool ?? change.aiDetectedTool ?? undefined),
    },
  };
}
