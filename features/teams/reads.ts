import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TeamWithServices = {
  slug: string;
  name: string;
  retiredAt: Date | null;
  version: number;
  services: { slug: string; name: string; retiredAt: Date | null }[];
};

/** Every team, active ones first, with its services, active ones first. */
export function listTeamsWithServices(db: Database): Promise<TeamWithServices[]> {
  return db.team.findMany({
    select: {
      slug: true,
      name: true,
      retiredAt: true,
      version: true,
      services: { select: { slug: true, name: true, retiredAt: true }, orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }] },
    },
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

export function findTeamForEdit(db: Database, slug: string) {
  return db.team.findUnique({
    where: { slug },
    select: { slug: true, name: true, retiredAt: true, version: true, services: { where: { retiredAt: null }, select: { name: true } } },
  });
}

/** The teams a service may be given: the active ones, and the one it has now even if retired. */
export function listTeamChoices(db: Database, currentSlug?: string) {
  return db.team.findMany({
    where: { OR: [{ retiredAt: null }, ...(currentSlug ? [{ slug: currentSlug }] : [])] },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Every team, retired ones too, by name: what trends pages may be scoped to. */
export function listTeams(db: Database): Promise<{ slug: string; name: string }[]> {
  return db.team.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export type TeamResponse = { id: string; slug: string; name: string; retiredAt: string | null; version: number };

export const teamSelect = { id: true, slug: true, name: true, retiredAt: true, version: true } as const;
export const toTeamResponse = (row: { id: string; slug: string; name: string; retiredAt: Date | null; version: number }): TeamResponse => ({
  ...row,
  retiredAt: row.retiredAt?.toISOString() ?? null,
});

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
