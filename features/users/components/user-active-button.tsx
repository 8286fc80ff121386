"use client";

import { useActionState } from "react";
import { setUserActiveAction, type SetUserActiveState } from "../actions/set-user-active";
import { RowMessage } from "./row-message";

const initialState: SetUserActiveState = {};

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
        className={
          deactivate
            ? "rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:opacity-60"
            : "rounded-md border border-emerald-300 bg-white px-2.5 py-1 text-xs font-semibold text-emerald-800 shadow-sm hover:bg-emerald-50 disabled:opacity-60"
        }
      >
        {pending ? (deactivate ? "Deactivating…" : "Reactivating…") : deactivate ? "Deactivate" : "Reactivate"}
      </button>
      <RowMessage id={messageId} state={state} />
    </form>
  );
}
