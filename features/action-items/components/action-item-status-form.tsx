"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { changeActionItemStatusAction } from "../actions/change-action-item-status";
import { ACTION_ITEM_STATUSES, actionItemLabel, type ActionItemStatus } from "@/lib/domain/action-item-enums";

/** The status of one action item, changed in place; the version refuses an edit based on a stale page. */
export function ActionItemStatusForm(props: { id: string; title: string; status: ActionItemStatus; version: number }) {
  const [state, formAction, pending] = useActionState(changeActionItemStatusAction, {});
  const messageId = `status-${props.id}-message`;
  const answered = Boolean(state.ok || state.error);
  return (
    <form action={formAction} className="space-y-1">
      {Object.entries({ actionItemId: props.id, version: props.version }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex items-center gap-1.5">
        {/* Remounting on a new status makes React's reset after the action show it. */}
        <select
          key={`${props.status}-${props.version}`}
          id={`status-${props.id}`}
          name="status"
          aria-label={`Status of ${props.title}`}
          defaultValue={props.status}
          aria-describedby={answered ? messageId : undefined}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs shadow-sm focus:border-indigo-500"
        >
          {ACTION_ITEM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {actionItemLabel(status)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
          {pending ? "Saving…" : "Save"}
          <span className="sr-only"> status of {props.title}</span>
        </button>
      </div>
      <FormMessage id={messageId} state={state} size="xs" />
    </form>
  );
}
