import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation";
import { serviceInputSchema } from "./schemas";

/** "storefront-platform" → "Storefront Platform": the name of a team first met by its slug. */
export const teamNameFromSlug = (slug: string) =>
  slug
    .split("-")
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");

export type ServiceResponse = { id: string; slug: string; name: string; team: { slug: string; name: string }; sloTarget: number; createdAt: string };

/**
 * Creates a service, and its team when the slug is new, with their audit events in one
 * transaction. A slug already taken is a conflict, never an overwrite.
 */
export async function createService(db: Database, rawInput: unknown, actor: Actor): Promise<ServiceResponse> {
  const parsed = serviceInputSchema.safeParse(rawInput);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.service.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
        throw new ConflictError(`A service with the slug "${input.slug}" already exists.`);
      }
      let team = await tx.team.findUnique({ where: { slug: input.team }, select: { id: true, slug: true, name: true } });
      if (!team) {
        team = await tx.team.create({ data: { slug: input.team, name: teamNameFromSlug(input.team) }, select: { id: true, slug: true, name: true } });
        await tx.auditEvent.create({
          data: auditEventData(actor, { action: "team.create", entityType: "Team", entityId: team.id, changes: { created: { slug: team.slug, name: team.name } } }),
        });
      }
      const service = await tx.service.create({
        data: { slug: input.slug, name: input.name, sloTarget: input.sloTarget, teamId: team.id },
        select: { id: true, slug: true, name: true, sloTarget: true, createdAt: true },
      });
      const response = { ...service, team: { slug: team.slug, name: team.name }, createdAt: service.createdAt.toISOString() };
      await tx.auditEvent.create({ data: auditEventData(actor, { action: "service.create", entityType: "Service", entityId: service.id, changes: { created: response } }) });
      return response;
    });
  } catch (error) {
    // Two requests racing for the same new slug: the loser hears the same conflict.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A service "${input.slug}" or team "${input.team}" was created at the same moment; try again.`);
    }
    throw error;
  }
}
