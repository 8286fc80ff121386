import type { ApprovalPolicy } from "@/lib/domain/approval-policy";
import { Prisma } from "@/lib/generated/prisma/client";

/** Rows whose policyViolation the recomputation turned on (flagged) and off (cleared). */
export type ViolationRecount = { flagged: number; cleared: number };

const { sql, raw } = Prisma;

/**
 * Re-derives policy_violation of every row of `table` from the policy, in one statement, with
 * the rule of lib/domain/approval-policy.ts isPolicyViolation: an AI-involved change violates
 * unless its approval is among those its author level (UNKNOWN when none) needs. Only rows
 * whose flag changes are written.
 */
async function recompute(
  tx: Prisma.TransactionClient,
  policyJson: string,
  table: "incidents" | "changes",
  involvement: string,
  level: string,
  approval: string,
): Promise<ViolationRecount> {
  const [counts] = await tx.$queryRaw<{ flagged: bigint; cleared: bigint }[]>(sql`
    WITH changed AS (
      UPDATE ${raw(table)}
      SET policy_violation = NOT policy_violation
      WHERE policy_violation IS DISTINCT FROM (
        ${raw(involvement)} <> 'NONE'
        AND NOT COALESCE((${policyJson}::jsonb -> COALESCE(${raw(level)}::text, 'UNKNOWN')) ? ${raw(approval)}::text, false)
      )
      RETURNING policy_violation
    )
    SELECT count(*) FILTER (WHERE policy_violation) AS flagged,
           count(*) FILTER (WHERE NOT policy_violation) AS cleared
    FROM changed`);
  return { flagged: Number(counts?.flagged ?? 0), cleared: Number(counts?.cleared ?? 0) };
}

/** Every incident's flag under the policy. */
export const recomputePolicyViolations = (tx: Prisma.TransactionClient, policy: ApprovalPolicy) =>
  recompute(tx, JSON.stringify(policy), "incidents", "ai_involvement", "change_author_level", "change_approval");

/** Every recorded change's flag under the policy, judged on the stronger of declared and detected involvement. */
export const recomputeChangePolicyViolations = (tx: Prisma.TransactionClient, policy: ApprovalPolicy) =>
  recompute(tx, JSON.stringify(policy), "changes", "ai_effective", "author_level", "approval");
