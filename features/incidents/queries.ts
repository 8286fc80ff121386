import "server-only";
import { db } from "@/lib/db";
import { getOrganisationSettings } from "@/lib/organisation-settings";
import { listIncidentHistory } from "./history";
import { findIncident, findServiceOptions, listIncidentPage, type IncidentPageRequest } from "./reads";

/** Reads used by the pages; the functions in ./reads take the database explicitly for tests and the API. */
export const listIncidents = (request: IncidentPageRequest) => listIncidentPage(db, request);
export const getIncident = (idOrReference: string) => findIncident(db, idOrReference, new Date());
/** The services an incident may name: those in service, and the retired ones it already names. */
export const listServiceOptions = (alreadyNamed: string[] = []) => findServiceOptions(db, alreadyNamed);
export const organisationSettings = () => getOrganisationSettings(db);
export const incidentHistory = (incidentId: string) => listIncidentHistory(db, incidentId);
