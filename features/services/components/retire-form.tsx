"use client";

import { useActionState } from "react";
import { FormMessages } from "./service-fields";

type RetireState = { error?: string };

/** One button that retires a service or team, or brings it back, at the version the page shows. */
export function RetireForm(props: {
  action: (previous: RetireState | undefined, form: FormData) => Promise<RetireState>;
  /** The form field naming what is retired ("service" or "team") and its slug. */
  target: { field: string; slug: string };
  version: number;
  retire: boolean;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name={props.target.field} value={props.target.slug} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="retired" value={props.retire ? "true" : "false"} />
      <FormMessages error={state.error} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md border bg-white px-4 py-2 text-sm font-semibold shadow-sm disabled:opacity-60 ${props.retire ? "border-red-300 text-red-700 hover:bg-red-50" : "border-emerald-300 text-emerald-800 hover:bg-emerald-50"}`}
      >
        {pending ? "Saving…" : props.label}
      </button>
    </form>
  );
}
