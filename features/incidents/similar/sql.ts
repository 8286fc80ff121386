// The SQL behind "similar incidents": the earlier incidents whose words (title, summary and root
// cause, as the search_vector column holds them) most resemble an incident's. Why this shape:
// a trigram KNN scan (pg_trgm GiST, ORDER BY text <-> text) stops early only when near
// duplicates exist; for an incident unlike any other it read the whole 129 MB index at 100 000
// incidents (1 s, so about 10 s at 1 000 000), because the signatures of long texts saturate.
// Ranking every full-text match of the incident's words reads most of the table (its common
// words are in most incidents). So the work is bounded twice: the incident's telling words are
// its rarest lexemes by the column's own statistics (pg_stats, kept by ANALYZE), only as many as
// match CANDIDATE_BUDGET incidents between them (the GIN index's work), and the candidates are
// at most CANDIDATES earlier incidents holding one of them, found through the GIN index
// incidents_search_filters_idx (no index of its own), and only those are scored (the heap's
// work). docs/performance.md has the figures, with the budgets tried.
import { Prisma } from "@/lib/generated/prisma/client";

const { sql } = Prisma;

/** How many similar incidents the page shows. */
export const SIMILAR_LIMIT = 5;
/** How many of the incident's rarest words pick the candidates. */
export const TELLING_WORDS = 8;
/** And how many of the rarest words of its title. */
export const TELLING_TITLE_WORDS = 4;
/** How many incidents the telling words may match between them, by the statistics: bounds the index's work. */
export const CANDIDATE_BUDGET = 100_000;
/** At most this many candidates are scored: the bound that keeps the query fast at any size. */
export const CANDIDATES = 1000;

/** An incident's words as a text array: its lexemes without numbers (dates, counts, ids say nothing of the failure). */
const wordsOf = (vector: Prisma.Sql) => sql`ARRAY(SELECT w.lexeme FROM unnest(${vector}) AS w WHERE w.lexeme !~ '[0-9]')`;

/**
 * The up-to-`limit` earlier incidents most similar to `incidentId`, closest first, with the
 * share of words they have in common: the lexemes both hold (numbers left out) over all the
 * lexemes of the two, 0..1.
 * Only incidents that started before it; never itself.
 */
export function similarIncidentsQuery(incidentId: string, limit = SIMILAR_LIMIT): Prisma.Sql {
  return sql`
    WITH this AS (
      SELECT i.id, i.started_at, i.search_vector AS vector, ${wordsOf(sql`i.search_vector`)} AS words, length(i.search_vector) AS size
      FROM incidents i WHERE i.id = ${incidentId}::uuid
    ),
    frequency AS (
      SELECT f.lexeme, f.share FROM pg_stats s,
        unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS f(lexeme, share)
      WHERE s.schemaname = current_schema() AND s.tablename = 'incidents' AND s.attname = 'search_vector'
    ),
    words AS (
      -- A lexeme the statistics do not list is rarer than every one they list: counted as the rarest listed.
      SELECT w.lexeme AS word, 'A' = ANY(w.weights) AS in_title,
        COALESCE(f.share, (SELECT min(share) FROM frequency), 0) AS share
      FROM this, unnest(this.vector) AS w LEFT JOIN frequency f ON f.lexeme = w.lexeme
      WHERE w.lexeme !~ '[0-9]'
    ),
    budget AS (
      -- The share of incidents the telling words may match between them: CANDIDATE_BUDGET rows.
      SELECT ${CANDIDATE_BUDGET} / GREATEST(c.reltuples, 1) AS share FROM pg_class c WHERE c.oid = 'incidents'::regclass
    ),
    telling AS (
      -- The rarest words, and the rarest of the title (an incident with the same title is then a
      -- candidate even when the rarest words, often of the summary, are not in it), as long as
      -- they match no more than the budget between them. Quoted for tsquery.
      SELECT string_agg('''' || replace(replace(t.word, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery AS query
      FROM (SELECT DISTINCT ON (word) word, share FROM (
          (SELECT word, share FROM words ORDER BY share, word LIMIT ${TELLING_WORDS})
          UNION ALL (SELECT word, share FROM words WHERE in_title ORDER BY share, word LIMIT ${TELLING_TITLE_WORDS})) AS chosen
        ) AS t, budget
      WHERE (SELECT sum(w.share) FROM words w WHERE (w.share, w.word) <= (t.share, t.word)) <= budget.share
    ),
    candidates AS (
      SELECT e.id, e.reference, e.title, e.severity, e.root_cause_category, e.started_at, e.search_vector
      FROM incidents e, this, telling
      -- COALESCE: the expression incidents_search_filters_idx holds.
      WHERE COALESCE(e.search_vector, ''::tsvector) @@ telling.query AND e.started_at < this.started_at AND e.id <> this.id
      LIMIT ${CANDIDATES}
    )
    SELECT c.id::text AS id, c.reference, c.title, c.severity::text AS severity, c.root_cause_category::text AS "rootCauseCategory",
      c.started_at AS "startedAt", shared.n::float8 / GREATEST(1, length(c.search_vector) + this.size - shared.n) AS resemblance
    FROM candidates c CROSS JOIN this
    -- ts_delete drops the incident's words from the candidate's by binary search: what it dropped is shared.
    CROSS JOIN LATERAL (SELECT length(c.search_vector) - length(ts_delete(c.search_vector, this.words)) AS n) AS shared
    ORDER BY resemblance DESC, c.started_at DESC, c.reference
    LIMIT ${limit}`;
}
