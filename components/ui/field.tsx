import type { ReactNode } from "react";

/** The id of a field's control, which an error summary links to. */
export const fieldIdOf = (name: string) => `field-${name.replace(/\./g, "-")}`;

/** A labelled form control with its errors linked by aria-describedby. */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
  className?: string;
}) {
  const id = fieldIdOf(props.name);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.errors?.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={props.className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      {props.children({ id, "aria-describedby": describedBy || undefined, "aria-invalid": props.errors?.length ? true : undefined })}
      {props.hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      {props.errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" role="alert">
          {props.label}: {props.errors.join("; ")}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500";
