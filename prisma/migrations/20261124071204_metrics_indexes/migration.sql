-- CreateIndex
CREATE INDEX "incidents_metrics_idx" ON "incidents"("started_at", "id", "mitigated_at", "severity", "ai_involvement", "policy_violation", "detected_at", "resolved_at", "users_affected", "root_cause_category", "blast_radius");

-- Incidents whose impact interval overlaps a window (features/metrics/sql.ts); Prisma cannot declare expression indexes.
CREATE INDEX "incidents_impact_idx" ON "incidents" USING gist (tstzrange(least("started_at", "mitigated_at"), "mitigated_at", '[)'));
