import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { ConflictError, RuleViolationError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { lockTeam, retiredTeamMessage } from "@/features/teams/rows";
import { serviceResponseSelect, toServiceResponse, type ServiceResponse } from "./reads";
import { serviceInputSchema } from "./schemas";

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
export async function createService(db: Database, rawInput: unknown, actor: Actor, options: { createTeam: boolean } = { createTeam: true }): Promise<ServiceResponse> {
  const parsed = serviceInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.service.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw duplicateServiceSlug(input.slug);
      let team = await lockTeam(tx, input.team);
      if (team?.retiredAt) throw new RuleViolationError({ team: [retiredTeamMessage(team)] });
      if (!team && !options.createTeam) throw new ValidationError({ team: [`there is no team "${input.team}"`] });
      if (!team) {
        const created = await tx.team.create({ data: { slug: input.team, name: teamNameFromSlug(input.team) }, select: { id: true, slug: true, name: true } });
        await tx.auditEvent.create({
          data: auditEventData(actor, { action: "team.create", entityType: "Team", entityId: created.id, changes: { created: { slug: created.slug, name: created.name } } }),
        });
        team = { ...created, retiredAt: null, version: 1 };
      }
      const service = await tx.service.create({
        data: { slug: input.slug, name: input.name, sloTarget: input.sloTarget, teamId: team.id },
        select: serviceResponseSelect,
      });
      const response = toServiceResponse(service);
      await tx.auditEvent.create({ data: auditEventData(actor, { action: "service.create", entityType: "Service", entityId: service.id, changes: { created: response } }) });
      return response;
    });
  } catch (error) {
    // Two requests racing for the same new slug: the loser hears the same conflict.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A service "${input.slug}" or team "${input.team}" was created at the same moment; try again.`, { slug: ["was taken at the same moment"] });
    }
    throw error;
  }
}
