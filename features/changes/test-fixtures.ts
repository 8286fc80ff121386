// What a test that records changes starts from: the metrics catalogue's teams and services,
// and the settings row (with its defaults) whose policy and AI tools judge every change.
import { createMetricsCatalogue } from "@/features/metrics/test-fixtures";
import type { Database } from "@/lib/db/client";

export async function seedChangeCatalogue(db: Database) {
  await createMetricsCatalogue(db);
  await db.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}
