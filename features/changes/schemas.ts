// A change as the deploy pipeline sends it (docs/domain.md, "Change"), and the
// deploy gate's question. Strict: an unknown field or a value of the wrong type is a 400.
import { z } from "zod";
import { AI_INVOLVEMENTS, AUTHOR_LEVELS, CHANGE_APPROVALS } from "@/lib/domain/incident-enums";
import { isoInstant, storableString } from "@/lib/schemas";

export const MAX_COMMITS = 500;
/** 64 kB of UTF-8: more than any real commit message. */
export const MAX_COMMIT_MESSAGE_BYTES = 65_536;
export const MAX_REFERENCE_LENGTH = 500;

const optionalText = (max: number) =>
  storableString()
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullish()
    .transform((text) => (text ? text : null));

const commitSchema = z.strictObject({
  sha: storableString()
    .regex(/^[0-9a-f]{4,64}$/i, { message: "must be a commit hash (4 to 64 hexadecimal digits)" })
    .nullish()
    .transform((sha) => sha ?? null),
  message: storableString("must be the commit message as text").refine((message) => Buffer.byteLength(message, "utf8") <= MAX_COMMIT_MESSAGE_BYTES, {
    message: `must be at most 64 kB (${MAX_COMMIT_MESSAGE_BYTES} bytes)`,
  }),
});

const changeFields = z.strictObject({
  authorLevel: z
    .enum(AUTHOR_LEVELS, { error: `must be one of ${AUTHOR_LEVELS.join(", ")}` })
    .nullish()
    .transform((level) => level ?? null),
  approval: z.enum(CHANGE_APPROVALS, { error: `must be one of ${CHANGE_APPROVALS.join(", ")}` }).default("NONE"),
});

const aiFields = z.strictObject({
  involvement: z.enum(AI_INVOLVEMENTS, { error: `must be one of ${AI_INVOLVEMENTS.join(", ")}` }).default("NONE"),
  tool: optionalText(100),
});

const commitsSchema = z
  .array(commitSchema, { error: "must be a list of { sha, message }" })
  .max(MAX_COMMITS, { message: `must hold at most ${MAX_COMMITS} commits` })
  .default([]);

export const changeInputSchema = z.strictObject({
  reference: storableString("must be the change's reference as text")
    .trim()
    .min(1, { message: "is required" })
    .max(MAX_REFERENCE_LENGTH, { message: `must be at most ${MAX_REFERENCE_LENGTH} characters` }),
  service: z.string({ error: "must be a service slug" }).regex(/^[a-z0-9-]{1,100}$/, { message: "is not a service slug" }),
  deployedAt: isoInstant,
  title: optionalText(300),
  url: optionalText(2000).refine((url) => url === null || /^https?:\/\//i.test(url), { message: "must be an http or https address" }),
  change: changeFields.default({ authorLevel: null, approval: "NONE" }),
  ai: aiFields.default({ involvement: "NONE", tool: null }),
  commits: commitsSchema,
});

/** The deploy gate's question: the change as it would be recorded, before it is deployed. */
export const changeCheckSchema = z.strictObject({
  service: changeInputSchema.shape.service.optional(),
  change: changeFields.default({ authorLevel: null, approval: "NONE" }),
  ai: aiFields.default({ involvement: "NONE", tool: null }),
  commits: commitsSchema,
});

export type ChangeInput = z.infer<typeof changeInputSchema>;
export type ChangeCheckInput = z.infer<typeof changeCheckSchema>;
