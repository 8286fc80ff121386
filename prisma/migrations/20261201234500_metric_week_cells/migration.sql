-- Closed weeks' figures kept exactly (features/metrics/cells.ts, docs/metrics.md "How the
-- figures are kept"). A cell holds one scope's figures for one week that has ended; the week
-- still running is always computed live.
--
-- Every write that can change a closed week's figures appends a row to metric_invalidations
-- for that week (NULL: every week) in its own transaction, from the triggers below, so no
-- write path can forget. A cell is current while the number of rows for its week (plus the
-- NULL rows) equals its stamp: counts only grow, and a cell computed from a snapshot that
-- missed a write carries the count that snapshot saw, which the write's row then exceeds.
-- Appending never waits on another writer.

CREATE TABLE "metric_invalidations" (
  "id" BIGSERIAL NOT NULL,
  "week_start" DATE,
  CONSTRAINT "metric_invalidations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "metric_invalidations_week_start_idx" ON "metric_invalidations" ("week_start");

CREATE TABLE "metric_week_cells" (
  "time_zone" TEXT NOT NULL,
  "week_start" DATE NOT NULL,
  -- '' every incident; 't:<team id>' a team's; 's:<service id>' a service's
  "scope" TEXT NOT NULL,
  "stamp" BIGINT NOT NULL,
  "incidents" INTEGER NOT NULL,
  "sev1" INTEGER NOT NULL,
  "sev2" INTEGER NOT NULL,
  "ai_involved" INTEGER NOT NULL,
  "ai_sev1" INTEGER NOT NULL,
  "policy_violations" INTEGER NOT NULL,
  "users_affected" BIGINT NOT NULL,
  -- microseconds of the week covered by an impact interval: all, AI-involved, the others
  "impact_us" BIGINT NOT NULL,
  "ai_impact_us" BIGINT NOT NULL,
  "other_impact_us" BIGINT NOT NULL,
  -- durations in whole minutes as histograms: distinct values ascending, and their counts
  "ttd" INTEGER[] NOT NULL,
  "ttd_counts" INTEGER[] NOT NULL,
  "ttm_ai" INTEGER[] NOT NULL,
  "ttm_ai_counts" INTEGER[] NOT NULL,
  "ttm_other" INTEGER[] NOT NULL,
  "ttm_other_counts" INTEGER[] NOT NULL,
  "ttr" INTEGER[] NOT NULL,
  "ttr_counts" INTEGER[] NOT NULL,
  -- the week's own [median, p90] of each duration ('{}' with none), for the weekly figures
  "ttd_stats" DOUBLE PRECISION[] NOT NULL,
  "ttm_stats" DOUBLE PRECISION[] NOT NULL,
  "ttr_stats" DOUBLE PRECISION[] NOT NULL,
  "root_causes" JSONB NOT NULL,
  "blast_radii" JSONB NOT NULL,
  CONSTRAINT "metric_week_cells_pkey" PRIMARY KEY ("time_zone", "week_start", "scope")
);

-- The closed weeks of a window summed (its first to last week, all kept): what the period
-- figures read, so that they merge one set of histograms rather than one per week. Its
-- histograms' counts are cumulative (how many values are at most each), for
-- metric_percentiles, and TTM is kept whole beside its AI and other parts. Current while its
-- stamp equals the sum of its weeks' counts of invalidations.
CREATE TABLE "metric_period_cells" (
  "time_zone" TEXT NOT NULL,
  "scope" TEXT NOT NULL,
  "week_start" DATE NOT NULL,
  "last_week" DATE NOT NULL,
  "stamp" BIGINT NOT NULL,
  "incidents" INTEGER NOT NULL,
  "sev1" INTEGER NOT NULL,
  "sev2" INTEGER NOT NULL,
  "ai_involved" INTEGER NOT NULL,
  "ai_sev1" INTEGER NOT NULL,
  "policy_violations" INTEGER NOT NULL,
  "users_affected" BIGINT NOT NULL,
  "impact_us" BIGINT NOT NULL,
  "ai_impact_us" BIGINT NOT NULL,
  "other_impact_us" BIGINT NOT NULL,
  "ttd" INTEGER[] NOT NULL,
  "ttd_counts" BIGINT[] NOT NULL,
  "ttm_ai" INTEGER[] NOT NULL,
  "ttm_ai_counts" BIGINT[] NOT NULL,
  "ttm_other" INTEGER[] NOT NULL,
  "ttm_other_counts" BIGINT[] NOT NULL,
  "ttr" INTEGER[] NOT NULL,
  "ttr_counts" BIGINT[] NOT NULL,
  "ttm" INTEGER[] NOT NULL,
  "ttm_counts" BIGINT[] NOT NULL,
  "root_causes" JSONB NOT NULL,
  "blast_radii" JSONB NOT NULL,
  CONSTRAINT "metric_period_cells_pkey" PRIMARY KEY ("time_zone", "scope", "week_start", "last_week")
);

-- Percentiles over two histograms of whole minutes at once (a period cell's and the live
-- weeks'), each as its distinct values ascending with cumulative counts, found by binary
-- search rather than by spelling either out.

-- How many of a histogram's values are at most x.
CREATE FUNCTION "metric_count_upto"("vals" INTEGER[], "upto" BIGINT[], "x" INTEGER) RETURNS BIGINT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  lo int := 1;
  hi int := coalesce(cardinality(vals), 0);
  mid int;
  found bigint := 0;
BEGIN
  WHILE lo <= hi LOOP
    mid := (lo + hi) / 2;
    IF vals[mid] <= x THEN
      found := upto[mid];
      lo := mid + 1;
    ELSE
      hi := mid - 1;
    END IF;
  END LOOP;
  RETURN found;
END $$;

-- The value at 0-based rank k of the two histograms together: the smallest value v of either
-- with more than k values at most v.
CREATE FUNCTION "metric_value_at"("a" INTEGER[], "a_upto" BIGINT[], "b" INTEGER[], "b_upto" BIGINT[], "k" BIGINT) RETURNS INTEGER
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  best int := NULL;
  lo int;
  hi int;
  mid int;
BEGIN
  lo := 1;
  hi := coalesce(cardinality(a), 0);
  WHILE lo <= hi LOOP
    mid := (lo + hi) / 2;
    IF a_upto[mid] + "metric_count_upto"(b, b_upto, a[mid]) > k THEN
      best := a[mid];
      hi := mid - 1;
    ELSE
      lo := mid + 1;
    END IF;
  END LOOP;
  lo := 1;
  hi := coalesce(cardinality(b), 0);
  WHILE lo <= hi LOOP
    mid := (lo + hi) / 2;
    IF b_upto[mid] + "metric_count_upto"(a, a_upto, b[mid]) > k THEN
      best := least(best, b[mid]);
      hi := mid - 1;
    ELSE
      lo := mid + 1;
    END IF;
  END LOOP;
  RETURN best;
END $$;

-- [median, p90] of the two histograms together by the ranks and interpolation of
-- percentile_cont (lib/metrics/percentile.ts); NULL with no values.
CREATE FUNCTION "metric_percentiles"("a" INTEGER[], "a_upto" BIGINT[], "b" INTEGER[], "b_upto" BIGINT[]) RETURNS DOUBLE PRECISION[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  av int[] := a;
  au bigint[] := a_upto;
  bv int[] := b;
  bu bigint[] := b_upto;
  n bigint := coalesce(au[cardinality(au)], 0) + coalesce(bu[cardinality(bu)], 0);
  p float8;
  rank float8;
  below float8;
  above float8;
  result float8[] := '{}';
BEGIN
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  FOREACH p IN ARRAY ARRAY[0.5, 0.9]::float8[] LOOP
    rank := p * (n - 1);
    below := "metric_value_at"(av, au, bv, bu, floor(rank)::bigint);
    above := "metric_value_at"(av, au, bv, bu, ceil(rank)::bigint);
    result := result || (below + (above - below) * (rank - floor(rank)));
  END LOOP;
  RETURN result;
END $$;

-- Appends the closed weeks (in the organisation's zone) that incidents spanning
-- [started_at, mitigated_at or open) touch: the week each started in and every week its
-- impact reaches. "Closed" leaves an hour's margin past now, more than any transaction of the
-- app lasts, so a week that ends while this transaction is still open is recorded too. A
-- statement touching more than 60 weeks or 1 000 incidents (a policy change, a bulk load)
-- records one NULL row instead.
CREATE FUNCTION "metric_invalidate_spans"("spans" tstzrange[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zone text := coalesce((SELECT "time_zone" FROM "organisation_settings" WHERE "id" = 1), 'UTC');
  cutoff timestamptz := statement_timestamp() + interval '1 hour';
  weeks date[];
BEGIN
  IF cardinality(spans) > 1000 THEN
    INSERT INTO "metric_invalidations" ("week_start") VALUES (NULL);
    RETURN;
  END IF;
  SELECT array_agg(DISTINCT w ORDER BY w) INTO weeks
  FROM unnest(spans) AS s,
    LATERAL generate_series(
      date_trunc('week', lower(s) AT TIME ZONE zone),
      date_trunc('week', least(coalesce(upper(s), cutoff), cutoff) AT TIME ZONE zone),
      interval '7 days') AS g,
    LATERAL (SELECT g::date AS w) AS d
  WHERE ((g + interval '7 days') AT TIME ZONE zone) <= cutoff;
  IF weeks IS NULL THEN
    RETURN;
  ELSIF cardinality(weeks) > 60 THEN
    INSERT INTO "metric_invalidations" ("week_start") VALUES (NULL);
  ELSE
    INSERT INTO "metric_invalidations" ("week_start") SELECT unnest(weeks);
  END IF;
END $$;

-- An incident's span: from its start to the later of start and mitigation, open while not mitigated.
CREATE FUNCTION "metric_incident_span"("started_at" timestamptz, "mitigated_at" timestamptz) RETURNS tstzrange
LANGUAGE sql IMMUTABLE AS $$
  SELECT tstzrange(started_at, CASE WHEN mitigated_at IS NOT NULL THEN greatest(started_at, mitigated_at) END, '[]')
$$;

-- An update that changes none of the columns the figures read (a title, a summary) records nothing.
CREATE FUNCTION "metric_incidents_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "metric_invalidate_spans"((SELECT array_agg("metric_incident_span"(n."started_at", n."mitigated_at")) FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "metric_invalidate_spans"((SELECT array_agg("metric_incident_span"(o."started_at", o."mitigated_at")) FROM old_rows o));
  ELSIF (SELECT count(*) FROM new_rows) > 1000 THEN
    -- a policy change or a bulk edit: every week, without pairing a thousand rows up
    INSERT INTO "metric_invalidations" ("week_start") VALUES (NULL);
  ELSE
    PERFORM "metric_invalidate_spans"((
      SELECT array_agg(span) FROM old_rows o JOIN new_rows n USING ("id"),
        LATERAL (VALUES ("metric_incident_span"(o."started_at", o."mitigated_at")), ("metric_incident_span"(n."started_at", n."mitigated_at"))) AS v(span)
      WHERE (o."started_at", o."detected_at", o."mitigated_at", o."resolved_at", o."severity", o."ai_involvement", o."policy_violation",
          o."users_affected", o."root_cause_category", o."blast_radius")
        IS DISTINCT FROM (n."started_at", n."detected_at", n."mitigated_at", n."resolved_at", n."severity", n."ai_involvement", n."policy_violation",
          n."users_affected", n."root_cause_category", n."blast_radius")));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "metric_incidents_inserted" AFTER INSERT ON "incidents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_incidents_changed"();
CREATE TRIGGER "metric_incidents_updated" AFTER UPDATE ON "incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_incidents_changed"();
CREATE TRIGGER "metric_incidents_deleted" AFTER DELETE ON "incidents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_incidents_changed"();

-- Which services an incident touched decides its team and service scopes.
CREATE FUNCTION "metric_incident_services_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "metric_invalidate_spans"((SELECT array_agg("metric_incident_span"(i."started_at", i."mitigated_at")) FROM "incidents" i WHERE i."id" IN (SELECT "incident_id" FROM new_rows)));
  ELSE
    PERFORM "metric_invalidate_spans"((SELECT array_agg("metric_incident_span"(i."started_at", i."mitigated_at")) FROM "incidents" i WHERE i."id" IN (SELECT "incident_id" FROM old_rows)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "metric_incident_services_inserted" AFTER INSERT ON "incident_services"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_incident_services_changed"();
CREATE TRIGGER "metric_incident_services_deleted" AFTER DELETE ON "incident_services"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_incident_services_changed"();

-- A service moving team (or going) changes every week's team scopes; a new time zone, every week.
CREATE FUNCTION "metric_invalidate_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "metric_invalidations" ("week_start") VALUES (NULL);
  RETURN NULL;
END $$;

CREATE TRIGGER "metric_service_team_changed" AFTER UPDATE OF "team_id" ON "services"
  FOR EACH ROW WHEN (OLD."team_id" IS DISTINCT FROM NEW."team_id") EXECUTE FUNCTION "metric_invalidate_all"();
CREATE TRIGGER "metric_service_deleted" AFTER DELETE ON "services"
  FOR EACH STATEMENT EXECUTE FUNCTION "metric_invalidate_all"();
CREATE TRIGGER "metric_time_zone_changed" AFTER UPDATE OF "time_zone" ON "organisation_settings"
  FOR EACH ROW WHEN (OLD."time_zone" IS DISTINCT FROM NEW."time_zone") EXECUTE FUNCTION "metric_invalidate_all"();
