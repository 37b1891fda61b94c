/**
 * The hand-written SQL of the bare peers (Apollo + pg, and the raw pg loop): the same statements the application
 * sends, over a plain pg client, in the same per-request transaction with the same tenant protocol and RLS.
 */
import { randomUUID } from 'node:crypto';
import { escapeLiteral, type ClientBase } from 'pg';
import { assembleFacts, FACTS_SQL, type FactsRow } from '../../src/assessments/organisation-facts';
import { canonicalAnswers, requestHash } from '../../src/assessments/request-hash';
import { isUuid } from '../../src/common/ids';
import {
  CURRENT_MODEL_VERSION,
  getScoringModel,
  score,
  type AssessmentAnswers,
  type ScoringResult,
} from '../../src/scoring';

/**
 * How a request's transaction starts, as the application does it:
 *  - classic: BEGIN; set_config(user); membership + set_config(tenant) (3 round trips)
 *  - merged: the three as one simple-protocol query (1 round trip; ids are checked UUIDs, inlined as literals)
 */
export type TenantProtocol = 'classic' | 'merged';

export class ForbiddenTenant extends Error {}

export async function openTenant(
  client: ClientBase,
  protocol: TenantProtocol,
  userId: string,
  tenantId: string | null,
): Promise<string | null> {
  if (!isUuid(userId) || (tenantId !== null && !isUuid(tenantId))) throw new ForbiddenTenant('malformed id');
  if (protocol === 'merged') {
    const user = `SELECT set_config('app.user_id', '${userId}', true)`;
    if (!tenantId) {
      await client.query(`BEGIN; ${user}`);
      return null;
    }
    const results = (await client.query(
      `BEGIN; ${user}; SELECT m.role, set_config('app.tenant_id', m.tenant_id::text, true)
         FROM memberships m WHERE m.tenant_id = '${tenantId}' AND m.user_id = '${userId}'`,
    )) as unknown as { rows: { role: string }[] }[];
    return results[2].rows[0]?.role ?? null;
  }
  await client.query('START TRANSACTION');
  await client.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
  if (!tenantId) return null;
  const { rows } = await client.query<{ role: string }>(
    `SELECT m.role, set_config('app.tenant_id', m.tenant_id::text, true)
       FROM memberships m WHERE m.tenant_id = $1 AND m.user_id = $2`,
    [tenantId, userId],
  );
  return rows[0]?.role ?? null;
}

const ASSESSMENT_COLUMNS = `a.id, a.period, a.submitted_at, a.superseded_at, a.model_version, a.overall_score, a.stage,
  a.result, a.idempotency_key, a.request_hash,
  (extract(epoch FROM a.submitted_at) * 1000000)::bigint::text AS submitted_key, a.inputs -> 'answers' AS answers`;

export interface AssessmentRow {
  id: string;
  period: string;
  submitted_at: Date;
  superseded_at: Date | null;
  model_version: string;
  overall_score: number;
  stage: string;
  result: ScoringResult;
  idempotency_key: string;
  request_hash: string;
  answers: AssessmentAnswers;
}

export const Q1_SQL = `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a WHERE a.id = $1`;

export async function assessmentById(client: ClientBase, id: string): Promise<AssessmentRow | null> {
  if (!isUuid(id)) return null;
  const { rows } = await client.query<AssessmentRow>(Q1_SQL, [id]);
  return rows[0] ?? null;
}

export interface SubmitInput {
  period: string;
  idempotencyKey: string;
  answers: AssessmentAnswers;
  supersede?: boolean;
}

const pending = new WeakMap<ClientBase, string[]>();

function beforeCommit(client: ClientBase, sql: string): void {
  pending.set(client, [...(pending.get(client) ?? []), sql]);
}

/** COMMIT, with the statements queued for it in the same round trip (as the service's TenantTransaction). */
export async function commit(client: ClientBase): Promise<void> {
  const statements = pending.get(client) ?? [];
  pending.delete(client);
  await client.query([...statements, 'COMMIT'].join('; '));
}

export async function rollback(client: ClientBase): Promise<void> {
  pending.delete(client);
  await client.query('ROLLBACK');
}

/**
 * submitAssessment for a new period (the workload never replays or supersedes): the same statements as the
 * service's happy path (facts, insert; the audit row goes with the COMMIT).
 */
export async function submitAssessment(
  client: ClientBase,
  userId: string,
  input: SubmitInput,
  requestId: string,
): Promise<AssessmentRow> {
  const answers = canonicalAnswers(input.answers);
  const supersede = input.supersede ?? false;
  const hash = requestHash({ period: input.period, answers, supersede });
  const { rows: factRows } = await client.query<FactsRow>(FACTS_SQL);
  const inputs = { ...assembleFacts(factRows[0]), answers };
  const result = score(inputs, getScoringModel(CURRENT_MODEL_VERSION));
  const id = randomUUID();
  // As the service: only the submission time comes back, not the JSON just sent.
  const { rows } = await client.query<{ submitted_at: Date }>(
    `INSERT INTO assessments AS a (id, period, idempotency_key, request_hash, submitted_by, model_version, inputs,
                                   result, overall_score, stage)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)
     ON CONFLICT DO NOTHING
     RETURNING a.submitted_at, (extract(epoch FROM a.submitted_at) * 1000000)::bigint::text AS submitted_key`,
    [
      id,
      input.period,
      input.idempotencyKey,
      hash,
      userId,
      result.modelVersion,
      JSON.stringify(inputs),
      JSON.stringify(result),
      result.overallScore,
      result.stage,
    ],
  );
  // As the service: a new key for a free period inserts first; the bench submits new periods only.
  if (!rows[0]) throw new Error('conflicting submission');
  // As the service: the audit row goes with the COMMIT, in its round trip.
  beforeCommit(
    client,
    `INSERT INTO audit_events (tenant_id, user_id, operation, target_id, request_id) VALUES (app_current_tenant(), ` +
      `${escapeLiteral(userId)}, 'submitAssessment', ${escapeLiteral(id)}, ${escapeLiteral(requestId)})`,
  );
  return {
    id,
    period: input.period,
    submitted_at: rows[0].submitted_at,
    superseded_at: null,
    model_version: result.modelVersion,
    overall_score: result.overallScore,
    stage: result.stage,
    result,
    idempotency_key: input.idempotencyKey,
    request_hash: hash,
    answers,
  };
}
