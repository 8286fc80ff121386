import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LinkedIncident } from "./reads";

type Reader = Pick<Database, "incident"> | Prisma.TransactionClient;

/** The incidents naming each reference as their triggering change, oldest first. */
export async function linkedIncidentsByReference(db: Reader, references: readonly string[]): Promise<Map<string, LinkedIncident[]>> {
  const linked = new Map<string, LinkedIncident[]>();
  if (references.length === 0) return linked;
  const rows = await db.incident.findMany({
    where: { changeReference: { in: [...references] } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { reference: true, title: true, severity: true, startedAt: true, mitigatedAt: true, changeReference: true },
  });
  for (const row of rows) {
    const ttmMinutes = row.mitigatedAt ? Math.floor((row.mitigatedAt.getTime() - row.startedAt.getTime()) / 60_000) : null;
    const key = row.changeReference;
    if (key === null) continue;
    const list = linked.get(key) ?? [];
    list.push({ reference: row.reference, title: row.title, severity: row.severity, startedAt: row.startedAt.toISOString(), ttmMinutes });
    linked.set(key, list);
  }
  return linked;
}
