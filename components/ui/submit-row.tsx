import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { FormMessage } from "./form-message";

/** A form's submit button (saying `pendingLabel` while it posts), anything beside it, and the form's last answer. */
export function SubmitRow(props: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  state: { ok?: string; error?: string } | undefined;
  variant?: "primary" | "secondary";
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={props.className ? `flex flex-wrap items-center gap-3 ${props.className}` : "flex flex-wrap items-center gap-3"}>
      <button type="submit" disabled={props.pending} className={buttonClass(props.variant ?? "primary", "md")}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
      {props.children}
      <FormMessage state={props.state} />
    </div>
  );
}
