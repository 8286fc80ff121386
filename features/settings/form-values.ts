import { CHANGE_APPROVALS } from "@/lib/domain/incident-enums";
import type { ChangeApproval } from "@/lib/domain/approval-policy";
import { POLICY_AUTHOR_LEVELS, type OrganisationSettingsInput } from "./schemas";
import { formText } from "@/lib/forms/form-data";

/** What the settings form holds, as text, so a refused save shows exactly what the user typed. */
export type SettingsFormValues = {
  timeZone: string;
  meetingWeekday: string;
  meetingLengthMinutes: string;
  /** A percentage, e.g. "99.9". */
  sloTargetPercent: string;
  approvalPolicy: Record<(typeof POLICY_AUTHOR_LEVELS)[number], ChangeApproval[]>;
  /** One tool name a line. */
  aiTools: string;
};

/** Policy checkboxes are named "policy.JUNIOR" etc. with the approval as value. */
export const policyFieldName = (level: string) => `policy.${level}`;

// Rounded so that 99.9 % is stored as 0.999, not 0.9990000000000001.
export const percentToFraction = (percent: number) => Number((percent / 100).toFixed(8));
export const fractionToPercentText = (fraction: number) => String(Number((fraction * 100).toFixed(6)));

export function settingsFormValuesOf(settings: OrganisationSettingsInput): SettingsFormValues {
  return {
    timeZone: settings.timeZone,
    meetingWeekday: String(settings.meetingWeekday),
    meetingLengthMinutes: String(settings.meetingLengthMinutes),
    sloTargetPercent: fractionToPercentText(settings.sloTarget),
    approvalPolicy: { ...settings.approvalPolicy },
    aiTools: settings.aiTools.join("\n"),
  };
}

export function readSettingsForm(form: FormData): SettingsFormValues {
  const text = (name: string) => formText(form, name).trim();
  const approvalsOf = (level: string) =>
    form.getAll(policyFieldName(level)).filter((value): value is ChangeApproval => CHANGE_APPROVALS.includes(value as ChangeApproval));
  return {
    timeZone: text("timeZone"),
    meetingWeekday: text("meetingWeekday"),
    meetingLengthMinutes: text("meetingLengthMinutes"),
    sloTargetPercent: text("sloTargetPercent"),
    approvalPolicy: Object.fromEntries(POLICY_AUTHOR_LEVELS.map((level) => [level, approvalsOf(level)])) as SettingsFormValues["approvalPolicy"],
    aiTools: text("aiTools"),
  };
}

// Empty or non-numeric text stays a string so the schema names the field instead of reading 0.
export const numberOrText = (text: string): number | string => (text !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

/** The raw input of updateOrganisationSettings; the schema judges it. */
export function settingsInputOf(values: SettingsFormValues, version: number | string) {
  const percent = numberOrText(values.sloTargetPercent);
  return {
    timeZone: values.timeZone,
    meetingWeekday: numberOrText(values.meetingWeekday),
    meetingLengthMinutes: numberOrText(values.meetingLengthMinutes),
    sloTarget: typeof percent === "number" ? percentToFraction(percent) : percent,
    approvalPolicy: values.approvalPolicy,
    aiTools: values.aiTools
      .split(/\r?\n/)
      .map((tool) => tool.trim())
      .filter(Boolean),
    version: numberOrText(String(version)),
  };
}
