import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: stored results keep codes and numbers, never texts (domain.md, "Languages"). Until now each stored
 * finding (assessments.result and assessment_scores.result, `findings[]`) carried its English `message` and
 * `recommendation`; the texts are now made when a response is written, in the request's language, from the code,
 * the codes the finding names (responsibility, failureFactor, item) and `values`, the numbers its texts need.
 *
 * So every stored finding loses `message` and `recommendation`, and the two that had a number only inside their
 * text keep it as a number:
 * - RECURRING_FAILURE_FACTOR: `values.count`, read from its message ("3 initiatives name ..."), else counted
 *   again from the assessment's stored inputs (initiatives naming the factor, as the engine counts);
 * - LOW_RESPONSE_RATE: `values.responses` and `values.invited`, read from its message ("Only 2 of the 10 invited
 *   respondents answered"), else from the campaign's stored aggregate.
 * A finding that already has no message is left as it is (the migration can run over rows of either shape).
 *
 * The tables force row-level security on their owner too, which runs migrations: the owner lifts FORCE for this
 * one transaction (ACCESS EXCLUSIVE on the three tables while it runs) and sets it again before COMMIT.
 * Down puts the English texts back only in shape (message/recommendation = the code): the texts live in the
 * catalogues now, and an older release reading these rows gets non-null strings.
 */
export class FindingCodesOnly1764150018000 implements MigrationInterface {
  name = 'FindingCodesOnly1764150018000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessments NO FORCE ROW LEVEL SECURITY;
      ALTER TABLE assessment_scores NO FORCE ROW LEVEL SECURITY;
      ALTER TABLE campaigns NO FORCE ROW LEVEL SECURITY;

      CREATE OR REPLACE FUNCTION pg_temp.finding_codes_only(finding jsonb, inputs jsonb, campaign_aggregate jsonb)
      RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN NOT (finding ? 'message') THEN finding
          WHEN finding ->> 'code' = 'RECURRING_FAILURE_FACTOR' THEN
            (finding - 'message' - 'recommendation') || jsonb_build_object('values', jsonb_build_object('count',
              COALESCE(
                (substring(finding ->> 'message' FROM '^(\\d+) '))::int,
                (SELECT count(*)::int FROM jsonb_array_elements(COALESCE(inputs -> 'initiatives', '[]')) i
                  WHERE COALESCE(i -> 'failureFactors', '[]') ? (finding ->> 'failureFactor')))))
          WHEN finding ->> 'code' = 'LOW_RESPONSE_RATE' THEN
            (finding - 'message' - 'recommendation') || jsonb_build_object('values', jsonb_build_object(
              'responses', COALESCE((regexp_match(finding ->> 'message', '(\\d+) of the (\\d+) '))[1]::int,
                                    (campaign_aggregate ->> 'responses')::int, 0),
              'invited', COALESCE((regexp_match(finding ->> 'message', '(\\d+) of the (\\d+) '))[2]::int,
                                  (campaign_aggregate ->> 'invited')::int, 0)))
          ELSE finding - 'message' - 'recommendation'
        END
      $$;

      CREATE OR REPLACE FUNCTION pg_temp.result_codes_only(result jsonb, inputs jsonb, campaign_aggregate jsonb)
      RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(result -> 'findings') = 'array' THEN
          jsonb_set(result, '{findings}', COALESCE(
            (SELECT jsonb_agg(pg_temp.finding_codes_only(f, inputs, campaign_aggregate) ORDER BY n)
               FROM jsonb_array_elements(result -> 'findings') WITH ORDINALITY AS e(f, n)), '[]'))
        ELSE result END
      $$;

      UPDATE assessments a
         SET result = pg_temp.result_codes_only(a.result, a.inputs,
               (SELECT c.aggregate FROM campaigns c WHERE c.tenant_id = a.tenant_id AND c.id = a.campaign_id))
       WHERE jsonb_path_exists(a.result, '$.findings[*].message');

      UPDATE assessment_scores s
         SET result = pg_temp.result_codes_only(s.result, a.inputs, NULL)
        FROM assessments a
       WHERE a.tenant_id = s.tenant_id AND a.id = s.assessment_id
         AND jsonb_path_exists(s.result, '$.findings[*].message');

      ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
      ALTER TABLE assessment_scores FORCE ROW LEVEL SECURITY;
      ALTER TABLE campaigns FORCE ROW LEVEL SECURITY;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessments NO FORCE ROW LEVEL SECURITY;
      ALTER TABLE assessment_scores NO FORCE ROW LEVEL SECURITY;

      CREATE OR REPLACE FUNCTION pg_temp.result_with_texts(result jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN jsonb_typeof(result -> 'findings') = 'array' THEN
          jsonb_set(result, '{findings}', COALESCE(
            (SELECT jsonb_agg(f || jsonb_build_object('message', f ->> 'code', 'recommendation', f ->> 'code') ORDER BY n)
               FROM jsonb_array_elements(result -> 'findings') WITH ORDINALITY AS e(f, n)), '[]'))
        ELSE result END
      $$;
      UPDATE assessments SET result = pg_temp.result_with_texts(result);
      UPDATE assessment_scores SET result = pg_temp.result_with_texts(result);

      ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
      ALTER TABLE assessment_scores FORCE ROW LEVEL SECURITY;
    `);
  }
}
