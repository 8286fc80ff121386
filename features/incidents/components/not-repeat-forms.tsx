"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { markNotRepeatAction } from "../actions/mark-not-repeat";
import { undoNotRepeatMarkAction } from "../actions/undo-not-repeat-mark";

type Pair = { incident: string; earlier: string };

const PairFields = ({ incident, earlier }: Pair) => (
  <>
    <input type="hidden" name="incident" value={incident} />
    <input type="hidden" name="earlier" value={earlier} />
  </>
);

/** A LEAD's "not a repeat" for one suggested repeat, with an optional reason. */
export function MarkNotRepeatForm(pair: Pair) {
  const [state, formAction, pending] = useActionState(markNotRepeatAction, {});
  const messageId = `not-repeat-${pair.earlier}-message`;
  return (
    <form action={formAction} aria-label={`Mark ${pair.earlier} as not a repeat`} className="space-y-1">
      <PairFields {...pair} />
      <div className="flex flex-wrap items-center gap-2">
        <input
          name="reason"
          maxLength={1000}
          defaultValue={state.values?.reason ?? ""}
          aria-label={`Why ${pair.earlier} is not a repeat (optional)`}
          aria-describedby={state.error ? messageId : undefined}
          placeholder="Why not (optional)"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-xs shadow-sm"
        />
        <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
          {pending ? "Marking…" : "Not a repeat"}
        </button>
      </div>
      <FormMessage id={messageId} state={state} size="xs" />
    </form>
  );
}

/** Undoes a not-a-repeat mark. */
export function UndoNotRepeatMarkForm(pair: Pair) {
  const [state, formAction, pending] = useActionState(undoNotRepeatMarkAction, {});
  return (
    <form action={formAction} className="space-y-1">
      <PairFields {...pair} />
      <button type="submit" disabled={pending} className={buttonClass("secondary", "sm")}>
        {pending ? "Undoing…" : "Undo"}
        <span className="sr-only"> the mark on {pair.earlier}</span>
      </button>
      <FormMessage state={state} size="xs" />
    </form>
  );
}
