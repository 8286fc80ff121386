import type { ApprovalPolicy } from "@/features/incidents/policy";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Incidents whose policyViolation the recomputation turned on (flagged) and off (cleared). */
export type ViolationRecount = { flagged: number; cleared: number };

/**
 * Re-derives incidents.policy_violation of every incident from the policy, in one statement,
 * with the rule of features/incidents/policy.ts isPolicyViolation: an AI-involved change
 * violates unless its approval is among those its author level (UNKNOWN when none) needs.
 * Only rows whose flag changes are written.
 */
export async function recomputePolicyViolations(tx: Prisma.TransactionClient, policy: ApprovalPolicy): Promise<ViolationRecount> {
  const policyJson = JSON.stringify(policy);
  const [counts] = await tx.$queryRaw<{ flagged: bigint; cleared: bigint }[]>`
    WITH changed AS (
      UPDATE incidents
      SET policy_violation = NOT policy_violation
      WHERE policy_violation IS DISTINCT FROM (
        ai_involvement <> 'NONE'
        AND NOT COALESCE((${policyJson}::jsonb -> COALESCE(change_author_level::text, 'UNKNOWN')) ? change_approval::text, false)
      )
      RETURNING policy_violation
    )
    SELECT count(*) FILTER (WHERE policy_violation) AS flagged,
           count(*) FILTER (WHERE NOT policy_violation) AS cleared
    FROM changed`;
  return { flagged: Number(counts?.flagged ?? 0), cleared: Number(counts?.cleared ?? 0) };
}
