import { formText } from "@/lib/forms/form-data";
import type { ServiceResponse } from "./reads";

/** What the service form holds, as text, so a refused save shows exactly what was typed. */
export type ServiceFormValues = { slug: string; name: string; team: string; /** e.g. "99.9" */ sloTargetPercent: string };

/** The form's names for the fields, for messages and the conflict table. */
export const SERVICE_FIELD_LABELS: Record<string, string> = {
  slug: "Slug",
  name: "Name",
  team: "Team",
  sloTarget: "SLO target",
  retired: "Retired",
  version: "Version",
};

export const serviceFormValuesOf = (service: ServiceResponse): ServiceFormValues => ({
  slug: service.slug,
  name: service.name,
  team: service.team.slug,
  sloTargetPercent: fractionToPercentText(service.sloTarget),
});

export function readServiceForm(form: FormData): ServiceFormValues {
  const text = (name: string) => formText(form, name).trim();
  return { slug: text("slug"), name: text("name"), team: text("team"), sloTargetPercent: text("sloTargetPercent") };
}

/** A percentage as the schema's fraction; what is not a number stays text, so the schema names the field. */
export function sloTargetOf(percentText: string): number | string {
  const percent = numberOrText(percentText);
  return typeof percent === "number" ? percentToFraction(percent) : percent;
}

// As the settings form reads and shows the organisation's target: 99.9 % is 0.999, not 0.9990000000000001,
// and text that is no number stays text so the schema names the field.
const percentToFraction = (percent: number) => Number((percent / 100).toFixed(8));
const fractionToPercentText = (fraction: number) => String(Number((fraction * 100).toFixed(6)));
const numberOrText = (text: string): number | string => (text !== "" && Number.isFinite(Number(text)) ? Number(text) : text);
