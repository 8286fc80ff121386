import type { Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/uuid";
import type { RepeatRow } from "../repeats/reads";
import { similarIncidentsQuery } from "./sql";

type Reader = Pick<Database, "$queryRaw">;

/** An earlier incident whose words resemble this one's: what a repeat shows of it, and how alike they read. */
export type SimilarIncidentRow = Pick<RepeatRow, "id" | "reference" | "title" | "severity" | "rootCauseCategory" | "startedAt"> & {
  /** Words both hold over all words of the two, 0..1 (see sql.ts). */
  resemblance: number;
};

export type Resemblance = "close" | "many words in common" | "some words in common";

/**
 * The resemblance in words. A share of 0.5 is what two incidents of the same kind on different
 * services reach (their summaries differ in times, counts and regions); under 0.25 they share
 * little more than the words every incident uses.
 */
export function resemblanceWords(resemblance: number): Resemblance {
  if (resemblance >= 0.5) return "close";
  if (resemblance >= 0.25) return "many words in common";
  return "some words in common";
}

/** The five earlier incidents most similar to the incident `incidentId` by text, closest first. */
export function findSimilarIncidents(db: Reader, incidentId: string): Promise<SimilarIncidentRow[]> {
  return db.$queryRaw<SimilarIncidentRow[]>(similarIncidentsQuery(incidentId));
}

/** The same for an incident named by id or reference; null when there is no such incident. */
export async function findSimilarIncidentsOf(db: Reader, idOrReference: string): Promise<SimilarIncidentRow[] | null> {
  const where = isUuid(idOrReference) ? Prisma.sql`id = ${idOrReference}::uuid` : Prisma.sql`reference = ${idOrReference.toUpperCase()}`;
  const [incident] = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id::text AS id FROM incidents WHERE ${where}`);
  return incident ? findSimilarIncidents(db, incident.id) : null;
}

/** The API's shape of a similar incident. */
export type SimilarIncidentResponse = {
  reference: string;
  title: string;
  startedAt: string;
  severity: Severity;
  rootCauseCategory: RootCauseCategory;
  resemblance: Resemblance;
};

export const toSimilarIncidentResponse = (row: SimilarIncidentRow): SimilarIncidentResponse => ({
  reference: row.reference,
  title: row.title,
  startedAt: row.startedAt.toISOString(),
  severity: row.severity,
  rootCauseCategory: row.rootCauseCategory,
  resemblance: resemblanceWords(row.resemblance),
});
