-- DropIndex
DROP INDEX "incidents_change_reference_idx";

-- CreateIndex
CREATE INDEX "changes_metrics_idx" ON "changes"("deployed_at", "service_id", "ai_effective", "policy_violation", "reference");

-- CreateIndex
CREATE INDEX "incidents_change_reference_started_at_mitigated_at_idx" ON "incidents"("change_reference", "started_at", "mitigated_at");
