"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";

/** One button that retires a service or team, or brings it back, at the version the page shows. */
export function RetireForm<State extends FormState>(props: {
  action: (previous: State | undefined, form: FormData) => Promise<State>;
  /** The form field naming what is retired ("service" or "team") and its slug. */
  target: { field: string; slug: string };
  version: number;
  retire: boolean;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(props.action, {} as Awaited<State>);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name={props.target.field} value={props.target.slug} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="retired" value={props.retire ? "true" : "false"} />
      <FormMessage state={{ error: state.error }} />
      <button type="submit" disabled={pending} className={props.retire ? buttonClass("danger", "lg") : buttonClass("secondary", "lg")}>
        {pending ? "Saving…" : props.label}
      </button>
    </form>
  );
}
