-- AlterTable
ALTER TABLE "organisation_settings" ADD COLUMN     "ai_tools" TEXT[] DEFAULT ARRAY['Claude', 'Copilot', 'Cursor', 'Codex', 'Gemini', 'Amazon Q', 'Kiro', 'Devin', 'Aider', 'Windsurf', 'Cody', 'Tabnine', 'Jules']::TEXT[];

-- CreateTable
CREATE TABLE "changes" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "service_id" UUID NOT NULL,
    "deployed_at" TIMESTAMPTZ(3) NOT NULL,
    "title" TEXT,
    "url" TEXT,
    "author_level" "AuthorLevel",
    "approval" "ChangeApproval" NOT NULL DEFAULT 'NONE',
    "ai_involvement" "AiInvolvement" NOT NULL DEFAULT 'NONE',
    "ai_tool" TEXT,
    "commits" JSONB NOT NULL DEFAULT '[]',
    "trailer_involvement" "AiInvolvement" NOT NULL DEFAULT 'NONE',
    "co_authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ai_detected" "AiInvolvement" NOT NULL DEFAULT 'NONE',
    "ai_detected_tool" TEXT,
    "ai_effective" "AiInvolvement" NOT NULL DEFAULT 'NONE',
    "policy_violation" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "changes_reference_key" ON "changes"("reference");

-- CreateIndex
CREATE INDEX "changes_deployed_at_id_idx" ON "changes"("deployed_at", "id");

-- CreateIndex
CREATE INDEX "changes_service_id_deployed_at_idx" ON "changes"("service_id", "deployed_at");

-- CreateIndex
CREATE INDEX "changes_ai_effective_deployed_at_idx" ON "changes"("ai_effective", "deployed_at");

-- CreateIndex
CREATE INDEX "incidents_change_reference_idx" ON "incidents"("change_reference");

-- AddForeignKey
ALTER TABLE "changes" ADD CONSTRAINT "changes_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
