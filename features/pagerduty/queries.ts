import "server-only";
import { listServices } from "@/features/services/reads";
import { db } from "@/lib/db";
import { listPagerDutyEvents, listPersonEditedFields, readPagerDutySettings } from "./reads";

/** The integration's settings as the admin page shows them (never a secret). */
export const pagerDutySettings = () => readPagerDutySettings(db);

/** The PagerDuty events received for an incident (by id), newest first. */
export const pagerDutyEventsOf = (incidentId: string) => listPagerDutyEvents(db, incidentId);

/** The fields people edited on an incident (by id), which PagerDuty's events leave alone. */
export const personEditedFieldsOf = (incidentId: string) => listPersonEditedFields(db, incidentId);

/** The catalogue services a PagerDuty service may be filed under, by name. */
export const pagerDutyServiceChoices = async () =>
  (await listServices(db)).map((service) => ({ slug: service.slug, name: service.name, retired: service.retiredAt !== null }));
