import type { Prisma } from "@/lib/generated/prisma/client";

export type LockedTeam = { id: string; slug: string; name: string; retiredAt: Date | null; version: number };

/**
 * The team of the slug, locked until the transaction ends: retiring a team and giving it a
 * service both take this lock, so a team is never retired while a service joins it.
 */
export async function lockTeam(tx: Prisma.TransactionClient, slug: string): Promise<LockedTeam | null> {
  const [team] = await tx.$queryRaw<LockedTeam[]>`
    SELECT id::text AS id, slug, name, retired_at AS "retiredAt", version FROM teams WHERE slug = ${slug} FOR UPDATE`;
  return team ?? null;
}

export const retiredTeamMessage = (team: { name: string }) => `${team.name} is retired: choose an active team, or bring it back first`;
