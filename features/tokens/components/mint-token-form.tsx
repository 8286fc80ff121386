"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";
import { mintApiTokenAction, type MintedToken } from "../actions/mint-api-token";

const initialState: FormState<{ minted: MintedToken }> = {};

/** Mints a token and shows it this once; after a reload only its prefix is left. */
export function MintTokenForm() {
  const [state, formAction, pending] = useActionState(mintApiTokenAction, initialState);
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {state.minted && <NewToken key={state.minted.id} minted={state.minted} />}
      <form action={formAction} key={state.minted?.id ?? JSON.stringify(state.values)} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label="Token name" hint="Who or what uses it, e.g. “pagerduty-bridge” or “ci”." errors={errors.name}>
            {(aria) => <input {...aria} name="name" type="text" required maxLength={100} defaultValue={state.values?.name} className={inputClass} />}
          </Field>
          <Field name="role" label="Role" hint="The token acts with this role." errors={errors.role}>
            {(aria) => (
              <select {...aria} name="role" defaultValue={state.values?.role ?? "VIEWER"} className={inputClass}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={pending} size="lg">
          {pending ? "Minting…" : "Mint token"}
        </Button>
      </form>
    </div>
  );
}

function NewToken({ minted }: { minted: MintedToken }) {
  const [copyLabel, setCopyLabel] = useState("Copy");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(minted.token);
      setCopyLabel("Copied");
    } catch {
      // No clipboard outside a secure context: leave the token selected for a manual copy.
      (document.getElementById("new-api-token") as HTMLInputElement | null)?.select();
      setCopyLabel("Press Ctrl+C");
    }
  };
  return (
    <section aria-labelledby="new-token-heading" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4">
      <h3 id="new-token-heading" className="text-sm font-semibold text-emerald-900">
        New token “{minted.name}” ({minted.role})
      </h3>
      <label htmlFor="new-api-token" className="block text-sm font-medium text-slate-800">
        New API token
      </label>
      <div className="flex gap-2">
        <input
          id="new-api-token"
          readOnly
          value={minted.token}
          aria-describedby="new-api-token-note"
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} mt-0 font-mono`}
        />
        <Button onClick={copy} variant="secondary" size="lg">
          {copyLabel}
        </Button>
      </div>
      <p id="new-api-token-note" role="status" className="text-sm text-emerald-900">
        Copy it now: it will not be shown again. Only a hash of it is kept; send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
    </section>
  );
}
