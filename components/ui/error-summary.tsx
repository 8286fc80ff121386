"use client";

import { useEffect, useRef } from "react";
import type { FieldErrors } from "@/lib/validation";
import { fieldIdOf } from "./field";

/**
 * Every problem of a refused form at once, at its top: it takes the focus when it appears, so
 * a keyboard or screen-reader user starts from it, and each line moves the focus to its field.
 * `order` lists the fields in the form's order; `subject` names what the form is for.
 */
export function ErrorSummary(props: { errors: FieldErrors; labels: Record<string, string>; order: readonly string[]; subject: string; outcome: string }) {
  const { errors, labels, order } = props;
  const box = useRef<HTMLDivElement>(null);
  const fields = [...order.filter((field) => Object.hasOwn(errors, field)), ...Object.keys(errors).filter((field) => !order.includes(field))];
  useEffect(() => {
    if (Object.keys(errors).length > 0) box.current?.focus();
  }, [errors]);
  if (fields.length === 0) return null;
  const title = fields.length === 1 ? `There is 1 problem with ${props.subject}` : `There are ${fields.length} problems with ${props.subject}`;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-600 bg-red-50 p-4 text-sm text-red-900 focus:outline-none focus:ring-4 focus:ring-red-200"
    >
      <h2 id="error-summary-title" className="text-base font-semibold">
        {title}
      </h2>
      <p className="mt-1">{props.outcome}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {fields.map((field) => (
          <li key={field}>
            <a href={`#${fieldIdOf(field)}`} onClick={(event) => focusField(event, field)} className="break-words font-medium underline hover:text-red-700">
              {labels[field] ?? field}: {errors[field]!.join("; ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// Following the link alone scrolls but leaves the focus behind in some browsers: move it, with the field's label in view.
function focusField(event: React.MouseEvent, field: string) {
  const control = document.getElementById(fieldIdOf(field));
  if (!control) return;
  event.preventDefault();
  control.scrollIntoView({ block: "center" });
  control.focus({ preventScroll: true });
}
