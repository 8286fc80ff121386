import "server-only";
import { db } from "@/lib/db";
import { findPostmortemView } from "./reads";

/** Reads used by the pages; the functions in ./reads take the database explicitly for tests and the API. */
export const getPostmortemView = (incidentId: string) => findPostmortemView(db, incidentId);
