import { z } from "zod";
import { nameSchema, slugSchema, versionSchema } from "@/features/services/schemas";

export const teamInputSchema = z.strictObject({ slug: slugSchema(), name: nameSchema });

export const teamPatchSchema = z.strictObject({
  version: versionSchema,
  name: nameSchema.optional(),
  retired: z.boolean({ error: "must be true or false" }).optional(),
});

export type TeamInput = z.infer<typeof teamInputSchema>;
export type TeamPatch = z.infer<typeof teamPatchSchema>;
