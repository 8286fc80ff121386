-- AlterEnum
ALTER TYPE "AgendaItemKind" ADD VALUE 'FOLLOW_UPS' BEFORE 'SEV1_DEEP_DIVE';

-- CreateTable
CREATE TABLE "not_repeat_marks" (
    "incident_id" UUID NOT NULL,
    "earlier_incident_id" UUID NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "marked_by_id" UUID,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "not_repeat_marks_pkey" PRIMARY KEY ("incident_id","earlier_incident_id")
);

-- CreateIndex
CREATE INDEX "not_repeat_marks_earlier_incident_id_idx" ON "not_repeat_marks"("earlier_incident_id");

-- CreateIndex
CREATE INDEX "incidents_root_cause_category_started_at_idx" ON "incidents"("root_cause_category", "started_at");

-- AddForeignKey
ALTER TABLE "not_repeat_marks" ADD CONSTRAINT "not_repeat_marks_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "not_repeat_marks" ADD CONSTRAINT "not_repeat_marks_earlier_incident_id_fkey" FOREIGN KEY ("earlier_incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "not_repeat_marks" ADD CONSTRAINT "not_repeat_marks_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An incident is never marked as not a repeat of itself (Prisma cannot express this).
ALTER TABLE "not_repeat_marks" ADD CONSTRAINT "not_repeat_marks_distinct_check" CHECK ("incident_id" <> "earlier_incident_id");
