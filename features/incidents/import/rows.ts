// A CSV record to an incident's input: the file's columns as the mapping names them, each
// cell read by values.ts, then the same checks as filing (check.ts), every problem reported on
// the file's line and under the file's column header.
import { withoutFormulaPrefix } from "@/features/incidents/list/csv";
import { INCIDENT_REFERENCE } from "@/features/incidents/reference";
import { checkIncidentInput, allIncidentErrors } from "@/features/incidents/check";
import type { IncidentInput } from "@/features/incidents/schemas";
import { guessMapping, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportColumn, type ImportError, type ImportField } from "./fields";
import {
  BELOW_SEV2,
  readAiInvolvement,
  readApproval,
  readAuthorLevel,
  readBlastRadius,
  readCount,
  readInstant,
  readList,
  readRootCause,
  readSeverity,
  readStatus,
} from "./values";

export type CatalogueService = { id: string; slug: string; name: string };
/** Every service, by slug and by name in lower case. */
export type ServiceCatalogue = Map<string, CatalogueService>;
export type ImportRow = { line: number; reference: string | null; input: IncidentInput; serviceIds: string[] };

/** How the file's columns are read: which column holds each field. */
export type ImportPlan = { columns: ImportColumn[]; index: Map<ImportField, number> };

/**
 * The columns of the file as the mapping names them: a header it names takes that field (or
 * none, for null), the others keep the guess, unless the mapping gave their field to another
 * column. Problems of the header itself (a required field without a column) are on line 1.
 */
export function planColumns(headers: string[], mapping: Record<string, ImportField | null>): { plan: ImportPlan; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const named = new Set(Object.values(mapping).filter((field) => field !== null));
  const guessed = guessMapping(headers);
  const columns = headers.map((header, i) => ({
    header,
    field: Object.hasOwn(mapping, header) ? mapping[header]! : guessed[i] && !named.has(guessed[i]) ? guessed[i] : null,
  }));
  for (const header of Object.keys(mapping)) {
    if (!headers.includes(header)) errors.push({ line: 1, column: header, message: "the mapping names a column the file does not have" });
  }
  const index = new Map<ImportField, number>();
  columns.forEach(({ header, field }, i) => {
    if (!field) return;
    if (index.has(field)) errors.push({ line: 1, column: header, message: `${field} is already read from the column "${headers[index.get(field)!]}"` });
    else index.set(field, i);
  });
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!index.has(field)) {
      const label = IMPORT_FIELDS.find((f) => f.field === field)!.label;
      errors.push({ line: 1, column: field, message: `no column is mapped to ${field} (${label}), which is required` });
    }
  }
  return { plan: { columns, index }, errors };
}

/** Where each of the input's fields comes from, for the messages of check.ts. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  title: "title",
  summary: "summary",
  severity: "severity",
  status: "status",
  services: "services",
  startedAt: "started_at",
  detectedAt: "detected_at",
  mitigatedAt: "mitigated_at",
  resolvedAt: "resolved_at",
  "impact.usersAffected": "users_affected",
  "impact.failedTransactions": "failed_transactions",
  "impact.regions": "regions",
  "impact.capabilities": "capabilities",
  blastRadius: "blast_radius",
  "rootCause.category": "root_cause_category",
  "rootCause.description": "root_cause_description",
  "change.reference": "change_reference",
  "change.authorLevel": "change_author_level",
  "change.approval": "change_approval",
  "ai.involvement": "ai_involvement",
  "ai.tool": "ai_tool",
};

/** The services a cell names: one name with spaces, or slugs and names between spaces or commas. */
function readServices(cell: string, catalogue: ServiceCatalogue) {
  const whole = catalogue.get(cell.trim().toLowerCase());
  if (whole) return { services: [whole], unknown: [] };
  const services: CatalogueService[] = [];
  const unknown: string[] = [];
  for (const part of cell
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const named = catalogue.get(part.toLowerCase());
    if (named) services.push(named);
    else {
      for (const word of part.split(/\s+/)) {
        const service = catalogue.get(word.toLowerCase());
        if (service) services.push(service);
        else unknown.push(word);
      }
    }
  }
  return { services: [...new Map(services.map((s) => [s.id, s])).values()], unknown };
}

const REFERENCE_HINT = "leave the reference column unmapped to have references allocated";

/** One record as an incident to import, or its problems. */
export function readImportRow(
  record: { line: number; cells: string[] },
  plan: ImportPlan,
  catalogue: ServiceCatalogue,
  now: Date,
): { row: ImportRow; errors?: undefined } | { row?: undefined; errors: ImportError[] } {
  const { line, cells } = record;
  const errors: ImportError[] = [];
  const columnOf = (field: ImportField) => {
    const i = plan.index.get(field);
    return i === undefined ? field : plan.columns[i]!.header;
  };
  const add = (field: ImportField, message: string) => errors.push({ line, column: columnOf(field), message });
  if (cells.length !== plan.columns.length) {
    const column = plan.columns[Math.min(cells.length, plan.columns.length - 1)]?.header ?? "";
    return { errors: [{ line, column, message: `has ${cells.length} cells where the header has ${plan.columns.length}` }] };
  }
  /** The cell of a field, as written before the export's formula prefix; undefined when unmapped or blank. */
  const cell = (field: ImportField): string | undefined => {
    const i = plan.index.get(field);
    const text = i === undefined ? undefined : withoutFormulaPrefix(cells[i]!);
    return text === undefined || text.trim() === "" ? undefined : text;
  };
  for (const field of REQUIRED_IMPORT_FIELDS) if (plan.index.has(field) && cell(field) === undefined) add(field, "is required");

  let reference: string | null = null;
  if (plan.index.has("reference")) {
    reference = cell("reference")?.trim() ?? null;
    if (reference === null) add("reference", `is empty: give every row its reference, or ${REFERENCE_HINT}`);
    else if (!INCIDENT_REFERENCE.test(reference) || reference.length > 17)
      add("reference", `must look like INC-2026-0042 (INC-, a year, a number of 4 to 8 digits); ${REFERENCE_HINT}`);
  }

  const severity = cell("severity");
  if (severity && BELOW_SEV2.test(severity.trim())) add("severity", `${severity.trim()} is below SEV2: only SEV1 and SEV2 incidents are tracked`);
  const servicesCell = cell("services");
  const { services, unknown } = servicesCell ? readServices(servicesCell, catalogue) : { services: [], unknown: [] };
  if (unknown.length > 0) add("services", `unknown service: ${unknown.join(", ")} (name each by its slug or its name)`);

  const resolvedAt = cell("resolved_at");
  const mitigatedAt = cell("mitigated_at") ?? resolvedAt;
  const instant = (text: string | undefined) => (text === undefined ? undefined : readInstant(text));
  const count = (text: string | undefined) => (text === undefined ? undefined : readCount(text));
  const raw = {
    title: cell("title"),
    summary: cell("summary") ?? "",
    severity: severity === undefined ? undefined : readSeverity(severity),
    status: readStatus(cell("status") ?? (resolvedAt ? "RESOLVED" : mitigatedAt ? "MITIGATED" : "INVESTIGATING")),
    services: services.map((s) => s.slug),
    startedAt: instant(cell("started_at")),
    detectedAt: instant(cell("detected_at")),
    mitigatedAt: instant(mitigatedAt),
    resolvedAt: instant(resolvedAt),
    impact: {
      usersAffected: count(cell("users_affected")) ?? 0,
      failedTransactions: count(cell("failed_transactions")),
      regions: readList(cell("regions") ?? ""),
      capabilities: readList(cell("capabilities") ?? ""),
    },
    blastRadius: readBlastRadius(cell("blast_radius") ?? (services.length > 1 ? "MULTI_SERVICE" : "SINGLE_SERVICE")),
    rootCause: { category: readRootCause(cell("root_cause_category") ?? "UNKNOWN"), description: cell("root_cause_description") ?? "" },
    change: {
      reference: cell("change_reference"),
      authorLevel: cell("change_author_level") === undefined ? undefined : readAuthorLevel(cell("change_author_level")!),
      approval: readApproval(cell("change_approval") ?? "NONE"),
    },
    ai: { involvement: readAiInvolvement(cell("ai_involvement") ?? "NONE"), tool: cell("ai_tool") },
  };
  const check = checkIncidentInput(raw, now);
  const reported = new Set(errors.map((e) => e.column));
  for (const [path, messages] of Object.entries(allIncidentErrors(check))) {
    const field = FIELD_OF_PATH[path];
    const column = field ? columnOf(field) : path;
    if (!reported.has(column)) for (const message of messages) errors.push({ line, column, message });
  }
  if (errors.length > 0 || !check.input) return { errors };
  return { row: { line, reference, input: check.input, serviceIds: services.map((s) => s.id) } };
}
