// The columns a CSV import reads, and the guess of which column of a file is which. Pure (no
// server code), so the import page can guess in the browser what the server will read.

/** The export's columns that hold data, in the export's order: each can be imported. */
export const IMPORT_FIELDS = [
  { field: "reference", label: "Reference", required: false },
  { field: "title", label: "Title", required: true },
  { field: "severity", label: "Severity", required: true },
  { field: "status", label: "Status", required: false },
  { field: "services", label: "Affected services", required: true },
  { field: "started_at", label: "Impact started", required: true },
  { field: "detected_at", label: "Detected", required: false },
  { field: "mitigated_at", label: "Mitigated", required: false },
  { field: "resolved_at", label: "Resolved", required: false },
  { field: "users_affected", label: "Users affected", required: false },
  { field: "failed_transactions", label: "Failed transactions", required: false },
  { field: "regions", label: "Regions", required: false },
  { field: "capabilities", label: "Capabilities", required: false },
  { field: "blast_radius", label: "Blast radius", required: false },
  { field: "root_cause_category", label: "Root-cause category", required: false },
  { field: "root_cause_description", label: "Root-cause description", required: false },
  { field: "change_reference", label: "Change reference", required: false },
  { field: "change_author_level", label: "Author level", required: false },
  { field: "change_approval", label: "Highest sign-off", required: false },
  { field: "ai_involvement", label: "AI involvement", required: false },
  { field: "ai_tool", label: "AI tool", required: false },
  { field: "summary", label: "Summary", required: false },
] as const satisfies readonly { field: string; label: string; required: boolean }[];

export type ImportField = (typeof IMPORT_FIELDS)[number]["field"];

/** How a column of the file was read: as a field, or not at all (null). */
export type ImportColumn = { header: string; field: ImportField | null };
/** A problem of the file: the line its record starts on (the header is line 1) and the file's header text. */
export type ImportError = { line: number; column: string; message: string };
/** The answer of POST /api/v1/incidents/import. */
export type ImportResult = { rows: number; imported: number; skipped: number; errors: ImportError[]; errorCount?: number; columns: ImportColumn[] };

/** The export's columns computed from the others: an import ignores them. */
export const DERIVED_COLUMNS = ["teams", "impact_minutes", "ttd_minutes", "ttm_minutes", "ttr_minutes", "policy_violation", "postmortem_state"] as const;

export const IMPORT_FIELD_NAMES: readonly ImportField[] = IMPORT_FIELDS.map((f) => f.field);
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((f) => f.required).map((f) => f.field);

const isRequired = (field: string) => (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field);

export const isImportField = (name: string): name is ImportField => (IMPORT_FIELD_NAMES as readonly string[]).includes(name);

/** "Created On", "created_at" and "createdOn" alike: lower case, no spaces, underscores or dashes. */
export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[\s_\-.]+/g, "");

/**
 * Other tools' names for each field, best first (compared normalised). Required fields choose
 * first, so a header two fields know ("Description") is the title when nothing better is, and
 * the summary when a "Title" or "Message" column already is.
 */
const ALIASES: Record<ImportField, readonly string[]> = {
  reference: ["reference", "incident reference", "incident number", "incident_number", "number", "id", "incident id", "alias", "tinyid", "key"],
  title: ["title", "message", "description", "name", "incident title"],
  severity: ["severity", "sev", "urgency", "priority", "priority name"],
  status: ["status", "state", "incident status"],
  services: ["services", "service", "service name", "service_name", "services affected", "affected services", "component", "components"],
  started_at: ["started_at", "started", "start time", "created on", "created_at", "createdat", "created", "opened at", "triggered at"],
  detected_at: ["detected_at", "detected", "acknowledged on", "first acknowledged", "acknowledged at", "acknowledged time", "ackedat", "acknowledged_at"],
  mitigated_at: ["mitigated_at", "mitigated", "mitigated on"],
  resolved_at: ["resolved_at", "resolved", "resolved on", "closed at", "closedat", "closed on", "closed time", "resolved time"],
  users_affected: ["users_affected", "users affected", "affected users", "customers affected"],
  failed_transactions: ["failed_transactions", "failed transactions"],
  regions: ["regions", "region"],
  capabilities: ["capabilities", "capability"],
  blast_radius: ["blast_radius", "blast radius", "scope"],
  root_cause_category: ["root_cause_category", "root cause category", "root cause"],
  root_cause_description: ["root_cause_description", "root cause description"],
  change_reference: ["change_reference", "change reference", "change", "change id"],
  change_author_level: ["change_author_level", "author level"],
  change_approval: ["change_approval", "approval", "sign-off"],
  ai_involvement: ["ai_involvement", "ai involvement"],
  ai_tool: ["ai_tool", "ai tool"],
  summary: ["summary", "description", "details", "notes"],
};

const RANKS: { field: ImportField; alias: string; rank: number }[] = Object.entries(ALIASES).flatMap(([field, aliases]) =>
  aliases.map((alias, rank) => ({ field: field as ImportField, alias: normaliseHeader(alias), rank: rank + (isRequired(field) ? 0 : 1000) })),
);

/**
 * The field each header most likely holds, or null (a derived column, or a name no field
 * knows). Each field is given to at most one header; the export's own headers map exactly.
 */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  const candidates = headers.flatMap((header, index) => {
    const name = normaliseHeader(header);
    return RANKS.filter((r) => r.alias === name).map((r) => ({ index, field: r.field, rank: r.rank }));
  });
  candidates.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const mapping: (ImportField | null)[] = headers.map(() => null);
  const taken = new Set<ImportField>();
  for (const { index, field } of candidates) {
    if (mapping[index] !== null || taken.has(field)) continue;
    mapping[index] = field;
    taken.add(field);
  }
  return mapping;
}
