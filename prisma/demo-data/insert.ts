// Writes generated demo data with plain pg: the catalogue idempotently, incidents in bulk with
// fresh references above any already handed out, changes in bulk. Callers own the transaction
// (see inTransaction).
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_SIGN_IN_ACCOUNTS } from "./catalog";
import { CHANGE_COLUMNS, type ChangeRow } from "./change-columns";
import type { DemoCatalogue, DemoChange, DemoIncident } from "./types";
import { AUDIT_COLUMNS, INCIDENT_COLUMNS, LINK_COLUMNS, type IncidentRow, type ServiceLink } from "./incident-columns";
import { postmortemStatements } from "./insert-postmortems";
import { insertStatements, runStatements, type Queryable, type Statement } from "./sql";

export type CatalogueIds = { teams: Map<string, string>; services: Map<string, string>; users: Map<string, string> };
export type InsertedCounts = { incidents: number; postmortems: number; timelineEvents: number; fiveWhys: number; actionItems: number };

/** The single settings row (id 1), with the defaults of the specification, unless one exists. */
export async function ensureOrganisationSettings(client: Queryable): Promise<void> {
  await client.query(`INSERT INTO organisation_settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING`);
}

async function idsBy(client: Queryable, table: string, key: string, values: string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ id: string; key: string }>(`SELECT id, "${key}" AS key FROM "${table}" WHERE "${key}" = ANY($1::text[])`, [values]);
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** The demo sign-in accounts get their passwords, unless someone already set one. */
export async function setDemoPasswords(client: Queryable): Promise<void> {
  for (const account of DEMO_SIGN_IN_ACCOUNTS) {
    await client.query(`UPDATE users SET password_hash = $2 WHERE email = $1 AND password_hash IS NULL`, [account.email, await hashPassword(account.password)]);
  }
}

/** Teams, services and users of the catalogue; existing ones (same slug or e-mail) are kept as they are. */
export async function ensureCatalogue(client: Queryable, catalogue: DemoCatalogue): Promise<CatalogueIds> {
  await client.query(
    `INSERT INTO teams (id, slug, name, updated_at) SELECT gen_random_uuid(), slug, name, now() FROM unnest($1::text[], $2::text[]) AS u(slug, name)
     ON CONFLICT (slug) DO NOTHING`,
    [catalogue.teams.map((t) => t.slug), catalogue.teams.map((t) => t.name)],
  );
  const teams = await idsBy(
    client,
    "teams",
    "slug",
    catalogue.teams.map((t) => t.slug),
  );
  await client.query(
    `INSERT INTO services (id, slug, name, team_id, slo_target, updated_at)
     SELECT gen_random_uuid(), slug, name, team_id, slo_target, now() FROM unnest($1::text[], $2::text[], $3::uuid[], $4::float8[]) AS u(slug, name, team_id, slo_target)
     ON CONFLICT (slug) DO NOTHING`,
    [
      catalogue.services.map((s) => s.slug),
      catalogue.services.map((s) => s.name),
      catalogue.services.map((s) => teams.get(s.teamSlug)),
      catalogue.services.map((s) => s.sloTarget),
    ],
  );
  await client.query(
    `INSERT INTO users (id, email, name, role, updated_at) SELECT gen_random_uuid(), email, name, role, now() FROM unnest($1::text[], $2::text[], $3::"Role"[]) AS u(email, name, role)
     ON CONFLICT (email) DO NOTHING`,
    [catalogue.users.map((u) => u.email), catalogue.users.map((u) => u.name), catalogue.users.map((u) => u.role)],
  );
  await setDemoPasswords(client);
  return {
    teams,
    services: await idsBy(
      client,
      "services",
      "slug",
      catalogue.services.map((s) => s.slug),
    ),
    users: await idsBy(
      client,
      "users",
      "email",
      catalogue.users.map((u) => u.email),
    ),
  };
}

/**
 * The last reference number handed out per year, with the counters locked until the
 * transaction ends so that the app cannot allocate a number meanwhile.
 */
export async function lockReferenceCounters(client: Queryable): Promise<Map<number, number>> {
  await client.query(`LOCK TABLE incident_reference_counters IN SHARE ROW EXCLUSIVE MODE`);
  const { rows } = await client.query<{ year: number; last_number: number }>(`SELECT year, last_number FROM incident_reference_counters`);
  return new Map(rows.map((row) => [row.year, row.last_number]));
}

/** Raises the counters to the last numbers written; never lowers one. */
export async function saveReferenceCounters(client: Queryable, lastNumbers: Map<number, number>): Promise<void> {
  await client.query(
    `INSERT INTO incident_reference_counters (year, last_number) SELECT * FROM unnest($1::int[], $2::int[])
     ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(incident_reference_counters.last_number, EXCLUDED.last_number)`,
    [[...lastNumbers.keys()], [...lastNumbers.values()]],
  );
}

function parseReference(reference: string): { year: number; number: number } {
  const match = /^INC-(\d{4})-(\d+)$/.exec(reference);
  if (!match) throw new Error(`Generated incident has no valid reference: "${reference}"`);
  return { year: Number(match[1]), number: Number(match[2]) };
}

/**
 * The statements that write incidents with their services, audit events, postmortems and
 * action items. Built without I/O so the next batch can be prepared while the server writes
 * this one. Generated references are shifted above `lastNumbers` (advanced in place).
 */
export function prepareIncidentWrites(
  incidents: readonly DemoIncident[],
  ids: CatalogueIds,
  lastNumbers: Map<number, number>,
): { statements: Statement[]; counts: InsertedCounts } {
  const offsets = new Map(lastNumbers);
  const rows: IncidentRow[] = incidents.map((incident) => {
    const { year, number } = parseReference(incident.reference);
    const shifted = (offsets.get(year) ?? 0) + number;
    lastNumbers.set(year, Math.max(lastNumbers.get(year) ?? 0, shifted));
    const createdAt = incident.detectedAt ?? incident.startedAt;
    const updatedAt = incident.resolvedAt ?? incident.mitigatedAt ?? createdAt;
    const createdById = incident.createdByEmail ? ids.users.get(incident.createdByEmail) : undefined;
    return { id: randomUUID(), reference: `INC-${year}-${String(shifted).padStart(4, "0")}`, incident, createdAt, updatedAt, createdById };
  });
  const links = rows.flatMap((row) =>
    row.incident.serviceSlugs.map((slug): ServiceLink => {
      const serviceId = ids.services.get(slug);
      if (!serviceId) throw new Error(`Unknown service "${slug}" in demo incident ${row.reference}`);
      return { incidentId: row.id, serviceId };
    }),
  );
  const related = postmortemStatements(rows, ids.users);
  return {
    statements: [
      ...insertStatements("incidents", INCIDENT_COLUMNS, rows),
      ...insertStatements("incident_services", LINK_COLUMNS, links),
      ...insertStatements("audit_events", AUDIT_COLUMNS, rows),
      ...related.statements,
    ],
    counts: { incidents: rows.length, ...related.counts },
  };
}

/** Writes incidents (with everything attached) and raises the reference counters past them. */
export async function insertIncidents(client: Queryable, incidents: readonly DemoIncident[], ids: CatalogueIds): Promise<InsertedCounts> {
  const lastNumbers = await lockReferenceCounters(client);
  const { statements, counts } = prepareIncidentWrites(incidents, ids, lastNumbers);
  await runStatements(client, statements);
  await saveReferenceCounters(client, lastNumbers);
  return counts;
}

/** The statements that write changes, each on its service; built without I/O, as the incidents' are. */
export function prepareChangeWrites(changes: readonly DemoChange[], serviceIds: Map<string, string>): Statement[] {
  const rows = changes.map((change): ChangeRow => {
    const serviceId = serviceIds.get(change.serviceSlug);
    if (!serviceId) throw new Error(`Unknown service "${change.serviceSlug}" in demo change ${change.reference}`);
    return { id: randomUUID(), serviceId, change };
  });
  return insertStatements("changes", CHANGE_COLUMNS, rows);
}

export async function insertChanges(client: Queryable, changes: readonly DemoChange[], ids: CatalogueIds): Promise<number> {
  await runStatements(client, prepareChangeWrites(changes, ids.services));
  return changes.length;
}
