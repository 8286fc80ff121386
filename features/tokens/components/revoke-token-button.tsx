"use client";

import { useActionState } from "react";
import { revokeApiTokenAction, type RevokeApiTokenState } from "../actions/revoke-api-token";

const initialState: RevokeApiTokenState = {};

/** Revokes one token; every request carrying it is refused from then on. */
export function RevokeTokenButton(props: { tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(revokeApiTokenAction, initialState);
  const messageId = `revoke-${props.tokenId}-message`;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="id" value={props.tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Revoke ${props.name}`}
        aria-describedby={state.ok || state.error ? messageId : undefined}
        className="rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-semibold text-red-700 shadow-sm hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.error && (
        <p id={messageId} role="alert" className="max-w-xs text-xs text-red-700">
          {state.error}
        </p>
      )}
      {state.ok && (
        <p id={messageId} role="status" className="max-w-xs text-xs text-emerald-700">
          {state.ok}
        </p>
      )}
    </form>
  );
}
