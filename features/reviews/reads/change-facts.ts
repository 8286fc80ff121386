// The review week's changes, as the deploy pipeline recorded them: the METRICS item's change
// failure rate and the triggering change beside each incident (docs/domain.md, "Change").
import { isAiMismatch } from "@/features/changes/derive";
import { changeWithService, requiredApprovalOf, type ChangeRow } from "@/features/changes/reads";
import type { AiInvolvement, ApprovalPolicy, AuthorLevel } from "@/lib/domain/approval-policy";
import type { Database } from "@/lib/db/client";
import type { ChangeCounts, ReviewChange, TriggeringChange, WeekChangeFigures } from "../agenda-types";

export const changeCountsOf = (changes: number, failed: number): ChangeCounts => ({
  changes,
  failed,
  changeFailureRate: changes === 0 ? null : failed / changes,
});

type CountsRow = { changes: number; failed: number; ai_changes: number; ai_failed: number; without_sign_off: number };

/**
 * The changes deployed in [start, end), how many failed, split by AI involvement (declared or
 * detected), and how many lacked the required sign-off. A change fails when at least one
 * incident names it, whenever that incident started; it counts once however many do.
 */
export async function weekChangeFigures(db: Database, start: Date, end: Date, now: Date): Promise<WeekChangeFigures> {
  const [row] = await db.$queryRaw<CountsRow[]>`
    SELECT count(*)::int AS changes,
           count(*) FILTER (WHERE f.failed)::int AS failed,
           count(*) FILTER (WHERE c.ai_effective <> 'NONE')::int AS ai_changes,
           count(*) FILTER (WHERE c.ai_effective <> 'NONE' AND f.failed)::int AS ai_failed,
           count(*) FILTER (WHERE c.policy_violation)::int AS without_sign_off
    FROM changes c
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM incidents i WHERE i.change_reference = c.reference) AS failed) f
    WHERE c.deployed_at >= ${start} AND c.deployed_at < ${end}`;
  const counts = row ?? { changes: 0, failed: 0, ai_changes: 0, ai_failed: 0, without_sign_off: 0 };
  return {
    ...changeCountsOf(counts.changes, counts.failed),
    aiInvolved: changeCountsOf(counts.ai_changes, counts.ai_failed),
    other: changeCountsOf(counts.changes - counts.ai_changes, counts.failed - counts.ai_failed),
    withoutRequiredSignOff: counts.without_sign_off,
    weekRunning: now.getTime() < end.getTime(),
  };
}

function toReviewChange(row: ChangeRow, policy: ApprovalPolicy): ReviewChange {
  return {
    reference: row.reference,
    title: row.title,
    url: row.url,
    service: { slug: row.service.slug, name: row.service.name },
    deployedAt: row.deployedAt.toISOString(),
    authorLevel: row.authorLevel,
    approval: row.approval,
    declared: { involvement: row.aiInvolvement, tool: row.aiTool },
    detected: { involvement: row.aiDetected, tool: row.aiDetectedTool },
    mismatch: isAiMismatch(row.aiInvolvement, row.aiDetected),
    policyViolation: row.policyViolation,
    requiredApproval: requiredApprovalOf(row.aiEffective, row.authorLevel, policy),
  };
}

/** The recorded changes of the references incidents name, by reference. */
export async function recordedChangesByReference(
  db: Database,
  references: readonly (string | null)[],
  policy: ApprovalPolicy,
): Promise<Map<string, ReviewChange>> {
  const named = [...new Set(references.filter((r): r is string => Boolean(r)))];
  if (named.length === 0) return new Map();
  const rows = await db.change.findMany({ where: { reference: { in: named } }, include: changeWithService });
  return new Map(rows.map((row) => [row.reference, toReviewChange(row, policy)]));
}

type IncidentChangeFacts = { changeReference: string | null; aiInvolvement: AiInvolvement; changeAuthorLevel: AuthorLevel | null };

/** What an incident's change reference points at: nothing, a change the pipeline never recorded, or a recorded one. */
export function triggeringChangeOf(incident: IncidentChangeFacts, recorded: ReadonlyMap<string, ReviewChange>, policy: ApprovalPolicy): TriggeringChange {
  const reference = incident.changeReference?.trim() ? incident.changeReference : null;
  const change = reference ? recorded.get(reference) : undefined;
  if (change) return { state: "recorded", change };
  const requiredApproval = requiredApprovalOf(incident.aiInvolvement, incident.changeAuthorLevel, policy);
  return reference ? { state: "not-recorded", reference, requiredApproval } : { state: "not-named", requiredApproval };
}
