import { queryAppDatabase } from "./db";

export type ChangeBatch = {
  /** Prefix of the references, unique to the test. */
  prefix: string;
  service: string;
  /** The first deploy; the next ones follow every two hours. */
  firstDeploy: string;
  aiInvolved: { changes: number; failed: number };
  other: { changes: number; failed: number };
  /** The number in the first incident's reference (INC-<year>-<number>), unique to the test. */
  firstIncident: number;
};

/**
 * Writes changes straight to the app's database: AI-involved ones first (assisted, generated
 * and agent in turn, every other one without the required sign-off), then the others. The
 * first `failed` of each group get an incident each, a Sev2 (the first of each group a Sev1)
 * starting 30 minutes after the deploy and mitigated an hour later.
 */
export async function insertChanges(batch: ChangeBatch): Promise<void> {
  const ai = batch.aiInvolved;
  const total = ai.changes + batch.other.changes;
  await queryAppDatabase(
    `INSERT INTO changes (id, reference, service_id, deployed_at, ai_involvement, ai_effective, policy_violation, updated_at)
     SELECT gen_random_uuid(), $1 || g, s.id, $3::timestamptz + (g - 1) * interval '2 hours', kind, kind, kind <> 'NONE' AND g % 2 = 0, now()
     FROM services s, generate_series(1, $4::int) AS g,
       LATERAL (SELECT (CASE WHEN g > $5::int THEN 'NONE' ELSE (ARRAY['ASSISTED', 'GENERATED', 'AGENT'])[1 + g % 3] END)::"AiInvolvement" AS kind) AS k
     WHERE s.slug = $2`,
    [batch.prefix, batch.service, batch.firstDeploy, total, ai.changes],
  );
  await queryAppDatabase(
    `WITH failing AS (
       SELECT c.* FROM changes c JOIN generate_series(1, $2::int) AS g ON c.reference = $1 || g
       WHERE g <= $3::int OR (g > $4::int AND g <= $4::int + $5::int)
     ), filed AS (
       INSERT INTO incidents (id, reference, title, severity, status, started_at, mitigated_at, blast_radius, change_reference, ai_involvement, updated_at)
       SELECT gen_random_uuid(), 'INC-' || to_char(c.deployed_at, 'YYYY') || '-' || ($7::int - 1 + row_number() OVER (ORDER BY c.deployed_at)),
         'Failed change ' || c.reference,
         (CASE WHEN c.reference IN ($1 || 1, $1 || ($4::int + 1)) THEN 'SEV1' ELSE 'SEV2' END)::"Severity", 'MITIGATED',
         c.deployed_at + interval '30 minutes', c.deployed_at + interval '90 minutes', 'SINGLE_SERVICE', c.reference, c.ai_effective, now()
       FROM failing c
       RETURNING id
     )
     INSERT INTO incident_services (incident_id, service_id) SELECT f.id, s.id FROM filed f, services s WHERE s.slug = $6`,
    [batch.prefix, total, ai.failed, ai.changes, batch.other.failed, batch.service, batch.firstIncident],
  );
}
