import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// The incident the mutation tests file and edit: a SEV1 checkout outage caused by an
// AI-generated change with peer sign-off. Each test adds the status, times and impact it needs.
export const checkoutOutage = () => ({
  title: "Checkout blocked for card payments",
  summary: "Shoppers could not pay.",
  severity: "SEV1",
  services: ["checkout-api", "cart"],
  startedAt: "2026-11-24T08:00:00Z",
  blastRadius: "MULTI_SERVICE",
  rootCause: { category: "CODE_CHANGE", description: "A retry storm." },
  change: { reference: "PR-1", authorLevel: "MID", approval: "PEER" },
  ai: { involvement: "GENERATED", tool: "GitHub Copilot" },
});

/** A SEV2 incident under investigation on one service, with the other fields a test gives. */
export function investigatingIncident(fields: { title: string; service: string; startedAt: string; usersAffected: number } & Record<string, unknown>) {
  const { service, usersAffected, ...rest } = fields;
  return { severity: "SEV2", status: "INVESTIGATING", services: [service], impact: { usersAffected }, blastRadius: "SINGLE_SERVICE", ...rest };
}

/** Writes a mitigated SEV1 incident row straight to the table (INC-2026-0001 on one service unless given). */
export function insertMitigatedSev1(
  db: Database,
  fields: { title: string; startedAt: string; mitigatedAt: string } & Omit<Partial<Prisma.IncidentUncheckedCreateInput>, "startedAt" | "mitigatedAt">,
) {
  const { startedAt, mitigatedAt, ...rest } = fields;
  return db.incident.create({
    data: {
      reference: "INC-2026-0001",
      severity: "SEV1",
      status: "MITIGATED",
      startedAt: new Date(startedAt),
      mitigatedAt: new Date(mitigatedAt),
      blastRadius: "SINGLE_SERVICE",
      ...rest,
    },
  });
}
