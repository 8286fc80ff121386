-- AlterTable
ALTER TABLE "agenda_items" ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "proposal_key" TEXT,
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "organisation_settings" ADD COLUMN     "slo_target" DOUBLE PRECISION NOT NULL DEFAULT 0.999;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "current_item_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_review_id_proposal_key_key" ON "agenda_items"("review_id", "proposal_key");
