import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { storableString } from "@/lib/schemas";
import { fieldErrorsOf } from "@/lib/validation";

export const slugSchema = (max = 64) =>
  z
    .string({ error: "must be a slug" })
    .trim()
    .min(2, { message: "must be at least 2 characters" })
    .max(max, { message: `must be at most ${max} characters` })
    .regex(/^[a-z0-9-]+$/, { message: "may hold only lower-case letters, digits and hyphens" });

export const nameSchema = storableString().trim().min(2, { message: "must be at least 2 characters" }).max(100, { message: "must be at most 100 characters" });

export const versionSchema = z
  .int({ error: "must be the version this edit is based on (a whole number)" })
  .min(1, { message: "must be the version this edit is based on" });

export const teamInputSchema = z.strictObject({ slug: slugSchema(), name: nameSchema });

export const teamPatchSchema = z.strictObject({
  version: versionSchema,
  name: nameSchema.optional(),
  retired: z.boolean({ error: "must be true or false" }).optional(),
});

export type TeamInput = z.infer<typeof teamInputSchema>;
export type TeamPatch = z.infer<typeof teamPatchSchema>;

/** What a service or team write was given, as its schema reads it; a ValidationError naming every bad field otherwise. */
export function parseOrRefuse<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
