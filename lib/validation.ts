import type { z } from "zod";

/** Field path → messages, e.g. { "impact.usersAffected": ["cannot be negative"] }. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.filter((p) => typeof p !== "number").join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
