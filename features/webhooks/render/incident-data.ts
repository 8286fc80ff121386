// The data of the incident and postmortem events, read through the incidents' and postmortems' own reads.
import { findIncident } from "@/features/incidents/reads";
import { findPostmortemView } from "@/features/postmortems/reads";
import type { Database } from "@/lib/db/client";
import { incidentUrl, postmortemUrl } from "./links";
import type { IncidentEventData, PostmortemEventData } from "./types";

/** The incident as GET /api/v1/incidents/{ref} returns it, with its page's address; null when it was deleted. */
export async function incidentEventData(db: Database, baseUrl: string, incidentId: string, now: Date): Promise<IncidentEventData | null> {
  const incident = await findIncident(db, incidentId, now);
  return incident ? { incident: { ...incident, url: incidentUrl(baseUrl, incident.reference) } } : null;
}

/** The incident named and the postmortem as the API shows it; null when either is gone or it is no longer published. */
export async function postmortemEventData(db: Database, baseUrl: string, incidentId: string, now: Date): Promise<PostmortemEventData | null> {
  const [incident, postmortem] = await Promise.all([findIncident(db, incidentId, now), findPostmortemView(db, incidentId)]);
  if (!incident || postmortem.id === null) return null;
  return {
    incident: { reference: incident.reference, title: incident.title, url: incidentUrl(baseUrl, incident.reference) },
    postmortem: { ...postmortem, url: postmortemUrl(baseUrl, incident.reference) },
  };
}
