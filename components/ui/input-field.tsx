import type { InputHTMLAttributes } from "react";
import { Field, inputClass } from "./field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "id"> & { name: string };

/**
 * A labelled `<input>` in a Field: the input's own attributes pass through. `field` names the
 * field when it differs from the input's name (e.g. field sloTarget, input sloTargetPercent);
 * `mono` sets slugs and codes in a fixed-width face.
 */
export function InputField(props: InputProps & { field?: string; label: string; hint?: string; errors?: string[]; className?: string; mono?: boolean }) {
  const { field, label, hint, errors, className, mono, ...input } = props;
  return (
    <Field name={field ?? input.name} label={label} hint={hint} errors={errors} className={className}>
      {(aria) => <input {...aria} {...input} className={mono ? `${inputClass} font-mono` : inputClass} />}
    </Field>
  );
}

/** The slug of a new record: lower-case letters, digits and hyphens, in a fixed-width face; `hint` gives an example. */
export function SlugField(props: { hint: string; errors?: string[]; defaultValue?: string }) {
  return <InputField name="slug" label="Slug" required pattern="[a-z0-9-]+" autoComplete="off" mono {...props} />;
}
