import type { Database } from "@/lib/db/client";
import { DEFAULT_AI_TOOLS } from "@/lib/domain/ai-trailers";
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from "@/lib/domain/approval-policy";

type Reader = Pick<Database, "organisationSettings">;

export type OrganisationSettings = {
  timeZone: string;
  meetingWeekday: number;
  meetingLengthMinutes: number;
  sloTarget: number;
  approvalPolicy: ApprovalPolicy;
  /** AI tools a commit's Co-authored-by trailer is matched against. */
  aiTools: string[];
};

/** The organisation's settings, or the defaults of the specification while none are saved. */
export async function getOrganisationSettings(db: Reader): Promise<OrganisationSettings> {
  const row = await db.organisationSettings.findUnique({ where: { id: 1 } });
  return {
    timeZone: row?.timeZone ?? "UTC",
    meetingWeekday: row?.meetingWeekday ?? 3,
    meetingLengthMinutes: row?.meetingLengthMinutes ?? 60,
    sloTarget: row?.sloTarget ?? 0.999,
    approvalPolicy: (row?.approvalPolicy as ApprovalPolicy | undefined) ?? DEFAULT_APPROVAL_POLICY,
    aiTools: row?.aiTools ?? [...DEFAULT_AI_TOOLS],
  };
}

/**
 * The settings for a write that depends on them (an incident's or a change's policy flag, a change's detected AI involvement): the row is
 * share-locked, so a concurrent change of the policy, which re-evaluates every incident,
 * either waits for this write or is seen by it; never a flag from the old policy.
 */
export async function getOrganisationSettingsForWrite(tx: Pick<Database, "organisationSettings" | "$queryRaw">): Promise<OrganisationSettings> {
  await tx.$queryRaw`SELECT 1 FROM organisation_settings WHERE id = 1 FOR SHARE`;
  return getOrganisationSettings(tx);
}
