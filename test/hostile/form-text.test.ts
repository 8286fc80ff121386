import { describe, expect, it } from "vitest";
import { createActionItemSchema } from "@/features/action-items/schemas";
import { addFiveWhySchema, sectionsSchema } from "@/features/postmortems/schemas";
import { addCustomItemSchema, recordItemNotesSchema } from "@/features/reviews/schemas";
import type { z } from "zod";

// Server actions' text fields refuse what PostgreSQL cannot store, as the JSON API does: a
// NUL byte or half a surrogate pair is a field error, never a failed write.
const refusedAt = (schema: z.ZodType, input: Record<string, unknown>, field: string) => {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
};

describe.each([
  ["a NUL byte", "before\u0000after"],
  ["a lone surrogate", "broken \uD83D pair"],
])("text with %s", (_name, text) => {
  it("is refused in a postmortem section and a five-whys entry", () => {
    refusedAt(sectionsSchema, { impactStatement: text, contributingFactors: "", whatWentWell: "", whereWeGotLucky: "", lessonsLearned: "" }, "impactStatement");
    refusedAt(addFiveWhySchema, { incidentId: "00000000-0000-4000-8000-000000000000", version: "1", text }, "text");
  });

  it("is refused in an action item's title", () => refusedAt(createActionItemSchema, { title: text }, "title"));

  it("is refused in an agenda item's title and in meeting notes", () => {
    refusedAt(addCustomItemSchema, { title: text }, "title");
    refusedAt(recordItemNotesSchema, { notes: text }, "notes");
  });
});
