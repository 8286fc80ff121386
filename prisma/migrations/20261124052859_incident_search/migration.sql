-- Full-text search over an incident's title, summary and root-cause description.
-- A stored generated column rather than a trigger: PostgreSQL keeps it current on every
-- INSERT and UPDATE, whichever path writes the row (app, CLI, seed, psql), and it cannot
-- drift. Prisma maps it as Unsupported("tsvector")? and never writes it. The title weighs
-- most, then the summary, then the root cause.
ALTER TABLE "incidents" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("root_cause_description", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "incidents_search_vector_idx" ON "incidents" USING GIN ("search_vector");
