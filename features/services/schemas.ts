import { z } from "zod";
import { storableString } from "@/lib/schemas";

const slug = (max: number) =>
  z
    .string({ error: "must be a slug" })
    .trim()
    .min(2, { message: "must be at least 2 characters" })
    .max(max, { message: `must be at most ${max} characters` })
    .regex(/^[a-z0-9-]+$/, { message: "may hold only lower-case letters, digits and hyphens" });

/** A service as created through the API: its team is named by slug and created when new. */
export const serviceInputSchema = z.strictObject({
  slug: slug(64),
  name: storableString()
    .trim()
    .min(2, { message: "must be at least 2 characters" })
    .max(100, { message: "must be at most 100 characters" }),
  team: slug(64),
  /** Availability target as a fraction: 0.999 is 99.9 %. */
  sloTarget: z
    .number({ error: "must be a number between 0 and 1, e.g. 0.999" })
    .gt(0, { message: "must be more than 0, e.g. 0.999" })
    .lt(1, { message: "must be less than 1, e.g. 0.999" })
    .default(0.999),
});

export type ServiceInput = z.infer<typeof serviceInputSchema>;
