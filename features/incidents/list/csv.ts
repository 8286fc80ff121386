// CSV of the incident list: RFC 4180 (CRLF, quoted fields, doubled quotes), safe to open in a
// spreadsheet (a cell that would start a formula is prefixed with a single quote), streamed a
// keyset page at a time so a 100 000-row export never sits in memory.
import { listIncidentPage, type IncidentListItem, type IncidentListReader } from "../reads";
import type { IncidentListParams } from "./params";

/**
 * Spreadsheets run a cell starting with these as a formula (OWASP: CSV injection). A cell that
 * already starts with quotes before one is prefixed too, so that reading the file back (the CSV
 * import) can always take exactly one quote off and get the text that was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A cell's text as it was before csvCell prefixed it. */
export const withoutFormulaPrefix = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell);

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: (string | number | boolean | null | undefined)[]) => `${cells.map(csvCell).join(",")}\r\n`;

const COLUMNS: [header: string, value: (item: IncidentListItem) => string | number | boolean | null][] = [
  ["reference", (i) => i.reference],
  ["title", (i) => i.title],
  ["severity", (i) => i.severity],
  ["status", (i) => i.status],
  ["services", (i) => i.services.join(" ")],
  ["teams", (i) => [...new Set(i.serviceDetails.map((s) => s.team.slug))].join(" ")],
  ["started_at", (i) => i.startedAt],
  ["detected_at", (i) => i.detectedAt],
  ["mitigated_at", (i) => i.mitigatedAt],
  ["resolved_at", (i) => i.resolvedAt],
  ["impact_minutes", (i) => i.impactMinutes],
  ["ttd_minutes", (i) => i.ttdMinutes],
  ["ttm_minutes", (i) => i.ttmMinutes],
  ["ttr_minutes", (i) => i.ttrMinutes],
  ["users_affected", (i) => i.impact.usersAffected],
  ["failed_transactions", (i) => i.impact.failedTransactions],
  ["regions", (i) => i.impact.regions.join(" ")],
  ["capabilities", (i) => i.impact.capabilities.join(" ")],
  ["blast_radius", (i) => i.blastRadius],
  ["root_cause_category", (i) => i.rootCause.category],
  ["root_cause_description", (i) => i.rootCause.description],
  ["change_reference", (i) => i.change.reference],
  ["change_author_level", (i) => i.change.authorLevel],
  ["change_approval", (i) => i.change.approval],
  ["ai_involvement", (i) => i.ai.involvement],
  ["ai_tool", (i) => i.ai.tool],
  ["policy_violation", (i) => i.policyViolation],
  ["postmortem_state", (i) => i.postmortemState ?? "NONE"],
  ["summary", (i) => i.summary],
];

export const CSV_HEADER = csvLine(COLUMNS.map(([header]) => header));
export const incidentCsvLine = (item: IncidentListItem) => csvLine(COLUMNS.map(([, value]) => value(item)));

const EXPORT_PAGE_SIZE = 500;

/**
 * Every incident the filters match, in the view's order, whatever page the view was on. Each
 * pull reads the next keyset page, so the client's pace sets the database's.
 */
export function incidentCsvStream(
  db: IncidentListReader,
  params: Pick<IncidentListParams, "filters" | "sort">,
  options: { timeZone: string; now?: Date; pageSize?: number },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const now = options.now ?? new Date();
  let cursor: string | null | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_HEADER));
    },
    async pull(controller) {
      try {
        const page = await listIncidentPage(db, { ...params, after: cursor, pageSize: options.pageSize ?? EXPORT_PAGE_SIZE, timeZone: options.timeZone, now });
        if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map(incidentCsvLine).join("")));
        cursor = page.nextCursor;
        if (!cursor) controller.close();
      } catch (error) {
        // The status line is long gone: log it, and cut the download short rather than let it look complete.
        console.error("incident CSV export failed mid-stream", error);
        controller.error(error);
      }
    },
  });
}
