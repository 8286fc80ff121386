import "server-only";
import { revalidatePath } from "next/cache";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import { AgendaItemConflictError } from "./mutations/item-edits";
import type { FieldErrors } from "@/lib/validation";

/** What every review action answers its form with. */
export type ReviewFormState = {
  ok?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  /** What was posted, to show a refused form again as typed. */
  values?: Record<string, string>;
  /** The review's or the item's version after a successful change. */
  version?: number;
  /** The item as someone else saved it, when this edit was based on an older version. */
  conflict?: { notes: string; decision: string; version: number };
};

const FIELD_NAMES: Record<string, string> = {
  week: "Week",
  version: "Review version",
  itemVersion: "Item version",
  handle: "Agenda item",
  handles: "Order",
  key: "Suggested item",
  title: "Title",
  minutes: "Time box",
  presenterId: "Presenter",
  notes: "Notes",
  decision: "Decision",
  status: "Status",
  agenda: "Agenda",
  startBeforeWeekEnds: "Early start",
  incidentReference: "Incident",
  incidentId: "Incident",
  ownerId: "Owner",
  dueDate: "Due date",
  priority: "Priority",
  type: "Type",
};

/** The answer to a refused or failed change, in words for the person at the form. */
export function reviewFailure(error: unknown, failure: string, values?: Record<string, string>): ReviewFormState {
  if (error instanceof AgendaItemConflictError) {
    const { notes, decision, version } = error.current;
    return { error: `${failure}: ${error.message}`, values, conflict: { notes, decision, version } };
  }
  return formFailure(error, failure, values, (errors) => `. ${describeFieldErrors(errors, FIELD_NAMES)}`);
}

/** Runs one change for a form: refreshes the review pages on success, a clear refusal otherwise. */
export async function answerReviewChange(
  week: string,
  change: () => Promise<{ version: number }>,
  messages: { ok: string; failure: string },
  values?: Record<string, string>,
): Promise<ReviewFormState> {
  try {
    const result = await change();
    revalidatePath(`/reviews/${week}`);
    revalidatePath("/reviews");
    return { ok: messages.ok, version: result.version };
  } catch (error) {
    return reviewFailure(error, messages.failure, values);
  }
}
