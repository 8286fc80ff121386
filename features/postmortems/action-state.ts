import "server-only";
import { revalidatePath } from "next/cache";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FieldErrors } from "@/lib/validation";
import { PostmortemConflictError, type PostmortemChangeResult } from "./change";
import type { PostmortemSections } from "@/lib/domain/postmortem-enums";

/** What every postmortem action answers its form with. */
export type PostmortemFormState = {
  ok?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was posted, to show a refused form again as typed. */
  values?: Record<string, string>;
  /** The postmortem's version after a successful change: the editor's next changes build on it. */
  version?: number;
  /** The change was based on an old version: what is stored now. */
  conflict?: { version: number; sections: PostmortemSections };
};

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
export function postmortemFailure(error: unknown, failure: string, values?: Record<string, string>): PostmortemFormState {
  if (error instanceof PostmortemConflictError) return { error: error.message, conflict: error.current, values };
  return formFailure(error, failure, values, (errors) => `. ${describeFieldErrors(errors, FIELD_NAMES)}`);
}

/** The pages that show a postmortem: the incident page and its editor. */
export function revalidatePostmortemPages() {
  revalidatePath("/incidents/[reference]", "page");
  revalidatePath("/incidents/[reference]/postmortem", "page");
}

/** Runs one change for a form: the new version on success, a clear refusal otherwise. */
export async function answerPostmortemChange(
  change: () => Promise<PostmortemChangeResult>,
  messages: { ok: string; failure: string },
  values?: Record<string, string>,
): Promise<PostmortemFormState> {
  try {
    const result = await change();
    revalidatePostmortemPages();
    return { ok: messages.ok, version: result.version };
  } catch (error) {
    return postmortemFailure(error, messages.failure, values);
  }
}
