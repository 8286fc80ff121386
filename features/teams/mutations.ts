import { auditEventData } from "@/lib/audit";
import { auditVersionedUpdate } from "@/lib/db/versioned-update";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, NotFoundError, RuleViolationError, StaleVersionError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockTeam, teamSelect, toTeamResponse, type TeamResponse } from "./reads";
import { parseOrRefuse, teamInputSchema, teamPatchSchema } from "./schemas";

const duplicateTeamSlug = (slug: string) =>
  new ConflictError(`A team with the slug "${slug}" already exists.`, { slug: [`"${slug}" is taken by another team`] });

/** Refused because the team was saved since the edit's version: what it is now. */
export class TeamVersionConflictError extends StaleVersionError<TeamResponse> {
  constructor(current: TeamResponse, yourVersion: number) {
    super(`Team ${current.slug} was changed since version ${yourVersion} (now version ${current.version}); nothing was saved.`, current, yourVersion);
  }
}

export async function createTeam(db: Database, rawInput: unknown, actor: Actor): Promise<TeamResponse> {
  assertMay(actor, "service:manage");
  const input = parseOrRefuse(teamInputSchema, rawInput);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.team.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw duplicateTeamSlug(input.slug);
      const team = toTeamResponse(await tx.team.create({ data: input, select: teamSelect }));
      await tx.auditEvent.create({ data: auditEventData(actor, { action: "team.create", entityType: "Team", entityId: team.id, changes: { created: team } }) });
      return team;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw duplicateTeamSlug(input.slug);
    throw error;
  }
}

/**
 * Renames, retires or brings back a team at the version the edit is based on. A team that
 * still owns active services cannot be retired: the refusal names them.
 */
export async function updateTeam(db: Database, slug: string, rawPatch: unknown, actor: Actor, now = new Date()): Promise<TeamResponse> {
  assertMay(actor, "service:manage");
  const { version, ...patch } = parseOrRefuse(teamPatchSchema, rawPatch);
  return db.$transaction(async (tx) => {
    const locked = await lockTeam(tx, slug);
    if (!locked) throw new NotFoundError(`No team with the slug "${slug}".`);
    const current = toTeamResponse(locked);
    if (current.version !== version) throw new TeamVersionConflictError(current, version);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (patch.name !== undefined && patch.name !== current.name) changes.name = { from: current.name, to: patch.name };
    if (patch.retired !== undefined && patch.retired !== (current.retiredAt !== null)) changes.retired = { from: !patch.retired, to: patch.retired };
    if (patch.retired && changes.retired) {
      const active = await tx.service.findMany({ where: { teamId: current.id, retiredAt: null }, select: { name: true }, orderBy: { name: "asc" } });
      if (active.length > 0) {
        const names = active.map((s) => s.name).join(", ");
        throw new RuleViolationError({ retired: [`${current.name} still owns active services (${names}): move them to another team or retire them first`] });
      }
    }
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.team.update({
      where: { id: current.id },
      data: { name: patch.name, retiredAt: changes.retired ? (patch.retired ? now : null) : undefined, version: { increment: 1 } },
      select: teamSelect,
    });
    await auditVersionedUpdate(tx, actor, { action: "team.update", entityType: "Team", entityId: current.id, version, changes });
    return toTeamResponse(updated);
  });
}
