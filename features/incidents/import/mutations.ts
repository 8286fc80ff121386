// The CSV import (docs/integrations.md, "CSV import"): the file is read a record at a time and
// written a batch at a time inside one transaction, so a 100 000-row file never sits in memory
// and any error leaves nothing behind.
import { auditEventData } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertMay } from "@/lib/auth/assert-may";
import type { Database } from "@/lib/db/client";
import { isPolicyViolation, type ApprovalPolicy } from "@/lib/domain/approval-policy";
import { getOrganisationSettingsForWrite } from "@/lib/organisation-settings";
import { incidentColumns, policyChangeOf } from "@/features/incidents/columns";
import { formatIncidentReference } from "@/features/incidents/reference";
import { CsvSyntaxError, readCsvRecords } from "./csv-parser";
import type { ImportColumn, ImportError, ImportField, ImportResult } from "./fields";
import { existingReferences, readServiceCatalogue } from "./reads";
import { planColumns, readImportRow, type ImportRow } from "./rows";

export type ImportOptions = { dryRun: boolean; mapping?: Record<string, ImportField | null> };

export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_ERRORS = 1_000;
/** The longest an import's transaction may stay open. */
export const IMPORT_MAX_MS = 10 * 60_000;
const BATCH_SIZE = 500;

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
class RollBack extends Error {}

/** What one import has read and found so far. */
class ImportRun {
  rows = 0;
  imported = 0;
  skipped = 0;
  errorCount = 0;
  readonly errors: ImportError[] = [];
  readonly seen = new Set<string>();
  /** The highest given reference number of each year, to raise its counter to. */
  readonly highest = new Map<number, number>();
  batch: ImportRow[] = [];

  report(...errors: ImportError[]) {
    this.errorCount += errors.length;
    this.errors.push(...errors.slice(0, IMPORT_MAX_ERRORS - this.errors.length));
  }

  result(columns: ImportColumn[]): ImportResult {
    const failed = this.errorCount > 0;
    return {
      rows: this.rows,
      imported: failed ? 0 : this.imported,
      skipped: this.skipped,
      errors: this.errors,
      ...(this.errorCount > this.errors.length ? { errorCount: this.errorCount } : {}),
      columns,
    };
  }
}

/**
 * Imports incidents from a CSV stream in the export's columns (or any, with `mapping`). A dry
 * run reads and checks everything and writes nothing; otherwise all rows are written in one
 * transaction, or, at the first error found anywhere in the file, none. A row whose reference
 * already exists, in the database or earlier in the file, is skipped and counted.
 */
export async function importIncidentsCsv(
  db: Database,
  body: ReadableStream<Uint8Array>,
  options: ImportOptions,
  actor: Actor,
  now = new Date(),
): Promise<ImportResult> {
  assertMay(actor, "incident:create", "import incidents");
  const records = readCsvRecords(body);
  const run = new ImportRun();
  let columns: ImportColumn[] = [];
  try {
    const header = await records.next();
    if (header.done) {
      run.report({ line: 1, column: "", message: "the file is empty: its first line must name the columns" });
      return run.result([]);
    }
    const { plan, errors } = planColumns(header.value.cells, options.mapping ?? {});
    columns = plan.columns;
    run.report(...errors);
    const catalogue = await readServiceCatalogue(db);
    const read = async (write: Writer | null) => {
      for await (const record of records) {
        if (++run.rows > IMPORT_MAX_ROWS) {
          run.rows--;
          run.report({ line: record.line, column: "", message: `the file has more than ${IMPORT_MAX_ROWS} rows: split it into several files` });
          break;
        }
        if (errors.length > 0) continue; // the columns are wrong: every row would fail alike
        take(run, readImportRow(record, plan, catalogue, now));
        if (run.batch.length >= BATCH_SIZE) await flush(db, run, write);
      }
      await flush(db, run, write);
    };
    if (options.dryRun) await read(null);
    else {
      await db
        .$transaction(
          async (tx) => {
            const { approvalPolicy } = await getOrganisationSettingsForWrite(tx);
            await read({ tx, approvalPolicy, actor });
            if (run.errorCount > 0) throw new RollBack();
            await raiseReferenceCounters(tx, run.highest);
          },
          { timeout: IMPORT_MAX_MS, maxWait: 10_000 },
        )
        .catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
    }
    return run.result(plan.columns);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    run.report({ line: error.line, column: error.cell === null ? "" : (columns[error.cell]?.header ?? ""), message: error.message });
    return run.result(columns);
  } finally {
    await records.return(undefined);
  }
}

type Writer = { tx: Transaction; approvalPolicy: ApprovalPolicy; actor: Actor };

const REFERENCE_PARTS = /^INC-(\d{4})-(\d+)$/;

function take(run: ImportRun, read: ReturnType<typeof readImportRow>) {
  if (read.errors) return run.report(...read.errors);
  const { reference } = read.row;
  if (reference !== null) {
    if (run.seen.has(reference)) return void run.skipped++;
    run.seen.add(reference);
    const [, year, number] = REFERENCE_PARTS.exec(reference)!;
    run.highest.set(Number(year), Math.max(run.highest.get(Number(year)) ?? 0, Number(number)));
  }
  run.batch.push(read.row);
}

/** Counts the batch's rows that exist already, and writes the others unless this is a dry run or an error was found. */
async function flush(db: Database, run: ImportRun, write: Writer | null) {
  const batch = run.batch;
  run.batch = [];
  if (batch.length === 0) return;
  const existing = await existingReferences(
    write?.tx ?? db,
    batch.flatMap((row) => row.reference ?? []),
  );
  const fresh = batch.filter((row) => row.reference === null || !existing.has(row.reference));
  run.skipped += batch.length - fresh.length;
  if (!write || run.errorCount > 0) {
    run.imported += fresh.length;
    return;
  }
  const references = await allocateReferences(db, fresh);
  const { tx, approvalPolicy, actor } = write;
  const created = await insertIncidents(
    tx,
    fresh.map((row, i) => ({
      reference: references[i]!,
      ...incidentColumns(row.input, isPolicyViolation(policyChangeOf(row.input), approvalPolicy)),
      createdById: actor.userId,
    })),
  );
  run.skipped += fresh.length - created.length;
  run.imported += created.length;
  const rowOf = new Map(fresh.map((row, i) => [references[i]!, row]));
  const links = created.flatMap(({ id, reference }) => rowOf.get(reference)!.serviceIds.map((serviceId) => [id, serviceId] as const));
  await tx.$executeRaw`INSERT INTO incident_services (incident_id, service_id)
    SELECT * FROM unnest(${links.map(([id]) => id)}::uuid[], ${links.map(([, service]) => service)}::uuid[])`;
  const events = created.map(({ id, reference }) => {
    const { input, line } = rowOf.get(reference)!;
    const changes = { created: { reference, title: input.title, severity: input.severity, status: input.status }, line };
    return auditEventData(actor, { action: "incident.import", entityType: "Incident", entityId: id, changes });
  });
  await tx.$executeRaw`INSERT INTO audit_events (actor_user_id, actor_token_id, actor_label, method, action, entity_type, entity_id, changes)
    SELECT e."actorUserId", e."actorTokenId", e."actorLabel", e.method::"ActorMethod", e.action, e."entityType", e."entityId", e.changes
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
      AS e("actorUserId" uuid, "actorTokenId" uuid, "actorLabel" text, method text, action text, "entityType" text, "entityId" text, changes jsonb)`;
}

/**
 * Inserts the incidents in one statement; ON CONFLICT (reference) DO NOTHING, so a row a
 * concurrent import wrote first is skipped rather than failing this one. The ones written.
 */
function insertIncidents(tx: Transaction, rows: (ReturnType<typeof incidentColumns> & { reference: string; createdById: string | null })[]) {
  return tx.$queryRaw<{ id: string; reference: string }[]>`
    INSERT INTO incidents (id, reference, title, summary, severity, status, started_at, detected_at, mitigated_at, resolved_at, users_affected,
      failed_transactions, regions, capabilities, blast_radius, root_cause_category, root_cause_description, change_reference,
      change_author_level, change_approval, ai_involvement, ai_tool, ai_description, policy_violation, created_by_id, updated_at)
    SELECT gen_random_uuid(), r.reference, r.title, r.summary, r.severity::"Severity", r.status::"IncidentStatus", r."startedAt", r."detectedAt",
      r."mitigatedAt", r."resolvedAt", r."usersAffected", r."failedTransactions", r.regions, r.capabilities, r."blastRadius"::"BlastRadius",
      r."rootCauseCategory"::"RootCauseCategory", r."rootCauseDescription", r."changeReference", r."changeAuthorLevel"::"AuthorLevel",
      r."changeApproval"::"ChangeApproval", r."aiInvolvement"::"AiInvolvement", r."aiTool", r."aiDescription", r."policyViolation", r."createdById", now()
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(reference text, title text, summary text, severity text, status text,
      "startedAt" timestamptz, "detectedAt" timestamptz, "mitigatedAt" timestamptz, "resolvedAt" timestamptz, "usersAffected" int,
      "failedTransactions" int, regions text[], capabilities text[], "blastRadius" text, "rootCauseCategory" text, "rootCauseDescription" text,
      "changeReference" text, "changeAuthorLevel" text, "changeApproval" text, "aiInvolvement" text, "aiTool" text, "aiDescription" text,
      "policyViolation" boolean, "createdById" uuid)
    ON CONFLICT (reference) DO NOTHING
    RETURNING id::text AS id, reference`;
}

/**
 * The rows' references: their own, or new ones of the year each started, taken from the
 * counter in one statement per year committed at once (as a filing takes its number), so a
 * long import holds no lock that filings wait for. A failed import leaves a gap, never a repeat.
 */
async function allocateReferences(db: Database, rows: ImportRow[]): Promise<string[]> {
  const references = rows.map((row) => row.reference);
  const years = new Map<number, number[]>();
  rows.forEach((row, i) => {
    if (row.reference !== null) return;
    const year = row.input.startedAt.getUTCFullYear();
    const indexes = years.get(year) ?? [];
    indexes.push(i);
    years.set(year, indexes);
  });
  for (const [year, indexes] of years) {
    const [counter] = await db.$queryRaw<{ last_number: number }[]>`
      INSERT INTO incident_reference_counters (year, last_number) VALUES (${year}, ${indexes.length})
      ON CONFLICT (year) DO UPDATE SET last_number = incident_reference_counters.last_number + ${indexes.length}
      RETURNING last_number`;
    const first = counter!.last_number - indexes.length + 1;
    indexes.forEach((index, n) => (references[index] = formatIncidentReference(year, first + n)));
  }
  return references as string[];
}

/** Raises each year's counter to at least the highest number imported, so a later filing never takes one. */
async function raiseReferenceCounters(tx: Transaction, highest: Map<number, number>) {
  if (highest.size === 0) return;
  await tx.$executeRaw`
    INSERT INTO incident_reference_counters (year, last_number)
    SELECT * FROM unnest(${[...highest.keys()]}::int[], ${[...highest.values()]}::int[])
    ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(incident_reference_counters.last_number, EXCLUDED.last_number)`;
}
