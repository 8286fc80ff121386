import "server-only";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db, readDb } from "@/lib/db";
import type { ChangeListParams } from "./list-params";
import { findChangeByReference, listChangePage } from "./reads";

/** Reads used by the pages; the functions in ./reads take the database explicitly for tests and the API. */
export async function readChangeList(params: ChangeListParams) {
  const { timeZone, approvalPolicy } = await getOrganisationSettings(db);
  return listChangePage(readDb(), { ...params, timeZone, policy: approvalPolicy });
}

/** The change the deploy pipeline recorded under an incident's change reference, or null. */
export async function readRecordedChange(reference: string) {
  const { approvalPolicy } = await getOrganisationSettings(db);
  return findChangeByReference(db, reference, approvalPolicy);
}
