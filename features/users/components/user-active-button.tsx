"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import { setUserActiveAction } from "../actions/set-user-active";

const initialState: FormState = {};

/** Deactivate (sign out everywhere, revoke their API tokens) or reactivate one user. */
export function UserActiveButton(props: { userId: string; email: string; active: boolean }) {
  const [state, formAction, pending] = useActionState(setUserActiveAction, initialState);
  const messageId = `active-${props.userId}-message`;
  const deactivate = props.active;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="active" value={deactivate ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        title={deactivate ? `Sign ${props.email} out everywhere and revoke the API tokens they created` : `Let ${props.email} sign in again`}
        aria-describedby={state.ok || state.error ? messageId : undefined}
        className={deactivate ? buttonClass("danger", "sm") : buttonClass("secondary", "sm", "border-emerald-300 text-emerald-800 hover:bg-emerald-50")}
      >
        {pending ? (deactivate ? "Deactivating…" : "Reactivating…") : deactivate ? "Deactivate" : "Reactivate"}
      </button>
      <FormMessage id={messageId} state={state} size="xs" />
    </form>
  );
}
