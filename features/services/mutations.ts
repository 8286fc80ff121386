import { auditEventData } from "@/lib/audit";
import { auditVersionedUpdate } from "@/lib/db/versioned-update";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { ConflictError, NotFoundError, RuleViolationError, StaleVersionError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockTeam, retiredTeamMessage } from "@/features/teams/reads";
import { serviceResponseSelect, toServiceResponse, type ServiceResponse } from "./reads";
import { serviceInputSchema, servicePatchSchema } from "./schemas";
import { parseOrRefuse } from "@/features/teams/schemas";
/** "storefront-platform" → "Storefront Platform": the name of a team first met by its slug. */
export const teamNameFromSlug = (slug: string) =>
  slug
    .split("-")
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");

export const duplicateServiceSlug = (slug: string) =>
  new ConflictError(`A service with the slug "${slug}" already exists.`, { slug: [`"${slug}" is taken by another service`] });

/**
 * Creates a service with its audit event in one transaction. The API creates the team when
 * its slug is new (`createTeam`); the form offers only existing teams. A slug already taken
 * is a conflict, never an overwrite, and a retired team takes no new service.
 */
export async function createService(
  db: Database,
  rawInput: unknown,
  actor: Actor,
  options: { createTeam: boolean } = { createTeam: true },
): Promise<ServiceResponse> {
  assertMay(actor, "service:manage");
  const input = parseOrRefuse(serviceInputSchema, rawInput);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.service.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw duplicateServiceSlug(input.slug);
      let team = await lockTeam(tx, input.team);
      if (team?.retiredAt) throw new RuleViolationError({ team: [retiredTeamMessage(team)] });
      if (!team && !options.createTeam) throw new ValidationError({ team: [`there is no team "${input.team}"`] });
      if (!team) {
        const created = await tx.team.create({ data: { slug: input.team, name: teamNameFromSlug(input.team) }, select: { id: true, slug: true, name: true } });
        await tx.auditEvent.create({
          data: auditEventData(actor, {
            action: "team.create",
            entityType: "Team",
            entityId: created.id,
            changes: { created: { slug: created.slug, name: created.name } },
          }),
        });
        team = { ...created, retiredAt: null, version: 1 };
      }
      const service = await tx.service.create({
        data: { slug: input.slug, name: input.name, sloTarget: input.sloTarget, teamId: team.id },
        select: serviceResponseSelect,
      });
      const response = toServiceResponse(service);
      await tx.auditEvent.create({
        data: auditEventData(actor, { action: "service.create", entityType: "Service", entityId: service.id, changes: { created: response } }),
      });
      return response;
    });
  } catch (error) {
    // Two requests racing for the same new slug: the loser hears the same conflict.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A service "${input.slug}" or team "${input.team}" was created at the same moment; try again.`, {
        slug: ["was taken at the same moment"],
      });
    }
    throw error;
  }
}

/** Refused because the service was saved since the edit's version: what it is now. */
export class ServiceVersionConflictError extends StaleVersionError<ServiceResponse> {
  constructor(current: ServiceResponse, yourVersion: number) {
    super(`Service ${current.slug} was changed since version ${yourVersion} (now version ${current.version}); nothing was saved.`, current, yourVersion);
  }
}

type Change = { from: unknown; to: unknown };

/**
 * Edits a service: the patch names the version it is based on and the fields to change
 * (name, team by slug, sloTarget, retired). The row is locked, so of two edits of one version
 * exactly one is saved and the other is refused with the service as it now is. A move to
 * another team invalidates every week's figures (a trigger on services), so team trends follow.
 */
export async function updateService(db: Database, slug: string, rawPatch: unknown, actor: Actor, now = new Date()): Promise<ServiceResponse> {
  assertMay(actor, "service:manage");
  const { version, ...patch } = parseOrRefuse(servicePatchSchema, rawPatch);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM services WHERE slug = ${slug} FOR UPDATE`;
    if (!locked) throw new NotFoundError(`No service with the slug "${slug}".`);
    const current = toServiceResponse(await tx.service.findUniqueOrThrow({ where: { id: locked.id }, select: serviceResponseSelect }));
    if (current.version !== version) throw new ServiceVersionConflictError(current, version);

    const changes: Record<string, Change> = {};
    if (patch.name !== undefined && patch.name !== current.name) changes.name = { from: current.name, to: patch.name };
    if (patch.sloTarget !== undefined && patch.sloTarget !== current.sloTarget) changes.sloTarget = { from: current.sloTarget, to: patch.sloTarget };
    const retired = patch.retired ?? current.retiredAt !== null;
    if (retired !== (current.retiredAt !== null)) changes.retired = { from: !retired, to: retired };
    const teamSlug = patch.team ?? current.team.slug;
    const team = await lockTeam(tx, teamSlug);
    if (!team) throw new ValidationError({ team: [`there is no team "${teamSlug}"`] });
    if (teamSlug !== current.team.slug) changes.team = { from: current.team.slug, to: teamSlug };
    // An active service belongs to an active team: moving into a retired team, or bringing a service back into one, is refused.
    if (team.retiredAt && !retired && (changes.team || changes.retired)) {
      throw new RuleViolationError(
        changes.team ? { team: [retiredTeamMessage(team)] } : { retired: [`its team ${retiredTeamMessage(team)}, or move the service to an active team`] },
      );
    }
    if (Object.keys(changes).length === 0) return current;

    const updated = await tx.service.update({
      where: { id: current.id },
      data: {
        name: patch.name,
        sloTarget: patch.sloTarget,
        teamId: changes.team ? team.id : undefined,
        retiredAt: changes.retired ? (retired ? now : null) : undefined,
        version: { increment: 1 },
      },
      select: serviceResponseSelect,
    });
    await auditVersionedUpdate(tx, actor, { action: "service.update", entityType: "Service", entityId: current.id, version, changes });
    return toServiceResponse(updated);
  });
}
