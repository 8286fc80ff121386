import { z } from "zod";

const replicaUrlSchema = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || /^postgres(ql)?:\/\/[^/]/.test(value), { message: "DATABASE_REPLICA_URL must be a postgresql:// URL" });

/** DATABASE_REPLICA_URL, checked; undefined when unset or empty (every read then goes to the primary). */
export function replicaUrlOf(env: Partial<Record<string, string>>): string | undefined {
  const parsed = replicaUrlSchema.safeParse(env.DATABASE_REPLICA_URL);
  if (!parsed.success) throw new Error(`Invalid environment: DATABASE_REPLICA_URL: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
