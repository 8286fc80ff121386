// The import page's one call: the picked file, streamed as the request body, to the import
// endpoint, with the columns as the person mapped them. Browser-safe: no server imports.
import type { ImportResult } from "./fields";

/** A refusal (problem+json): its detail, and the messages of each field it names. */
export type ImportRefusal = { status: number; detail: string; fields: { field: string; messages: string[] }[] };

export type ImportAnswer = { ok: true; report: ImportResult } | { ok: false; refusal: ImportRefusal };

/** The mapping as the endpoint takes it: each header of the file and the field it fills, or null to ignore it. */
export function mappingParameter(headers: readonly string[], fields: readonly (string | null)[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  headers.forEach((header, i) => Object.defineProperty(mapping, header, { value: fields[i] ?? null, enumerable: true, writable: true }));
  return mapping;
}

export function importUrl(dryRun: boolean, mapping: Record<string, string | null>): string {
  return `/api/v1/incidents/import?${new URLSearchParams({ dryRun: String(dryRun), mapping: JSON.stringify(mapping) })}`;
}

/** Every problem the file has, including those past the listed ones. */
export const problemTotal = (report: ImportResult) => Math.max(report.errorCount ?? 0, report.errors.length);

/** Sends `file` to the endpoint with the signed-in browser's session and reads its answer. */
export async function sendImport(file: Blob, mapping: Record<string, string | null>, dryRun: boolean): Promise<ImportAnswer> {
  let response: Response;
  try {
    response = await fetch(importUrl(dryRun, mapping), { method: "POST", body: file, headers: { "content-type": "text/csv" }, credentials: "same-origin" });
  } catch {
    // Either the app is out of reach or the browser can no longer read the file (changed on disk since it was picked).
    const detail = "The file could not be sent. If it changed since you chose it, choose it again; otherwise check the connection and try again.";
    return { ok: false, refusal: { status: 0, detail, fields: [] } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && isReport(body)) return { ok: true, report: body };
  return { ok: false, refusal: refusalOf(response.status, body) };
}

function isReport(body: unknown): body is ImportResult {
  if (typeof body !== "object" || body === null) return false;
  const report = body as Partial<ImportResult>;
  return typeof report.rows === "number" && typeof report.imported === "number" && typeof report.skipped === "number" && Array.isArray(report.errors);
}

/** A refusal as the page shows it, from the status and problem+json body of the answer. */
export function refusalOf(status: number, body: unknown): ImportRefusal {
  // The endpoint also serves API clients and words a 401 for them; this page's reader has a session that ended.
  if (status === 401)
    return { status, detail: "You are signed out: sign in again (in another tab, to keep this page), then check the file again.", fields: [] };
  const problem = (typeof body === "object" && body !== null ? body : {}) as { detail?: unknown; title?: unknown; errors?: unknown };
  const detail =
    typeof problem.detail === "string" ? problem.detail : typeof problem.title === "string" ? problem.title : `The import was refused (HTTP ${status}).`;
  const fields = Array.isArray(problem.errors)
    ? problem.errors.flatMap((entry: { field?: unknown; messages?: unknown }) =>
        typeof entry?.field === "string" && Array.isArray(entry.messages) ? [{ field: entry.field, messages: entry.messages.map(String) }] : [],
      )
    : [];
  return { status, detail, fields };
}

/** Where a refusal belongs on the page: beside the mapping when it names the mapping, beside the file when it is about the file. */
export function refusalPlace(refusal: ImportRefusal): "mapping" | "file" | "actions" {
  if (refusal.fields.some(({ field }) => field === "mapping" || field.startsWith("mapping."))) return "mapping";
  if (refusal.fields.length > 0 || refusal.status === 400 || refusal.status === 413 || refusal.status === 415) return "file";
  return "actions";
}
