import { Pool, type PoolClient, type ClientBase } from 'pg';
import { getScoringModel, score, type ScoringInputs, type ScoringResult } from '../../scoring';

export interface RescoreProgress {
  /** Snapshots that had no result under the model when the run started. */
  total: number;
  /** Scored and stored so far in this run. */
  scored: number;
  /** Snapshots the engine could not score (left without a result; retried by the next run). */
  failed: number;
}

export interface RescoreOptions {
  /** Snapshots per transaction; 500 by default. */
  batchSize?: number;
  onProgress?: (progress: RescoreProgress) => void;
  /** Stops after the batch in flight (which commits): a later run resumes where this one stopped. */
  signal?: AbortSignal;
}

export interface RescoreFailure {
  tenantId: string;
  assessmentId: string;
  error: string;
}

export interface RescoreSummary extends RescoreProgress {
  modelVersion: string;
  interrupted: boolean;
  failures: RescoreFailure[];
}

interface PendingRow {
  tenant_id: string;
  id: string;
  inputs: ScoringInputs;
}

/** The failures listed in a summary; the count goes on. */
const MAX_LISTED_FAILURES = 100;

/**
 * Scores every stored snapshot (assessments.inputs) under `modelVersion` into assessment_scores, across all
 * tenants. Assessments are never changed and earlier results are kept. Work is found by what is missing (no row
 * for this model version yet), walked in (tenant_id, id) order, one transaction per batch with ON CONFLICT DO
 * NOTHING: an interrupted run loses at most its batch in flight, a second run skips what the first stored, and
 * two runs at once never store a result twice.
 *
 * Runs as an operator, with a connection that sees every tenant (the owner role, see the migration).
 */
export async function rescoreAll(
  db: Pool | ClientBase,
  modelVersion: string,
  options: RescoreOptions = {},
): Promise<RescoreSummary> {
  const model = getScoringModel(modelVersion);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const client: ClientBase | PoolClient = db instanceof Pool ? await db.connect() : db;
  // A lost connection fails the query in flight (and so this run); without a listener it would also crash the process.
  const ignore = () => undefined;
  client.on('error', ignore);
  const summary: RescoreSummary = {
    modelVersion,
    total: 0,
    scored: 0,
    failed: 0,
    interrupted: false,
    failures: [],
  };
  try {
    summary.total = await countPending(client, modelVersion);
    options.onProgress?.(progressOf(summary));
    let after: { tenantId: string; id: string } | null = null;
    for (;;) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const batch = await rescoreBatch(client, model.version, after, batchSize, (inputs) =>
        score(inputs, model),
      );
      if (batch.seen === 0) break;
      summary.scored += batch.stored;
      summary.failed += batch.failures.length;
      summary.failures.push(...batch.failures.slice(0, MAX_LISTED_FAILURES - summary.failures.length));
      after = batch.last;
      options.onProgress?.(progressOf(summary));
      if (batch.seen < batchSize) break;
    }
  } finally {
    client.off('error', ignore);
    if (client !== db) (client as PoolClient).release();
  }
  return summary;
}

async function countPending(client: ClientBase, modelVersion: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM assessments a
      WHERE NOT EXISTS (SELECT 1 FROM assessment_scores s
                         WHERE s.tenant_id = a.tenant_id AND s.assessment_id = a.id AND s.model_version = $1)`,
    [modelVersion],
  );
  return rows[0].n;
}

/** One batch in one transaction: the next `limit` snapshots without a result, scored and stored. */
async function rescoreBatch(
  client: ClientBase,
  modelVersion: string,
  after: { tenantId: string; id: string } | null,
  limit: number,
  scoreOne: (inputs: ScoringInputs) => ScoringResult,
): Promise<{
  seen: number;
  stored: number;
  failures: RescoreFailure[];
  last: { tenantId: string; id: string } | null;
}> {
  await client.query('BEGIN');
  try {
    // Keyset pagination on the primary key: each batch starts where the previous one ended.
    const { rows } = await client.query<PendingRow>(
      `SELECT a.tenant_id, a.id, a.inputs FROM assessments a
        WHERE NOT EXISTS (SELECT 1 FROM assessment_scores s
                           WHERE s.tenant_id = a.tenant_id AND s.assessment_id = a.id AND s.model_version = $1)
          ${after ? 'AND (a.tenant_id, a.id) > ($3::uuid, $4::uuid)' : ''}
        ORDER BY a.tenant_id, a.id
        LIMIT $2`,
      after ? [modelVersion, limit, after.tenantId, after.id] : [modelVersion, limit],
    );
    const failures: RescoreFailure[] = [];
    const results: { tenantId: string; assessmentId: string; result: ScoringResult }[] = [];
    for (const row of rows) {
      try {
        results.push({ tenantId: row.tenant_id, assessmentId: row.id, result: scoreOne(row.inputs) });
      } catch (e) {
        failures.push({
          tenantId: row.tenant_id,
          assessmentId: row.id,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
    let stored = 0;
    if (results.length > 0) {
      const inserted = await client.query(
        `INSERT INTO assessment_scores (tenant_id, assessment_id, model_version, result, overall_score, stage)
         SELECT (e ->> 'tenantId')::uuid, (e ->> 'assessmentId')::uuid, $1, e -> 'result',
                (e -> 'result' ->> 'overallScore')::double precision, e -> 'result' ->> 'stage'
           FROM jsonb_array_elements($2::jsonb) e
         ON CONFLICT (tenant_id, assessment_id, model_version) DO NOTHING`,
        [modelVersion, JSON.stringify(results)],
      );
      stored = inserted.rowCount ?? 0;
    }
    await client.query('COMMIT');
    const last = rows.at(-1);
    return {
      seen: rows.length,
      stored,
      failures,
      last: last ? { tenantId: last.tenant_id, id: last.id } : after,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

function progressOf({ total, scored, failed }: RescoreProgress): RescoreProgress {
  return { total, scored, failed };
}
