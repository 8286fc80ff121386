import { z } from "zod";
import { nameSchema, slugSchema, versionSchema } from "@/features/teams/schemas";

// A hundredth of a percent is as fine as a target is ever written (99.95 %); the float is compared with a margin.
const hasAtMostTwoPercentDecimals = (fraction: number) => Math.abs(fraction * 10_000 - Math.round(fraction * 10_000)) < 1e-6;

/** Availability target as a fraction: 0.999 is 99.9 %. Below 90 % is no target; 100 % leaves no error budget. */
export const sloTargetSchema = z
  .number({ error: "must be a fraction between 0.9 and 1, e.g. 0.999 for 99.9 %" })
  .min(0.9, { message: "must be at least 90 % (0.9)" })
  .lt(1, { message: "must be below 100 % (100 % leaves no error budget)" })
  .refine(hasAtMostTwoPercentDecimals, { message: "must have at most two decimals as a percentage, e.g. 99.95 %" });

/** A service as created: its team is named by slug (the API creates a team it does not know). */
export const serviceInputSchema = z.strictObject({
  slug: slugSchema(),
  name: nameSchema,
  team: slugSchema(),
  sloTarget: sloTargetSchema.default(0.999),
});

/** An edit of a service: the version it is based on and any of the fields to change. */
export const servicePatchSchema = z.strictObject({
  version: versionSchema,
  name: nameSchema.optional(),
  team: slugSchema().optional(),
  sloTarget: sloTargetSchema.optional(),
  retired: z.boolean({ error: "must be true or false" }).optional(),
});

export type ServiceInput = z.infer<typeof serviceInputSchema>;
export type ServicePatch = z.infer<typeof servicePatchSchema>;
