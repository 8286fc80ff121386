import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const changeUserRoleSchema = z.object({
  userId: z.string({ error: "is required" }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  /** The version the edit was based on (UserSummary.version); omitted, the edit is not checked for staleness. */
  version: z.number({ error: "must be a number" }).int().nonnegative().optional(),
});
export const setUserActiveSchema = z.object({
  userId: z.string({ error: "is required" }),
  active: z.boolean({ error: "must be true or false" }),
});

/** A user made on the command line. */
export const newUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "is not an e-mail address" })),
  name: z.string().trim().min(1).max(100, { message: "must be at most 100 characters" }).optional(),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});
