import type { Database } from "@/lib/db/client";

/** Teams, each with its services (slug → name), written straight to the tables in the order given. */
export async function createTeamsWithServices(db: Database, teams: { slug: string; name: string; services: Record<string, string> }[]) {
  const created = [];
  for (const team of teams) created.push({ id: (await db.team.create({ data: { slug: team.slug, name: team.name } })).id, services: team.services });
  await db.service.createMany({
    data: created.flatMap((team) => Object.entries(team.services).map(([slug, name]) => ({ slug, name, teamId: team.id }))),
  });
}
