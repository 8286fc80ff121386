import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { AI_INVOLVEMENTS, AUTHOR_LEVELS, CHANGE_APPROVALS } from "@/lib/domain/incident-enums";
import { DEFAULT_AI_TOOLS } from "@/lib/domain/ai-trailers";
import { DEFAULT_APPROVAL_POLICY } from "@/lib/domain/approval-policy";
import type { AiInvolvement, AuthorLevel, ChangeApproval } from "@/lib/domain/approval-policy";

export const actorOf = (label: string, role: Role = "ADMIN"): Actor => ({ userId: null, tokenId: null, label, method: "UI", role });

/** What a save of the settings sends for a fresh organisation's defaults, but the version. */
export const DEFAULT_SETTINGS_INPUT = {
  timeZone: "UTC",
  meetingWeekday: 3,
  meetingLengthMinutes: 60,
  sloTarget: 0.999,
  approvalPolicy: DEFAULT_APPROVAL_POLICY,
  aiTools: [...DEFAULT_AI_TOOLS],
};

export type ChangeCase = { aiInvolvement: AiInvolvement; authorLevel: AuthorLevel | null; approval: ChangeApproval };

/** Every author level (and none) × every approval × every AI involvement: 80 cases. */
export const CHANGE_MATRIX: ChangeCase[] = AI_INVOLVEMENTS.flatMap((aiInvolvement) =>
  [...AUTHOR_LEVELS, null].flatMap((authorLevel) => CHANGE_APPROVALS.map((approval) => ({ aiInvolvement, authorLevel, approval }))),
);

/** One bare incident per case, each with a policy flag opposite to `flag(case)`, so a stale flag shows. */
export async function insertChangeMatrix(db: Database, prefix: string, flag: (c: ChangeCase) => boolean) {
  await db.incident.createMany({
    data: CHANGE_MATRIX.map((c, index) => ({
      reference: `${prefix}-${String(index).padStart(4, "0")}`,
      title: `Matrix case ${index}`,
      severity: "SEV2",
      status: "INVESTIGATING",
      startedAt: new Date("2026-03-02T10:00:00Z"),
      blastRadius: "SINGLE_SERVICE",
      aiInvolvement: c.aiInvolvement,
      changeAuthorLevel: c.authorLevel,
      changeApproval: c.approval,
      policyViolation: !flag(c),
    })),
  });
}

/** The stored policy flags of the matrix incidents, in CHANGE_MATRIX order. */
export async function matrixFlags(db: Database, prefix: string): Promise<boolean[]> {
  const rows = await db.incident.findMany({
    where: { reference: { startsWith: `${prefix}-` } },
    orderBy: { reference: "asc" },
    select: { policyViolation: true },
  });
  return rows.map((row) => row.policyViolation);
}
