import { z } from "zod";
import { storableString } from "@/lib/schemas";
import { normaliseNewlines, POSTMORTEM_SECTIONS, TIMELINE_EVENT_KINDS, type PostmortemSection } from "@/lib/domain/postmortem-enums";

const uuid = (what: string) => z.uuid({ error: `is not ${what}` });

/** A number posted as text; a missing or empty one is "required", never silently 0. */
const wholeNumber = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
  z.number({ error: "is required" }).int({ message: "must be a whole number" }).min(0, { message: "cannot be negative" }),
);

// Form posts send line breaks as CRLF; text is stored and compared with LF only.
const sectionText = storableString()
  .transform(normaliseNewlines)
  .pipe(z.string().max(20_000, { message: "must be at most 20,000 characters" }));
export const sectionsSchema = z.object(
  Object.fromEntries(POSTMORTEM_SECTIONS.map((section) => [section, sectionText])) as Record<PostmortemSection, typeof sectionText>,
);

/**
 * Every change names the incident and the postmortem version it was based on (0 before the
 * postmortem exists); a change based on an older version is refused as a conflict.
 */
export const postmortemRefSchema = z.object({ incidentId: uuid("an incident id"), version: wholeNumber });

export const saveSectionsSchema = postmortemRefSchema.extend({
  sections: sectionsSchema,
  /** The sections as the editor loaded them: when they are still the stored ones, a version moved on by timeline edits is no conflict. */
  base: sectionsSchema.optional(),
});

const instant = z.coerce.date({ error: "must be a date and time" }).refine((d) => !Number.isNaN(d.getTime()), { message: "must be a date and time" });
const itemText = (max: number) =>
  storableString("is required")
    .transform(normaliseNewlines)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { message: "is required" })
        .max(max, { message: `must be at most ${max.toLocaleString("en-US")} characters` }),
    );

export const timelineEventFields = z.object({
  occurredAt: instant,
  kind: z.enum(TIMELINE_EVENT_KINDS, { error: `must be one of ${TIMELINE_EVENT_KINDS.join(", ")}` }),
  text: itemText(5_000),
});
export const addTimelineEventSchema = postmortemRefSchema.extend(timelineEventFields.shape);
export const editTimelineEventSchema = addTimelineEventSchema.extend({ eventId: uuid("a timeline event id") });
export const timelineEventRefSchema = postmortemRefSchema.extend({ eventId: uuid("a timeline event id") });

export const addFiveWhySchema = postmortemRefSchema.extend({ text: itemText(2_000) });
export const editFiveWhySchema = addFiveWhySchema.extend({ whyId: uuid("a five-whys entry id") });
export const fiveWhyRefSchema = postmortemRefSchema.extend({ whyId: uuid("a five-whys entry id") });

export const moveDirection = z.enum(["up", "down"], { error: "must be up or down" });
export const moveTimelineEventSchema = timelineEventRefSchema.extend({ direction: moveDirection });
export const moveFiveWhySchema = fiveWhyRefSchema.extend({ direction: moveDirection });

export const publishSchema = postmortemRefSchema.extend({
  noActionNeededReason: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    storableString()
      .transform(normaliseNewlines)
      .pipe(z.string().trim().max(2_000, { message: "must be at most 2,000 characters" }))
      .optional(),
  ),
});
