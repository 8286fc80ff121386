import { formText } from "@/lib/forms/form-data";
import { wallTimeToInstant } from "@/lib/time/zoned";
import { POSTMORTEM_SECTIONS, type PostmortemSections } from "@/lib/domain/postmortem-enums";

export const postmortemRefFromForm = (form: FormData) => ({ incidentId: formText(form, "incidentId"), version: formText(form, "version") });

/** The postmortem and its version, with the named fields as posted. */
export const postmortemFieldsFromForm = (form: FormData, names: readonly string[]) => ({
  ...postmortemRefFromForm(form),
  ...Object.fromEntries(names.map((name) => [name, formText(form, name)])),
});

/** The sections as typed, and (when the editor sent them) the sections it started from. */
export function sectionsInputFromForm(form: FormData) {
  const read = (prefix: string) => Object.fromEntries(POSTMORTEM_SECTIONS.map((s) => [s, formText(form, `${prefix}${s}`)])) as PostmortemSections;
  const hasBase = POSTMORTEM_SECTIONS.some((s) => form.has(`base.${s}`));
  return { ...postmortemRefFromForm(form), sections: read(""), base: hasBase ? read("base.") : undefined };
}

/**
 * A timeline event as posted: the time arrives as a wall-clock time in the writer's time zone
 * (a hidden field) and leaves as an instant; a bad one is passed on as typed so validation names it.
 */
export function timelineEventInputFromForm(form: FormData) {
  const wall = formText(form, "occurredAt").trim();
  const timeZone = formText(form, "timeZone") || "UTC";
  return {
    ...postmortemRefFromForm(form),
    eventId: formText(form, "eventId") || undefined,
    occurredAt: wall ? (wallTimeToInstant(wall, timeZone)?.toISOString() ?? wall) : "",
    kind: formText(form, "kind"),
    text: formText(form, "text"),
  };
}
