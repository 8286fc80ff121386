import type { AiInvolvement, ApprovalPolicy } from "@/lib/domain/approval-policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveFromFacts } from "./derive";

const BATCH = 1_000;

/**
 * After the AI tool list changed: re-reads the co-authors of every change that has any (the
 * only trailers a tool list decides) and writes the changes whose detected involvement, tool,
 * effective involvement or policy flag come out differently. Returns how many were rewritten.
 */
export async function redetectChangeInvolvement(tx: Prisma.TransactionClient, tools: readonly string[], policy: ApprovalPolicy): Promise<number> {
  let rewritten = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await tx.change.findMany({
      where: { id: { gt: after }, coAuthors: { isEmpty: false } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        authorLevel: true,
        approval: true,
        aiInvolvement: true,
        trailerInvolvement: true,
        coAuthors: true,
        aiDetected: true,
        aiDetectedTool: true,
        aiEffective: true,
        policyViolation: true,
      },
    });
    for (const row of rows) {
      const derived = deriveFromFacts(row, { trailerInvolvement: row.trailerInvolvement as AiInvolvement, coAuthors: row.coAuthors }, tools, policy);
      const same =
        derived.aiDetected === row.aiDetected &&
        derived.aiDetectedTool === row.aiDetectedTool &&
        derived.aiEffective === row.aiEffective &&
        derived.policyViolation === row.policyViolation;
      if (same) continue;
      await tx.change.update({
        where: { id: row.id },
        data: {
          aiDetected: derived.aiDetected,
          aiDetectedTool: derived.aiDetectedTool,
          aiEffective: derived.aiEffective,
          policyViolation: derived.policyViolation,
        },
      });
      rewritten += 1;
    }
    if (rows.length < BATCH) return rewritten;
    after = rows.at(-1)!.id;
  }
}
