import type { Database } from "@/lib/db/client";
import type { ServiceCatalogue } from "./rows";

type Reader = Pick<Database, "$queryRaw">;

/** Every service, retired ones too (history names them), by slug and by name, in lower case. */
export async function readServiceCatalogue(db: Reader): Promise<ServiceCatalogue> {
  const services = await db.$queryRaw<{ id: string; slug: string; name: string }[]>`SELECT id::text AS id, slug, name FROM services`;
  const catalogue: ServiceCatalogue = new Map();
  for (const service of services) catalogue.set(service.name.toLowerCase(), service);
  for (const service of services) catalogue.set(service.slug.toLowerCase(), service); // a slug wins over another service's name
  return catalogue;
}

/** Which of `references` an incident already has. */
export async function existingReferences(db: Reader, references: string[]): Promise<Set<string>> {
  if (references.length === 0) return new Set();
  const rows = await db.$queryRaw<{ reference: string }[]>`SELECT reference FROM incidents WHERE reference = ANY(${references}::text[])`;
  return new Set(rows.map((r) => r.reference));
}
