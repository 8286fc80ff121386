import "server-only";
import { db } from "@/lib/db";
import { listUserSummaries } from "./reads";

/** Reads used by the pages; the functions in ./reads take the database explicitly for tests and the API. */
export const listUsers = () => listUserSummaries(db, new Date());
