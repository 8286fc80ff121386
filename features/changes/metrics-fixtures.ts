// Hand-made changes for the change-metrics tests, written straight to the table with the
// derived fields (aiEffective, policyViolation) set by the test, so its arithmetic is plain.
import type { Database } from "@/lib/db/client";
import type { AiInvolvement } from "@/lib/generated/prisma/enums";

export type TestChange = {
  reference: string;
  service: string;
  deployedAt: string;
  /** The stronger of declared and detected involvement. */
  ai?: AiInvolvement;
  violating?: boolean;
};

export async function addChanges(db: Database, changes: TestChange[]) {
  const services = await db.service.findMany({ select: { id: true, slug: true } });
  const idOf = (slug: string) => {
    const found = services.find((s) => s.slug === slug);
    if (!found) throw new Error(`Unknown service ${slug}`);
    return found.id;
  };
  await db.change.createMany({
    data: changes.map((c) => ({
      reference: c.reference,
      serviceId: idOf(c.service),
      deployedAt: new Date(c.deployedAt),
      aiInvolvement: c.ai ?? "NONE",
      aiEffective: c.ai ?? "NONE",
      policyViolation: c.violating ?? false,
    })),
  });
}
