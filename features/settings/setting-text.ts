import { label } from "@/lib/domain/incident-enums";
import type { SettingsFormValues } from "@/features/settings/form-values";
import { POLICY_AUTHOR_LEVELS } from "@/features/settings/schemas";

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export const SETTINGS_FORM_FIELDS = [
  { field: "timeZone", label: "Time zone" },
  { field: "meetingWeekday", label: "Meeting day" },
  { field: "meetingLengthMinutes", label: "Meeting length" },
  { field: "sloTargetPercent", label: "Organisation SLO target" },
  { field: "approvalPolicy", label: "Approval policy" },
] as const satisfies { field: keyof SettingsFormValues; label: string }[];

/** A setting as a sentence fragment people compare at a glance, e.g. "Wednesday" or "99.9 %". */
export function describeSetting(values: SettingsFormValues, field: keyof SettingsFormValues): string {
  switch (field) {
    case "meetingWeekday":
      return WEEKDAYS[Number(values.meetingWeekday) - 1] ?? values.meetingWeekday;
    case "meetingLengthMinutes":
      return `${values.meetingLengthMinutes} min`;
    case "sloTargetPercent":
      return `${values.sloTargetPercent} %`;
    case "approvalPolicy":
      return POLICY_AUTHOR_LEVELS.map((level) => {
        const approvals = values.approvalPolicy[level];
        return `${level === "UNKNOWN" ? "Unknown" : label(level)}: ${approvals.length ? approvals.map(label).join("/") : "none allowed"}`;
      }).join("; ");
    default:
      return values.timeZone;
  }
}
