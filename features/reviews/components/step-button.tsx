"use client";

import type { FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useReviewAction, useReviewVersion, type ReviewAction } from "./review-version";

/** One button that takes the review a step (prepared, started, next item, finished), asking first when told to. */
export function StepButton(props: {
  action: ReviewAction;
  fields: Record<string, string>;
  /** Sends the newest known review version as `version`, and learns the one the step leaves. */
  withReviewVersion?: boolean;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  /** A field sent as "true" only once the person said yes to `confirm`, so the server can refuse a step nobody confirmed. */
  confirmedField?: string;
  className?: string;
  disabled?: boolean;
}) {
  const { version } = useReviewVersion();
  const [state, formAction, pending] = useReviewAction(props.action, props.withReviewVersion);
  const ask = (event: FormEvent<HTMLFormElement>) => {
    if (props.confirm && !window.confirm(props.confirm)) return event.preventDefault();
    const confirmed = props.confirmedField ? event.currentTarget.elements.namedItem(props.confirmedField) : null;
    if (confirmed instanceof HTMLInputElement) confirmed.value = "true";
  };
  return (
    <form action={formAction} onSubmit={ask} className="inline-flex flex-col gap-1 print:hidden">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.withReviewVersion && <input type="hidden" name="version" value={version} />}
      {props.confirmedField && <input type="hidden" name={props.confirmedField} defaultValue="" />}
      <button type="submit" disabled={pending || props.disabled} className={props.className ?? buttonClass("primary", "md")}>
        {pending ? (props.pendingLabel ?? `${props.label}…`) : props.label}
      </button>
      <FormMessage state={state} quiet />
    </form>
  );
}
