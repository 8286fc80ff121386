import type { z } from "zod";

/** Field path → messages, e.g. { "impact.usersAffected": ["cannot be negative"] }. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.filter((p) => typeof p !== "number").map(String).join(".") || "form";
    (errors[key] ??= []).push(message);
  };
  for (const issue of error.issues) {
    // A strict object's unknown keys are each named as a field of their own.
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add([...issue.path, key], "is not a known field");
    else add(issue.path, issue.message);
  }
  return errors;
}
