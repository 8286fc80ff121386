import "server-only";
import { db } from "@/lib/db";
import { findSimilarIncidents } from "./reads";

/** The five earlier incidents most similar to this one by text, closest first. */
export const similarIncidents = (incidentId: string) => findSimilarIncidents(db, incidentId);
