import { formText } from "@/features/services/form-values";

export const TEAM_FIELD_LABELS: Record<string, string> = { slug: "Slug", name: "Name", retired: "Retire", version: "Version" };

export const readTeamForm = (form: FormData) => ({ slug: formText(form, "slug"), name: formText(form, "name") });
