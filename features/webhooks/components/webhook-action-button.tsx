"use client";

import { useActionState, type FormEvent } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/forms/state";

type Action = (previous: FormState | undefined, form: FormData) => Promise<FormState>;

const initialState: FormState = {};

/** One button acting on a webhook (test, pause, resume, delete), asking first when told to, with its answer beside it. */
export function WebhookActionButton(props: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  /** Asked before it posts; the server refuses unless `confirmed` came as "true". */
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialState);
  const ask = (event: FormEvent<HTMLFormElement>) => {
    if (!props.confirm) return;
    if (!window.confirm(props.confirm)) return event.preventDefault();
    const confirmed = event.currentTarget.elements.namedItem("confirmed");
    if (confirmed instanceof HTMLInputElement) confirmed.value = "true";
  };
  return (
    <form action={formAction} onSubmit={ask} className="inline-flex flex-col gap-1">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.confirm && <input type="hidden" name="confirmed" defaultValue="" />}
      <button type="submit" disabled={pending} aria-label={props.accessibleLabel} className={buttonClass(props.variant ?? "secondary", "sm")}>
        {pending ? props.pendingLabel : props.label}
      </button>
      <FormMessage state={state} size="xs" />
    </form>
  );
}
