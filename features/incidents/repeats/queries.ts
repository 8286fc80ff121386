import "server-only";
import { db } from "@/lib/db";
import { findNotRepeatMarks, findRepeats } from "./reads";

/** The incident page's repeats panel: the repeats, newest first, and the pairs a LEAD marked as not repeats. */
export const incidentRepeats = (incidentId: string) => findRepeats(db, incidentId);
export const incidentNotRepeatMarks = (incidentId: string) => findNotRepeatMarks(db, incidentId);
