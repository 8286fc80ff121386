import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const apiTokenInputSchema = z.object({
  name: z.string().trim().min(1, { message: "is required" }).max(100, { message: "must be at most 100 characters" }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});

export type ApiTokenInput = z.infer<typeof apiTokenInputSchema>;
