import { ConflictError } from "@/lib/errors";
import type { IncidentResponse } from "./reads";

/**
 * An edit based on a version that is no longer the current one (HTTP 409). It carries the
 * incident as it is now, so the caller can show what changed and offer to re-apply the edit.
 */
export class IncidentVersionConflictError extends ConflictError {
  readonly currentVersion: number;
  constructor(
    readonly current: IncidentResponse,
    readonly yourVersion: number,
  ) {
    super(
      `Incident ${current.reference} is at version ${current.version}, but this edit is based on version ${yourVersion}: ` +
        "someone changed it since. Nothing was saved; re-apply the edit on the current version.",
    );
    this.currentVersion = current.version;
  }
}
