import { z } from "zod";
import { actionItemFieldsSchema } from "@/features/action-items/schemas";
import { storableString } from "@/lib/schemas";
import { parseIsoWeek } from "@/lib/time/iso-week";

const fromFormNumber = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v);

export const isoWeekField = z
  .string({ error: "is required" })
  .regex(/^\d{4}-W\d{2}$/, { message: "must be an ISO week like 2026-W10" })
  .refine(
    (value) => {
      try {
        parseIsoWeek(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: "is not a week of that year" },
  )
  // The same years as every stored instant (lib/schemas.ts): year 0000 is no week to review.
  .refine((value) => Number(value.slice(0, 4)) >= 1970 && Number(value.slice(0, 4)) <= 2099, { message: "must be a week of a year from 1970 to 2099" });

/** The review version the edit was based on; 0 when the page showed only the proposal. */
const reviewVersion = z.preprocess(
  fromFormNumber,
  z.number({ error: "is required" }).int({ message: "must be a whole number" }).min(0, { message: "cannot be negative" }),
);
const itemVersion = z.preprocess(
  fromFormNumber,
  z.number({ error: "is required" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }),
);
/** An item's id once stored, or the key of a proposed item before. */
const handle = storableString("is required").trim().min(1, { message: "is required" }).max(200, { message: "is not an agenda item" });
const minutes = z.preprocess(
  fromFormNumber,
  z
    .number({ error: "is required" })
    .int({ message: "must be whole minutes" })
    .min(1, { message: "must be at least 1 minute" })
    .max(120, { message: "must be at most 120 minutes" }),
);
const title = storableString("is required").trim().min(3, { message: "must be at least 3 characters" }).max(200, { message: "must be at most 200 characters" });
const presenterId = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.uuid({ error: "pick a presenter from the list" }).nullable());
const longText = storableString().max(20_000, { message: "must be at most 20 000 characters" }).default("");

const onReview = { week: isoWeekField, version: reviewVersion };

export const reviewStepSchema = z.object(onReview);
/** Starting before the week has ended must be confirmed: "true" from the form's confirmation. */
export const startMeetingSchema = reviewStepSchema.extend({
  startBeforeWeekEnds: z.preprocess((v) => v === "true" || v === true, z.boolean()).default(false),
});
export const reorderAgendaSchema = z.object({ ...onReview, handles: z.array(handle).min(1, { message: "name at least one item" }) });
export const addCustomItemSchema = z.object({ ...onReview, title, minutes, presenterId: presenterId.optional() });
export const removeAgendaItemSchema = z.object({ ...onReview, handle });
export const addSuggestedItemSchema = z.object({ ...onReview, key: handle });
export const updateAgendaItemSchema = z.object({ week: isoWeekField, handle, itemVersion, minutes, presenterId, title: title.optional() });
export const recordItemNotesSchema = z.object({ week: isoWeekField, handle, itemVersion, notes: longText, decision: longText });
export const goToItemSchema = z.object({ ...onReview, handle });
/** A change that names only its week, e.g. a spin of the wheel. */
export const reviewWeekSchema = z.object({ week: isoWeekField });
/** An action item agreed on an agenda item; which incident it belongs to is checked against the item's own. */
export const meetingActionItemSchema = z.object({
  week: isoWeekField,
  handle,
  incidentReference: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: "is not an incident reference" }).trim().max(100, { message: "is not an incident reference" }).optional(),
  ),
  ...actionItemFieldsSchema.shape,
});
