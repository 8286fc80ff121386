import { z } from "zod";
import { storableString } from "@/lib/schemas";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES, ACTION_ITEM_TYPES } from "@/lib/domain/action-item-enums";

const calendarDate = z
  .string({ error: "is required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date (YYYY-MM-DD)" })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { message: "is not a real calendar date" },
  )
  .refine((value) => value >= "2000-01-01" && value <= "2100-12-31", { message: "must lie between 2000 and 2100" });

/** What every new action item says: what, who, by when, how urgent, of which kind. */
export const actionItemFieldsSchema = z.object({
  title: storableString("is required").trim().min(3, { message: "must be at least 3 characters" }).max(200, { message: "must be at most 200 characters" }),
  ownerId: z.uuid({ error: "pick an owner" }),
  dueDate: calendarDate,
  priority: z.enum(ACTION_ITEM_PRIORITIES, { error: `must be one of ${ACTION_ITEM_PRIORITIES.join(", ")}` }),
  type: z.enum(ACTION_ITEM_TYPES, { error: `must be one of ${ACTION_ITEM_TYPES.join(", ")}` }),
});

export type ActionItemFields = z.infer<typeof actionItemFieldsSchema>;

/** A new action item of an incident, from the postmortem editor or the API (the weekly review names its incident its own way). */
export const createActionItemSchema = actionItemFieldsSchema.extend({ incidentId: z.uuid({ error: "is not an incident id" }) });

export const changeActionItemStatusSchema = z.object({
  actionItemId: z.uuid({ error: "is not an action item id" }),
  version: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: "is required" }).int({ message: "must be a whole number" }).min(1, { message: "must be at least 1" }),
  ),
  status: z.enum(ACTION_ITEM_STATUSES, { error: `must be one of ${ACTION_ITEM_STATUSES.join(", ")}` }),
});
