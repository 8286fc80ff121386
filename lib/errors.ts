import type { FieldErrors } from "@/lib/validation";

/** Input of the wrong shape or type (HTTP 400). */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

/** Input that breaks a rule between fields, e.g. mitigated before it started (HTTP 422). */
export class RuleViolationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Rule broken: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

export class NotFoundError extends Error {}

/** An edit based on an old version, or a duplicate (HTTP 409); a duplicate names its field. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
  }
}

/** An edit based on an old version: carries the record as it now is, which the 409 returns. */
export class StaleVersionError<Current extends { version: number }> extends ConflictError {
  constructor(
    message: string,
    readonly current: Current,
    readonly yourVersion: number,
  ) {
    super(message);
  }
}

/** Nobody is signed in, or the token is missing or bad (HTTP 401). */
export class UnauthenticatedError extends Error {}

/** The actor's role is too low (HTTP 403). */
export class ForbiddenError extends Error {}
