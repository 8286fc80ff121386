"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import { revokeApiTokenAction } from "../actions/revoke-api-token";

const initialState: FormState = {};

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
        className={buttonClass("danger", "sm")}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
      <FormMessage id={messageId} state={state} size="xs" />
    </form>
  );
}
