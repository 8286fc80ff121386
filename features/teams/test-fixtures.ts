import type { Database } from "@/lib/db/client";

/** No team, service, incident or audit event: where each catalogue test starts. */
export async function emptyCatalogue(db: Database) {
  await db.auditEvent.deleteMany();
  await db.incidentService.deleteMany();
  await db.incident.deleteMany();
  await db.service.deleteMany();
  await db.team.deleteMany();
}

/** The error a write was refused with, or null when it went through. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );
