"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { incidentFormErrors } from "../check";
import { changedFormFields, incidentConflictOf, incidentFormValuesOf, patchFromForm, rebaseFormValues, type IncidentConflict } from "../edit-form";
import { postedIncidentValues, type IncidentFormState, type IncidentFormValues } from "../form-values";
import { listIncidentEditsSince } from "../history";
import { updateIncident } from "../mutations";
import { findIncident } from "../reads";
import { IncidentVersionConflictError } from "../version-conflict";

export type EditIncidentState = IncidentFormState<{
  /** Set once the server has answered: the version and baseline the form now edits. */
  version: number;
  baseline: IncidentFormValues;
  conflict: IncidentConflict;
}>;

const CONTROL_FIELDS = ["reference", "version", "baseline", "intent"];

/** The edit form's own hidden fields, and the values the user typed. */
function readEditForm(form: FormData) {
  const all = postedIncidentValues(form);
  const text = (key: string) => (typeof all[key] === "string" ? all[key] : "");
  let baseline: IncidentFormValues | null = null;
  try {
    const parsed: unknown = JSON.parse(text("baseline") || "null");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) baseline = parsed as IncidentFormValues;
  } catch {
    baseline = null; // a tampered or missing baseline: answered below as a form that cannot be used
  }
  const values = Object.fromEntries(Object.entries(all).filter(([key]) => !CONTROL_FIELDS.includes(key)));
  const version = Number(text("version"));
  return {
    reference: text("reference"),
    version: Number.isInteger(version) && version > 0 ? version : null,
    baseline,
    values,
    intent: text("intent"),
    timeZone: text("timeZone") || "UTC",
  };
}

type EditForm = ReturnType<typeof readEditForm> & { version: number; baseline: IncidentFormValues };

/** Lays the user's changes over the latest version: nothing is saved until they press Save again. */
async function reapply(form: EditForm): Promise<EditIncidentState> {
  const current = await findIncident(db, form.reference, new Date());
  if (!current) return { values: form.values, error: "This incident no longer exists." };
  const latest = incidentFormValuesOf(current, form.timeZone);
  return {
    values: rebaseFormValues(form.values, form.baseline, latest),
    baseline: latest,
    version: current.version,
    ok: `Your changes are now laid over version ${current.version}. Check them, then save.`,
  };
}

async function save(actor: Actor, form: EditForm): Promise<EditIncidentState | null> {
  const kept = { values: form.values, baseline: form.baseline, version: form.version };
  // Every problem in the form's own words at once, before the edit checks them again.
  const fieldErrors = incidentFormErrors(form.values, new Date());
  if (fieldErrors) return { ...kept, fieldErrors };
  try {
    await updateIncident(db, form.reference, { version: form.version, ...patchFromForm(form.values, form.baseline) }, actor);
    return null;
  } catch (error) {
    if (error instanceof IncidentVersionConflictError) {
      const edits = await listIncidentEditsSince(db, error.current.id, form.version);
      const conflict = incidentConflictOf(
        edits,
        { yourVersion: form.version, currentVersion: error.currentVersion },
        changedFormFields(form.values, form.baseline),
      );
      return { ...kept, conflict, error: "Not saved: someone else changed this incident while you were editing it. Your values are still here." };
    }
    if (error instanceof ValidationError || error instanceof RuleViolationError) {
      return { ...kept, fieldErrors: error.fieldErrors };
    }
    if (error instanceof NotFoundError) return { ...kept, error: "This incident no longer exists." };
    console.error(`Saving incident ${form.reference} failed`, error);
    return { ...kept, error: "The incident could not be saved because of a server error. Nothing was saved; try again." };
  }
}

export const updateIncidentAction = authorizedAction(
  "incident:update",
  async (actor, _previous: EditIncidentState | undefined, form: FormData): Promise<EditIncidentState> => {
    const read = readEditForm(form instanceof FormData ? form : new FormData());
    const { version, baseline } = read;
    if (!read.reference || version === null || baseline === null) {
      return { values: read.values, error: "This form does not say which incident and version it edits: open the incident and press Edit again." };
    }
    const editForm = { ...read, version, baseline };
    if (read.intent === "reapply") return reapply(editForm);
    const refused = await save(actor, editForm);
    if (refused) return refused;
    revalidatePath("/incidents");
    revalidatePath(`/incidents/${read.reference}`);
    redirect(`/incidents/${read.reference}`);
  },
);
