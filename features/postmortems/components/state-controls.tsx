"use client";

import { Field, inputClass } from "@/components/ui/field";
import { publishPostmortemAction } from "../actions/publish-postmortem";
import { sendBackPostmortemAction } from "../actions/send-back-postmortem";
import { submitPostmortemAction } from "../actions/submit-postmortem";
import type { PostmortemState } from "@/lib/domain/postmortem-enums";
import { PostmortemRefFields, usePostmortemAction } from "./editor-context";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ItemButtonForm } from "./item-controls";

/**
 * The moves open to this reader in this state: an engineer submits a draft for review and
 * may take it back; a lead publishes it (with an action item, or a reason why none is needed).
 */
export function StateControls(props: {
  state: PostmortemState;
  canEdit: boolean;
  canPublish: boolean;
  actionItemCount: number;
  noActionNeededReason: string | null;
}) {
  if (props.state === "PUBLISHED" || (!props.canEdit && !props.canPublish)) return null;
  return (
    <section aria-label="Review" className="rounded-lg border border-sky-200 bg-sky-50/60 p-4">
      <Moves {...props} />
    </section>
  );
}

function Moves(props: Parameters<typeof StateControls>[0]) {
  if (props.state === "DRAFT") {
    if (!props.canEdit) return <p className="text-sm text-slate-600">A draft: the engineers are still writing it.</p>;
    return (
      <div className="flex flex-wrap items-center gap-3">
        <ItemButtonForm action={submitPostmortemAction} fields={{}} className={buttonClass("primary", "md")}>
          Submit for review
        </ItemButtonForm>
        <p className="text-xs text-slate-500">A lead then reviews and publishes it. Save the postmortem first.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-start gap-6">
      {props.canPublish && <PublishForm actionItemCount={props.actionItemCount} reason={props.noActionNeededReason} />}
      {props.canEdit && (
        <ItemButtonForm action={sendBackPostmortemAction} fields={{}}>
          Send back to draft
        </ItemButtonForm>
      )}
    </div>
  );
}

function PublishForm({ actionItemCount, reason }: { actionItemCount: number; reason: string | null }) {
  const [state, formAction, pending] = usePostmortemAction(publishPostmortemAction);
  const typed = state.error ? state.values?.noActionNeededReason : undefined;
  return (
    <form key={typed ?? ""} action={formAction} aria-label="Publish the postmortem" className="min-w-72 flex-1 space-y-2">
      <PostmortemRefFields />
      <p className="text-sm text-slate-700">
        {actionItemCount === 0
          ? "This incident has no action items yet: add one below, or say why none is needed."
          : `This incident has ${actionItemCount} action item${actionItemCount === 1 ? "" : "s"}.`}
      </p>
      <Field
        name="noActionNeededReason"
        label="No action needed because"
        hint="Only needed when there are no action items."
        errors={state.fieldErrors?.noActionNeededReason}
      >
        {(aria) => <textarea {...aria} name="noActionNeededReason" rows={2} defaultValue={typed ?? reason ?? ""} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass("primary", "md")}>
          {pending ? "Publishing…" : "Publish"}
        </button>
        {!state.conflict && <FormMessage state={state} />}
      </div>
    </form>
  );
}
