import { z } from "zod";

const serverEnvSchema = z
  .object({
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }).refine((v) => /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must be a postgresql:// URL",
    }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    /** Largest JSON body the API reads (1 MB). */
    API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).default(1_048_576),
    /** Largest body of POST /api/v1/changes and /changes/check (8 MB: a few hundred commit messages). */
    CHANGE_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).default(8_388_608),
    // Across every instance (PostgreSQL advisory locks); each running export holds one connection.
    EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(4),
  })
  .refine((env) => env.EXPORT_MAX_CONCURRENT < env.DATABASE_POOL_MAX, {
    path: ["EXPORT_MAX_CONCURRENT"],
    message: "must be below DATABASE_POOL_MAX, or exports could hold every connection of an instance",
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** The server's environment, checked once; a bad or missing variable is named in the error. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
