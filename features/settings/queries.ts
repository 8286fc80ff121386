import "server-only";
import { db } from "@/lib/db";
import { readEditableSettings } from "./reads";

/** The settings as the admin page edits them: values, version and who changed them last. */
export const editableSettings = () => readEditableSettings(db);
