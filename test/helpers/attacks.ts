import type { Client } from 'pg';
import { resultWith, SNAPSHOT } from './clients';

const FINDINGS = 'findings { code severity dimension responsibility message recommendation }';

/** Issue 13's attack (8 KB, a VIEWER may send it): 15 aliases of the growth points with findings and nested previous. */
export const GROWTH_ATTACK = `{ ${Array.from(
  { length: 15 },
  (_, i) => `a${i}: tenant { growth { points { id ${FINDINGS} previous { ${FINDINGS} previous { id } } } } }`,
).join(' ')} }`;

/** Its portfolio variant: 15 aliases of every client's latest assessment with findings and previous. */
export const PORTFOLIO_ATTACK = `{ ${Array.from(
  { length: 15 },
  (_, i) =>
    `a${i}: portfolio { entries { tenant { id name } latestAssessment { id ${FINDINGS} previous { ${FINDINGS} } } } }`,
).join(' ')} }`;

/**
 * `count` current assessments of `tenant` in one statement through the admin connection (a day apart, periods
 * 5001, 5002, ...), each with a real stored result of the scoring engine.
 */
export async function insertAssessmentsInBulk(admin: Client, tenant: string, count: number): Promise<void> {
  const result = resultWith(55);
  await admin.query(
    `INSERT INTO assessments (tenant_id, id, period, idempotency_key, request_hash, submitted_at, model_version, inputs,
                              result, overall_score, stage)
     SELECT $1::uuid, gen_random_uuid(), (5000 + g)::text, 'bulk-' || g || '-' || $1::text, repeat('0', 64),
            now() - (($2 - g) * interval '1 day'), $3, $4, $5, $6, $7
       FROM generate_series(1, $2::int) AS g`,
    [tenant, count, result.modelVersion, JSON.stringify(SNAPSHOT), JSON.stringify(result), result.overallScore, result.stage],
  );
}
