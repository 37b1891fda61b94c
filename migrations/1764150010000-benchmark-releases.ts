import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 item 2: the peer benchmark as differentially private daily releases (domain.md, "Benchmark").
 *
 * tenant_benchmark() answered with a percentile over live peer rows: an account owning all peers but one could pin
 * the last one's score by moving its own. It is dropped. Now:
 *
 * - benchmark_releases holds one release per size band and UTC day: the three quartiles drawn with the exponential
 *   mechanism (benchmark_quantile_draw(), the SQL twin of src/benchmark/release-mechanism.ts), the release's
 *   epsilon, the eligible count rounded down to a multiple of 5, and the release time. No tenant_id (a release
 *   belongs to a band, not to a tenant), so no tenant policy; the app role is granted nothing on it.
 * - tenant_benchmark_release() (SECURITY DEFINER, no argument: the band comes from app_current_tenant()) returns the
 *   selected tenant's band and own latest score, and the band's release of the day. The first read of the day
 *   makes the release: INSERT ... ON CONFLICT DO NOTHING on the primary key (band, day), then a read, so concurrent
 *   first reads in any number of processes all return the one stored row. Raw peer scores never leave the function.
 * - Eligible: at least two current assessments whose submissions (server time, submitted_at) lie 60+ days apart.
 *   The latest score is the last current assessment in period order (period start, then the shorter period first,
 *   then submitted_at, then id), computed from the period text by benchmark_period_start()/benchmark_period_rank().
 * - The uniform numbers come from gen_random_uuid() (core since PostgreSQL 13, drawn from pg_strong_random(): a
 *   cryptographic source, unlike random()); 48 of its random bits make one uniform in [0, 1).
 */
export const BENCHMARK_RELEASE_SQL = `
      -- The first day of a period: 2026, 2026-H2, 2026-Q3, 2026-07.
      CREATE FUNCTION benchmark_period_start(period text) RETURNS date
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT make_date(left(period, 4)::integer,
                 CASE WHEN length(period) = 4 THEN 1
                      WHEN substr(period, 6, 1) = 'Q' THEN (substr(period, 7, 1)::integer - 1) * 3 + 1
                      WHEN substr(period, 6, 1) = 'H' THEN (substr(period, 7, 1)::integer - 1) * 6 + 1
                      ELSE substr(period, 6, 2)::integer END, 1) $$;
      -- At the same first day the shorter period comes first: month 1 < quarter 2 < half 3 < year 4.
      CREATE FUNCTION benchmark_period_rank(period text) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT CASE WHEN length(period) = 4 THEN 4 WHEN substr(period, 6, 1) = 'H' THEN 3
                          WHEN substr(period, 6, 1) = 'Q' THEN 2 ELSE 1 END $$;

      CREATE TABLE benchmark_releases (
        size_band text NOT NULL CHECK (size_band IN ('1-49', '50-249', '250-999', '1000+')),
        release_day date NOT NULL,
        p25 double precision NOT NULL CHECK (p25 BETWEEN 0 AND 100),
        p50 double precision NOT NULL CHECK (p50 BETWEEN 0 AND 100),
        p75 double precision NOT NULL CHECK (p75 BETWEEN 0 AND 100),
        epsilon double precision NOT NULL CHECK (epsilon > 0),
        eligible_count integer NOT NULL CHECK (eligible_count >= 10 AND eligible_count % 5 = 0),
        released_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benchmark_releases_pkey PRIMARY KEY (size_band, release_day),
        CHECK (p25 <= p50 AND p50 <= p75)
      );
      REVOKE ALL ON benchmark_releases FROM PUBLIC;
      REVOKE ALL ON benchmark_releases FROM smt_app;

      -- A uniform number in [0, 1) from 48 random bits of a version 4 UUID (the first 12 hex digits are random).
      CREATE FUNCTION benchmark_uniform() RETURNS double precision
        LANGUAGE sql VOLATILE PARALLEL SAFE
        AS $$ SELECT ('x' || translate(left(gen_random_uuid()::text, 13), '-', ''))::bit(48)::bigint
                     / 281474976710656.0::double precision $$;

      -- The exponential mechanism for the q-quantile of scores over the grid 0.0, 0.1, ..., 100.0: utility
      -- -|#scores below x - q n| (sensitivity 1), weight exp(epsilon * (u - max u) / 2), and the grid point where
      -- the cumulative weight first exceeds uniform * total. The same arithmetic as drawQuantile() in
      -- src/benchmark/release-mechanism.ts.
      CREATE FUNCTION benchmark_quantile_draw(
          scores double precision[], q double precision, epsilon double precision, uniform double precision)
        RETURNS double precision
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      DECLARE
        sorted double precision[] := ARRAY(SELECT s FROM unnest(scores) s ORDER BY s);
        n integer := cardinality(scores);
        below integer := 0;
        utilities double precision[] := array_fill(0::double precision, ARRAY[1001]);
        best double precision := '-Infinity';
        total double precision := 0;
        cumulative double precision := 0;
        target double precision;
        x double precision;
      BEGIN
        IF n = 0 THEN RAISE EXCEPTION 'benchmark_quantile_draw needs at least one score'; END IF;
        IF NOT (uniform >= 0 AND uniform < 1) THEN RAISE EXCEPTION 'uniform must be in [0, 1)'; END IF;
        FOR i IN 0..1000 LOOP
          x := i::double precision / 10;
          WHILE below < n AND sorted[below + 1] < x LOOP below := below + 1; END LOOP;
          utilities[i + 1] := -abs(below - q * n);
          best := greatest(best, utilities[i + 1]);
        END LOOP;
        FOR i IN 1..1001 LOOP
          utilities[i] := exp(epsilon * (utilities[i] - best) / 2);
          total := total + utilities[i];
        END LOOP;
        target := uniform * total;
        FOR i IN 1..1001 LOOP
          cumulative := cumulative + utilities[i];
          IF cumulative > target THEN RETURN (i - 1)::double precision / 10; END IF;
        END LOOP;
        RETURN 100;
      END $fn$;

      CREATE FUNCTION tenant_benchmark_release() RETURNS TABLE (
          size_band text, own_score double precision, p25 double precision, p50 double precision,
          p75 double precision, epsilon double precision, eligible_count integer, released_at timestamptz,
          minimum_eligible integer)
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $fn$
      DECLARE
        v_band text;
        v_score double precision;
        v_day date := (now() AT TIME ZONE 'UTC')::date;
        v_scores double precision[];
        v_draws double precision[];
      BEGIN
        SELECT benchmark_size_band(t.employee_count),
               (SELECT a.overall_score FROM assessments a
                 WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
                 ORDER BY benchmark_period_start(a.period) DESC, benchmark_period_rank(a.period) DESC,
                          a.submitted_at DESC, a.id DESC
                 LIMIT 1)
          INTO v_band, v_score
          FROM tenants t WHERE t.id = app_current_tenant();
        IF v_band IS NULL THEN RETURN; END IF;

        IF NOT EXISTS (SELECT 1 FROM benchmark_releases r WHERE r.size_band = v_band AND r.release_day = v_day) THEN
          v_scores := ARRAY(
            SELECT l.overall_score
              FROM tenants t
              CROSS JOIN LATERAL (
                SELECT a.overall_score FROM assessments a
                 WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
                 ORDER BY benchmark_period_start(a.period) DESC, benchmark_period_rank(a.period) DESC,
                          a.submitted_at DESC, a.id DESC
                 LIMIT 1) l
             WHERE benchmark_size_band(t.employee_count) = v_band
               AND (SELECT max(a.submitted_at) - min(a.submitted_at) FROM assessments a
                     WHERE a.tenant_id = t.id AND a.superseded_at IS NULL) >= interval '60 days');
          IF cardinality(v_scores) >= 10 THEN
            -- Sorted: independent draws may cross; sorting is post-processing and costs no privacy.
            v_draws := ARRAY(SELECT d FROM unnest(ARRAY[
                benchmark_quantile_draw(v_scores, 0.25, 1::double precision / 3, benchmark_uniform()),
                benchmark_quantile_draw(v_scores, 0.5, 1::double precision / 3, benchmark_uniform()),
                benchmark_quantile_draw(v_scores, 0.75, 1::double precision / 3, benchmark_uniform())]) d ORDER BY d);
            INSERT INTO benchmark_releases AS r (size_band, release_day, p25, p50, p75, epsilon, eligible_count)
            VALUES (v_band, v_day, v_draws[1], v_draws[2], v_draws[3], 1, cardinality(v_scores) / 5 * 5)
            ON CONFLICT ON CONSTRAINT benchmark_releases_pkey DO NOTHING;
          END IF;
        END IF;

        -- A new statement: under READ COMMITTED it sees the row a concurrent first read committed.
        RETURN QUERY
          SELECT v_band, v_score, r.p25, r.p50, r.p75, r.epsilon, r.eligible_count, r.released_at, 10
            FROM (SELECT 1) one
            LEFT JOIN benchmark_releases r ON r.size_band = v_band AND r.release_day = v_day;
      END $fn$;

      REVOKE ALL ON FUNCTION benchmark_uniform() FROM PUBLIC;
      REVOKE ALL ON FUNCTION benchmark_quantile_draw(double precision[], double precision, double precision,
        double precision) FROM PUBLIC;
      REVOKE ALL ON FUNCTION tenant_benchmark_release() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION tenant_benchmark_release() TO smt_app;
`;

/** tenant_benchmark() of migration 1764150003000, restored by down(). */
const LIVE_PERCENTILE_SQL = `
      CREATE FUNCTION tenant_benchmark() RETURNS TABLE (
          size_band text, peer_count integer, percentile double precision, own_score double precision,
          minimum_peers integer)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $fn$
        WITH me AS (
          SELECT t.id, benchmark_size_band(t.employee_count) AS band,
                 (SELECT a.overall_score FROM assessments a
                   WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
                   ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) AS score
            FROM tenants t WHERE t.id = app_current_tenant()
        ), peers AS (
          SELECT l.overall_score AS score
            FROM me
            JOIN tenants t ON benchmark_size_band(t.employee_count) = me.band AND t.id <> me.id
            CROSS JOIN LATERAL (
              SELECT a.overall_score FROM assessments a
               WHERE a.tenant_id = t.id AND a.superseded_at IS NULL
               ORDER BY a.submitted_at DESC, a.id DESC LIMIT 1) l
           WHERE t.id NOT IN (
             SELECT theirs.tenant_id FROM memberships ours
               JOIN memberships theirs ON theirs.user_id = ours.user_id
              WHERE ours.tenant_id = me.id)
        ), tally AS (
          SELECT count(p.score)::integer AS n,
                 count(p.score) FILTER (WHERE p.score < me.score)::integer AS below,
                 count(p.score) FILTER (WHERE p.score = me.score)::integer AS ties
            FROM me LEFT JOIN peers p ON true
        )
        SELECT me.band,
               CASE WHEN tally.n >= 5 THEN tally.n END,
               CASE WHEN tally.n >= 5 AND me.score IS NOT NULL
                    THEN (tally.below + 0.5 * tally.ties) / tally.n * 100 END,
               me.score,
               5
          FROM me CROSS JOIN tally
      $fn$;
      REVOKE ALL ON FUNCTION tenant_benchmark() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION tenant_benchmark() TO smt_app;
`;

export class BenchmarkReleases1764150010000 implements MigrationInterface {
  name = 'BenchmarkReleases1764150010000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION tenant_benchmark();`);
    await q.query(BENCHMARK_RELEASE_SQL);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION tenant_benchmark_release();
      DROP FUNCTION benchmark_quantile_draw(double precision[], double precision, double precision, double precision);
      DROP FUNCTION benchmark_uniform();
      DROP TABLE benchmark_releases;
      DROP FUNCTION benchmark_period_rank(text);
      DROP FUNCTION benchmark_period_start(text);
    `);
    await q.query(LIVE_PERCENTILE_SQL);
  }
}
