import { z } from "zod";
import { AUTHOR_LEVELS, CHANGE_APPROVALS } from "@/lib/domain/incident-enums";
import { storableString } from "@/lib/schemas";
import type { ApprovalPolicy, ChangeApproval } from "@/lib/domain/approval-policy";

/** The author levels of the approval policy, UNKNOWN for a change whose author's level was not recorded. */
export const POLICY_AUTHOR_LEVELS = [...AUTHOR_LEVELS, "UNKNOWN"] as const;

// Intl lists canonical zone names only, and "UTC" (the default) is not among them in every runtime.
const supportedTimeZones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);

export const isSupportedTimeZone = (name: string) => supportedTimeZones.has(name);
export const supportedTimeZoneNames = () => [...supportedTimeZones];

// Stored in the enum's order and without repeats, so equal policies compare equal.
const approvals = z
  .array(z.enum(CHANGE_APPROVALS, { error: `must be among ${CHANGE_APPROVALS.join(", ")}` }), { error: "must be a list of approvals" })
  .transform((list): ChangeApproval[] => CHANGE_APPROVALS.filter((approval) => list.includes(approval)));

export const approvalPolicySchema = z.strictObject(
  { JUNIOR: approvals, MID: approvals, SENIOR: approvals, PRINCIPAL: approvals, UNKNOWN: approvals },
  { error: "must give the approvals for JUNIOR, MID, SENIOR, PRINCIPAL and UNKNOWN authors" },
) satisfies z.ZodType<ApprovalPolicy>;

/** Tool names as typed, without blanks or repeats (in any case), in the order given. */
const aiToolsSchema = z
  .array(storableString("must be a tool name").trim().max(60, { message: "each tool name is at most 60 characters" }), {
    error: "must be a list of AI tool names",
  })
  .max(100, { message: "must hold at most 100 tools" })
  .transform((tools) => tools.filter((tool, index) => tool !== "" && tools.findIndex((t) => t.toLowerCase() === tool.toLowerCase()) === index));

export const organisationSettingsSchema = z.object({
  timeZone: z
    .string({ error: "must be an IANA time zone name, e.g. Europe/London" })
    .trim()
    .refine(isSupportedTimeZone, { message: "must be an IANA time zone name such as Europe/London, America/New_York or UTC" }),
  meetingWeekday: z
    .number({ error: "must be a weekday from 1 (Monday) to 7 (Sunday)" })
    .int({ message: "must be a weekday from 1 (Monday) to 7 (Sunday)" })
    .min(1, { message: "must be a weekday from 1 (Monday) to 7 (Sunday)" })
    .max(7, { message: "must be a weekday from 1 (Monday) to 7 (Sunday)" }),
  meetingLengthMinutes: z
    .number({ error: "must be a whole number of minutes from 15 to 480" })
    .int({ message: "must be a whole number of minutes from 15 to 480" })
    .min(15, { message: "must be at least 15 minutes" })
    .max(480, { message: "must be at most 480 minutes (8 hours)" }),
  /** A fraction: 0.999 is 99.9 %. Below 90 % is no target; 100 % leaves no error budget at all. */
  sloTarget: z
    .number({ error: "must be a percentage such as 99.9" })
    .min(0.9, { message: "must be at least 90 %" })
    .lt(1, { message: "must be below 100 % (100 % leaves no error budget)" }),
  approvalPolicy: approvalPolicySchema,
  aiTools: aiToolsSchema,
});

export const updateSettingsSchema = organisationSettingsSchema.extend({
  /** The version the edit was based on: an edit of an older one is refused. */
  version: z.number({ error: "is required: reload the page" }).int().positive({ message: "is required: reload the page" }),
});

export type OrganisationSettingsInput = z.infer<typeof organisationSettingsSchema>;
export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;

/** Field names as the settings page labels them, for messages that name the field. */
export const SETTINGS_FIELD_LABELS: Record<string, string> = {
  timeZone: "Time zone",
  meetingWeekday: "Meeting day",
  meetingLengthMinutes: "Meeting length",
  sloTarget: "Organisation SLO target",
  approvalPolicy: "Approval policy",
  aiTools: "AI tools",
  version: "Version",
};
