import { auditEventData } from "@/lib/audit";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/db/client";
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/uuid";
import { fieldErrorsOf } from "@/lib/validation";
import { changeUserRoleSchema, setUserActiveSchema } from "./schemas";

type Tx = Prisma.TransactionClient;

export const LAST_ADMIN_MESSAGE = "at least one active ADMIN must remain";

/** The user after a change, and whether anything changed (asking for the current state is no change). */
export type UserChangeResult = { id: string; email: string; role: Role; active: boolean; version: number; changed: boolean };

const changedUser = { id: true, email: true, role: true, active: true, updatedAt: true } as const;
type ChangedUser = Prisma.UserGetPayload<{ select: typeof changedUser }>;

const resultOf = (user: ChangedUser, changed: boolean): UserChangeResult => ({
  id: user.id,
  email: user.email,
  role: user.role,
  active: user.active,
  version: user.updatedAt.getTime(),
  changed,
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * Locks the user for the rest of the transaction. Every role and activation change takes the
 * same advisory lock first, so two admins demoting each other at once cannot leave none.
 */
async function lockUser(tx: Tx, userId: string): Promise<ChangedUser> {
  if (!isUuid(userId)) throw new NotFoundError(`No user with id ${userId}.`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ops-review:user-roles'))`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: changedUser });
  if (!user) throw new NotFoundError(`No user with id ${userId}.`);
  return user;
}

async function assertAnotherActiveAdmin(tx: Tx, userId: string, field: "role" | "active") {
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: userId } } });
  if (others === 0) throw new RuleViolationError({ [field]: [LAST_ADMIN_MESSAGE] });
}

const audit = (tx: Tx, actor: Actor, action: string, userId: string, changes: Prisma.InputJsonValue) =>
  tx.auditEvent.create({ data: auditEventData(actor, { action, entityType: "User", entityId: userId, changes }) });

/** Creates a user whose password is already checked and hashed; an e-mail already taken is a conflict. */
export async function createUser(
  db: Database,
  actor: Actor,
  input: { email: string; name?: string; role: Role; passwordHash: string },
): Promise<{ id: string }> {
  assertMay(actor, "user:manage", "manage users");
  const { email, role, passwordHash } = input;
  const name = input.name ?? null;
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email, name, role, passwordHash }, select: { id: true } });
      await audit(tx, actor, "user.create", created.id, { created: { email, name, role } });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ConflictError(`A user with the e-mail ${email} already exists.`);
    throw error;
  }
}

export async function changeUserRole(db: Database, rawInput: unknown, actor: Actor): Promise<UserChangeResult> {
  assertMay(actor, "user:manage", "manage users");
  const input = parse(changeUserRoleSchema, rawInput);
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (input.version !== undefined && input.version !== user.updatedAt.getTime()) {
      throw new ConflictError(`${user.email} was changed by someone else since you loaded it; reload and try again.`);
    }
    if (user.role === input.role) return resultOf(user, false);
    if (user.role === "ADMIN" && user.active) await assertAnotherActiveAdmin(tx, user.id, "role");
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: changedUser });
    await audit(tx, actor, "user.role_change", user.id, { role: { from: user.role, to: input.role } });
    return resultOf(updated, true);
  });
}

/**
 * Deactivating signs the user out everywhere (their sessions are deleted) and revokes every API
 * token they minted; reactivating restores neither, they sign in again and tokens stay revoked.
 */
export async function setUserActive(db: Database, rawInput: unknown, actor: Actor, now = new Date()): Promise<UserChangeResult> {
  assertMay(actor, "user:manage", "manage users");
  const input = parse(setUserActiveSchema, rawInput);
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.active === input.active) return resultOf(user, false);
    if (input.active) {
      const updated = await tx.user.update({ where: { id: user.id }, data: { active: true, deactivatedAt: null }, select: changedUser });
      await audit(tx, actor, "user.reactivate", user.id, { active: { from: false, to: true } });
      return resultOf(updated, true);
    }
    if (user.role === "ADMIN") await assertAnotherActiveAdmin(tx, user.id, "active");
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    const tokens = await tx.apiToken.updateManyAndReturn({
      where: { createdById: user.id, revokedAt: null },
      data: { revokedAt: now },
      select: { id: true },
    });
    const updated = await tx.user.update({ where: { id: user.id }, data: { active: false, deactivatedAt: now }, select: changedUser });
    await audit(tx, actor, "user.deactivate", user.id, {
      active: { from: true, to: false },
      sessionsClosed: sessions.count,
      tokensRevoked: tokens.map((t) => t.id),
    });
    return resultOf(updated, true);
  });
}
