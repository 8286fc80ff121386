import { formText } from "@/lib/forms/form-data";

export const TEAM_FIELD_LABELS: Record<string, string> = { slug: "Slug", name: "Name", retired: "Retire", version: "Version" };

export const readTeamForm = (form: FormData) => ({ slug: formText(form, "slug").trim(), name: formText(form, "name").trim() });
