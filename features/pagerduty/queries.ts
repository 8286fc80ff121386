import "server-only";
import { db } from "@/lib/db";
import { listPagerDutyEvents, readPagerDutySettings } from "./reads";

/** The integration's settings as the admin page shows them (never a secret). */
export const pagerDutySettings = () => readPagerDutySettings(db);

/** The PagerDuty events received for an incident (by id), newest first. */
export const pagerDutyEventsOf = (incidentId: string) => listPagerDutyEvents(db, incidentId);
