// Shared set-up of the postmortem and action-item integration tests: a fresh database with
// one team, one service, a user per role and a way to file incidents.
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { fileIncident } from "@/features/incidents/mutations";
import { useTestDatabase } from "@/test/database";

export type Fixture = { db: Database; actors: Record<Role, Actor>; fileTestIncident(title?: string): Promise<string> };

/** The test file's database, seeded before its tests; `actors` is filled in by then. */
export function usePostmortemFixture(): Fixture {
  const actors = {} as Record<Role, Actor>;
  const { db } = useTestDatabase({
    poolMax: 8,
    seed: async (seeded) => {
      const team = await seeded.team.create({ data: { slug: "storefront", name: "Storefront" } });
      await seeded.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
      for (const role of ["VIEWER", "ENGINEER", "LEAD", "ADMIN"] as const) {
        const email = `${role.toLowerCase()}@example.test`;
        const user = await seeded.user.create({ data: { email, name: `${role[0]}${role.slice(1).toLowerCase()} Person`, role } });
        actors[role] = { userId: user.id, tokenId: null, label: email, method: "UI", role };
      }
    },
  });
  const fileTestIncident = async (title = "Checkout blocked for card payments") =>
    (
      await fileIncident(
        db,
        {
          title,
          severity: "SEV1",
          status: "RESOLVED",
          services: ["checkout-api"],
          startedAt: "2026-11-20T08:00:00Z",
          detectedAt: "2026-11-20T08:05:00Z",
          mitigatedAt: "2026-11-20T09:00:00Z",
          resolvedAt: "2026-11-20T12:00:00Z",
          impact: { usersAffected: 1200 },
          blastRadius: "SINGLE_SERVICE",
          rootCause: { category: "CODE_CHANGE", description: "" },
        },
        actors.ENGINEER,
        new Date("2026-11-24T12:00:00Z"),
      )
    ).id;
  return { db, actors, fileTestIncident };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as Error,
  );
  if (!outcome) throw new Error("expected the call to be refused, but it succeeded");
  return outcome;
}
