import "server-only";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { db } from "@/lib/db";
import { todayIn } from "./overdue";
import { listActionItems, listOwnerOptions, type ActionItemFilter } from "./reads";

/** Today as the organisation's clocks show it: the day against which "overdue" is judged. */
export const organisationToday = async () => todayIn((await getOrganisationSettings(db)).timeZone, new Date());

/** Reads used by the pages; the functions in ./reads take the database explicitly for tests and the API. */
export const getActionItems = async (filter: ActionItemFilter, limit?: number) => listActionItems(db, filter, await organisationToday(), limit);
export const getIncidentActionItems = async (incidentId: string) => (await listActionItems(db, { incidentId }, await organisationToday(), 500)).items;
export const getOwnerOptions = (options?: { withPastOwners?: boolean }) => listOwnerOptions(db, options);
