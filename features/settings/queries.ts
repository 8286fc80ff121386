import type { Database } from "@/lib/db/client";
import { DEFAULT_APPROVAL_POLICY, type ApprovalPolicy } from "@/features/incidents/policy";

type Reader = Pick<Database, "organisationSettings">;

export type OrganisationSettings = {
  timeZone: string;
  meetingWeekday: number;
  meetingLengthMinutes: number;
  sloTarget: number;
  approvalPolicy: ApprovalPolicy;
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
  };
}
