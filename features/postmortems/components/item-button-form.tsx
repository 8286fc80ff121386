"use client";

import type { ReactNode } from "react";
import type { PostmortemFormState } from "../action-state";
import { PostmortemRefFields, usePostmortemAction } from "./editor-context";
import { secondaryButton } from "./form-bits";

type Action = (state: PostmortemFormState, form: FormData) => Promise<PostmortemFormState>;

/** One button that posts one postmortem change (move, delete, submit…), with its refusal beside it. */
export function ItemButtonForm(props: { action: Action; fields: Record<string, string>; children: ReactNode; disabled?: boolean; className?: string }) {
  const [state, formAction, pending] = usePostmortemAction(props.action);
  return (
    <form action={formAction} className="inline-flex flex-col">
      <PostmortemRefFields />
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={props.disabled || pending} className={props.className ?? secondaryButton}>
        {props.children}
      </button>
      {state.error && !state.conflict && (
        <span role="alert" className="mt-1 max-w-xs text-xs text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
