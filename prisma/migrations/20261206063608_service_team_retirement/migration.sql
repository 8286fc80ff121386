-- Services and teams are edited with version checks, and retired rather than deleted: a
-- retired one keeps its incidents and figures but is offered for nothing new.
ALTER TABLE "services" ADD COLUMN "retired_at" TIMESTAMPTZ(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "teams" ADD COLUMN "retired_at" TIMESTAMPTZ(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
