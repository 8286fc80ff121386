import { z } from "zod";
import { storableString } from "@/lib/schemas";

/** The pair a mark is about: the later incident and the earlier one, each by id or reference. */
export const notRepeatPairSchema = z
  .object({
    incident: z.string().trim().min(1, { message: "name the incident" }).max(100),
    earlier: z.string().trim().min(1, { message: "name the earlier incident" }).max(100),
  })
  .strict();

/** What a LEAD says when marking a pair as not a repeat (the body of PUT …/not-repeats/{earlier}). */
export const notRepeatMarkSchema = z.object({ reason: storableString().trim().max(1000, { message: "must be at most 1000 characters" }).default("") }).strict();

export type NotRepeatPair = z.input<typeof notRepeatPairSchema>;
