-- PagerDuty V3 webhooks file and update incidents (docs/integrations.md). An incident a tool
-- filed names its source; the fields a person then edits are listed so events never overwrite them.
ALTER TABLE "incidents" ADD COLUMN     "person_edited_fields" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT,
ADD COLUMN     "source_url" TEXT;

-- One row, like organisation_settings: secrets, service and priority mapping.
CREATE TABLE "pagerduty_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "signing_secrets" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "service_map" JSONB NOT NULL DEFAULT '{}',
    "default_service_id" UUID,
    "priorities" JSONB NOT NULL DEFAULT '{"P1":"SEV1","P2":"SEV2"}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3),
    "updated_by" TEXT,

    CONSTRAINT "pagerduty_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pagerduty_settings_one_row" CHECK ("id" = 1)
);

-- Each event once, by PagerDuty's event id; the incident is re-derived from all of its events.
CREATE TABLE "pagerduty_events" (
    "id" TEXT NOT NULL,
    "pagerduty_incident_id" TEXT NOT NULL,
    "incident_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'applied',
    "reason" TEXT,

    CONSTRAINT "pagerduty_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pagerduty_events_outcome" CHECK ("outcome" IN ('applied', 'ignored'))
);

-- CreateIndex
CREATE INDEX "pagerduty_events_incident_id_occurred_at_idx" ON "pagerduty_events"("incident_id", "occurred_at");

-- CreateIndex
CREATE INDEX "pagerduty_events_pagerduty_incident_id_idx" ON "pagerduty_events"("pagerduty_incident_id");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_source_system_source_id_key" ON "incidents"("source_system", "source_id");

-- AddForeignKey
ALTER TABLE "pagerduty_settings" ADD CONSTRAINT "pagerduty_settings_default_service_id_fkey" FOREIGN KEY ("default_service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pagerduty_events" ADD CONSTRAINT "pagerduty_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "pagerduty_settings" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING;
