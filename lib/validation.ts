import type { z } from "zod";

/** Field path → messages, e.g. { "impact.usersAffected": ["cannot be negative"] }. */
export type FieldErrors = Record<string, string[]>;

/**
 * Adds a message for a field. Field names may come from the request ("constructor",
 * "__proto__"), so only the record's own keys count: never an inherited member.
 */
export function addFieldError(errors: FieldErrors, field: string, ...messages: string[]): void {
  if (!Object.hasOwn(errors, field)) Object.defineProperty(errors, field, { value: [], enumerable: true, writable: true, configurable: true });
  errors[field]!.push(...messages);
}

/** `messageOf` may word an issue for its reader (a form says "choose …" where the API lists values). */
export function fieldErrorsOf(error: z.ZodError, messageOf: (issue: z.core.$ZodIssue) => string = (issue) => issue.message): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    const key =
      path
        .filter((p) => typeof p !== "number")
        .map(String)
        .join(".") || "form";
    addFieldError(errors, key, message);
  };
  for (const issue of error.issues) {
    // A strict object's unknown keys are each named as a field of their own.
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add([...issue.path, key], "is not a known field");
    else add(issue.path, messageOf(issue));
  }
  return errors;
}
