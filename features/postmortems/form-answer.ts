import "server-only";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { answerChange } from "@/lib/forms/answer";
import { formValuesOf } from "@/lib/forms/form-data";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import type { PostmortemSections } from "@/lib/domain/postmortem-enums";
import { postmortemFieldsFromForm } from "./form-values";
import { PostmortemConflictError } from "./mutations/postmortem-change";

/** What a postmortem form hears besides ok/error: the version to build on, or what is stored now. */
export type PostmortemFormExtra = { version: number; conflict: { version: number; sections: PostmortemSections } };

const FIELD_NAMES: Record<string, string> = {
  incidentId: "Incident",
  version: "Version",
  eventId: "Timeline event",
  whyId: "Entry",
  state: "State",
  direction: "Move",
  occurredAt: "Time",
  kind: "Kind",
  text: "Text",
  noActionNeededReason: "No action needed because",
  impactStatement: "Impact statement",
};

/** The answer to a refused or failed change, in words for the person at the form. */
export function postmortemFailure(error: unknown, failure: string, values?: Record<string, string>): FormState<PostmortemFormExtra> {
  if (error instanceof PostmortemConflictError) return { error: error.message, conflict: error.current, values };
  return formFailure(error, failure, values, (errors) => `. ${describeFieldErrors(errors, FIELD_NAMES)}`);
}

/** The pages that show a postmortem: the incident page and its editor. */
export function revalidatePostmortemPages() {
  revalidatePath("/incidents/[reference]", "page");
  revalidatePath("/incidents/[reference]/postmortem", "page");
}

/** How a postmortem form is answered (see answerChange): `ok`, or `failure` and why, keeping what was posted. */
export const postmortemAnswer = (ok: string, failure: string, values?: Record<string, string>) => ({
  ok,
  revalidate: revalidatePostmortemPages,
  failure: (error: unknown) => postmortemFailure(error, failure, values),
});

/**
 * A postmortem form's server action, for those with `permission`: `change` runs on the input read
 * from the form (the postmortem, its version and the named fields, or a reader of its own), and
 * the form hears `ok`, or `failure` and why with what was posted kept.
 */
export function postmortemFormAction(
  permission: Permission,
  db: Database,
  change: (db: Database, input: unknown, actor: Actor) => Promise<{ version: number }>,
  input: readonly string[] | ((form: FormData) => object),
  ok: string,
  failure: string,
) {
  const read = typeof input === "function" ? input : (form: FormData) => postmortemFieldsFromForm(form, input);
  return authorizedAction(permission, async (actor, _previous: FormState<PostmortemFormExtra>, form: FormData): Promise<FormState<PostmortemFormExtra>> =>
    answerChange(() => change(db, read(form), actor), postmortemAnswer(ok, failure, formValuesOf(form))),
  );
}
