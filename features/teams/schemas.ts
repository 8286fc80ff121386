import { z } from "zod";
import { storableString } from "@/lib/schemas";

export const slugSchema = (max = 64) =>
  z
    .string({ error: "must be a slug" })
    .trim()
    .min(2, { message: "must be at least 2 characters" })
    .max(max, { message: `must be at most ${max} characters` })
    .regex(/^[a-z0-9-]+$/, { message: "may hold only lower-case letters, digits and hyphens" });

export const nameSchema = storableString()
  .trim()
  .min(2, { message: "must be at least 2 characters" })
  .max(100, { message: "must be at most 100 characters" });

export const versionSchema = z.int({ error: "must be the version this edit is based on (a whole number)" }).min(1, { message: "must be the version this edit is based on" });

export const teamInputSchema = z.strictObject({ slug: slugSchema(), name: nameSchema });

export const teamPatchSchema = z.strictObject({
  version: versionSchema,
  name: nameSchema.optional(),
  retired: z.boolean({ error: "must be true or false" }).optional(),
});

export type TeamInput = z.infer<typeof teamInputSchema>;
export type TeamPatch = z.infer<typeof teamPatchSchema>;
