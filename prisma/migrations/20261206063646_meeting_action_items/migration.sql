-- AlterTable
ALTER TABLE "action_items" ADD COLUMN     "agenda_item_id" UUID,
ALTER COLUMN "incident_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "wheel_spun_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "action_items_review_id_idx" ON "action_items"("review_id");

-- AddForeignKey
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An action item belongs to an incident or was agreed in a review's meeting (Prisma cannot express this).
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_incident_or_review_check" CHECK ("incident_id" IS NOT NULL OR "review_id" IS NOT NULL);
