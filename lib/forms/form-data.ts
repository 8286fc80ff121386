/** A posted field as text; a missing one (or a file) is "". */
export function formText(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/** What the form posted, kept as text so that a refused form can be shown again as typed. */
export function formValuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(form.keys())) if (!key.startsWith("$")) values[key] = formText(form, key);
  return values;
}
