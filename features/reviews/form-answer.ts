import "server-only";
import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/actions/authorized-action";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { answerChange } from "@/lib/forms/answer";
import { formText, formValuesOf } from "@/lib/forms/form-data";
import { describeFieldErrors, formFailure } from "@/lib/forms/failure";
import type { FormState } from "@/lib/forms/state";
import { AgendaItemConflictError } from "./mutations/item-edits";

/** What a review form hears besides ok/error: the version to build on, or the item as stored now. */
export type ReviewFormExtra = {
  version: number;
  /** The item as someone else saved it, when this edit was based on an older version. */
  conflict: { notes: string; decision: string; version: number };
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
export function reviewFailure(error: unknown, failure: string, values?: Record<string, string>): FormState<ReviewFormExtra> {
  if (error instanceof AgendaItemConflictError) {
    const { notes, decision, version } = error.current;
    return { error: `${failure}: ${error.message}`, values, conflict: { notes, decision, version } };
  }
  return formFailure(error, failure, values, (errors) => `. ${describeFieldErrors(errors, FIELD_NAMES)}`);
}

/** How a review form is answered (see answerChange): the week's pages refreshed on success, or why not. */
export const reviewAnswer = (week: string, ok: string, failure: string, values?: Record<string, string>) => ({
  ok,
  revalidate: () => {
    revalidatePath(`/reviews/${week}`);
    revalidatePath("/reviews");
  },
  failure: (error: unknown) => reviewFailure(error, failure, values),
});

/**
 * A review form's server action, for those who may manage reviews: `change` runs on what was
 * posted, and the form hears `ok`, or `failure` and why with what was posted kept.
 */
export function reviewFormAction(
  db: Database,
  change: (db: Database, values: Record<string, string>, actor: Actor) => Promise<{ version: number }>,
  ok: string,
  failure: string,
) {
  return authorizedAction(
    "review:manage",
    async (actor, _previous: FormState<ReviewFormExtra> | undefined, form: FormData): Promise<FormState<ReviewFormExtra>> => {
      const values = formValuesOf(form);
      return answerChange(() => change(db, values, actor), reviewAnswer(formText(form, "week"), ok, failure, values));
    },
  );
}
