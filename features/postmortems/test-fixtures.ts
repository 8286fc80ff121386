// Shared set-up of the postmortem and action-item integration tests: a fresh database with
// one team, one service, a user per role and a way to file incidents.
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { createPrismaClient, type Database } from "@/lib/db/client";
import { fileIncident } from "@/features/incidents/mutations";
import { createTestDatabase, type TestDatabase } from "@/test/database";

export type Fixture = { testDb: TestDatabase; db: Database; actors: Record<Role, Actor>; fileTestIncident(title?: string): Promise<string> };

export async function createFixture(): Promise<Fixture> {
  const testDb = await createTestDatabase();
  const db = createPrismaClient({ url: testDb.url, poolMax: 8 });
  const team = await db.team.create({ data: { slug: "storefront", name: "Storefront" } });
  await db.service.create({ data: { slug: "checkout-api", name: "Checkout API", teamId: team.id } });
  const actors = {} as Record<Role, Actor>;
  for (const role of ["VIEWER", "ENGINEER", "LEAD", "ADMIN"] as const) {
    const email = `${role.toLowerCase()}@example.test`;
    const user = await db.user.create({ data: { email, name: `${role[0]}${role.slice(1).toLowerCase()} Person`, role } });
    actors[role] = { userId: user.id, tokenId: null, label: email, method: "UI", role };
  }
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
  return { testDb, db, actors, fileTestIncident };
}

export async function destroyFixture(fixture: Fixture | undefined) {
  await fixture?.db.$disconnect();
  await fixture?.testDb.drop();
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
